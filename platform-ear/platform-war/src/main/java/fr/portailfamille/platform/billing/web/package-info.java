/** The staff's invoicing page (agent/facturation): preview, issue with its progress, invoices of the period. */
package fr.portailfamille.platform.billing.web;
