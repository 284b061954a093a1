/**
 * The billing pages: the staff's invoicing (agent/facturation: preview, issue with its progress, invoices
 * of the period with their PDF) and exports (agent/exports-facturation, with the file download servlet);
 * the families' "Consulter les tarifs" (espace/tarifs), Mes factures and relevé de compte, and the PDF
 * servlet of invoices, relevés and attestations fiscales.
 */
package fr.portailfamille.platform.billing.web;
