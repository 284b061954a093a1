/**
 * Invoicing of a régie's month: the preview of each family's invoice from its bookings, pointage and
 * absences (priced by tenant-config's {@code fr.portailfamille.billing} rules), the background run
 * that numbers and writes the invoices (25 families per transaction, a failing chunk redone family by
 * family) and mails each family once its
 * invoice has committed ({@code InvoiceMails}), credit notes, {@code FamilyAccount} (the one reader of a
 * family's account) and, by the same rules before any invoice, what a family pays
 * ({@code FamilyPricing}: its tariffs, the price of a planning selection).
 */
package fr.portailfamille.platform.billing;
