/**
 * Billing pages: the staff's invoicing (agent/facturation: preview, issue with its progress, invoices of
 * the period with their PDF), the family's Mes factures and relevé de compte, and the PDF servlet of
 * invoices, relevés and attestations fiscales.
 */
package fr.portailfamille.platform.billing.web;
