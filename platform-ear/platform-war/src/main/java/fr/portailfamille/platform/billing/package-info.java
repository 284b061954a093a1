/**
 * Invoicing of a régie's month: the preview of each family's invoice from its bookings, pointage and
 * absences (priced by tenant-config's {@code fr.portailfamille.billing} rules), the background run
 * that numbers and writes the invoices one family per transaction and mails each family once its
 * invoice has committed ({@code InvoiceMails}), credit notes, and {@code FamilyAccount}, the one reader
 * of a family's account.
 */
package fr.portailfamille.platform.billing;
