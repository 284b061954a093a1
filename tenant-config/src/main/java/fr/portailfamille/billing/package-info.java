/**
 * What a booked day costs and how it is invoiced, as pure rules a commune configures: QF brackets,
 * régies, tariffs ({@link fr.portailfamille.billing.Tariff}), the price of one child's unit-day
 * ({@link fr.portailfamille.billing.Pricing}) and the draft invoice grouping priced days
 * ({@link fr.portailfamille.billing.InvoiceCalculator}); money is integer cents, rounded half up once
 * per line ({@link fr.portailfamille.billing.Money}).
 *
 * <p>{@link fr.portailfamille.billing.InvoiceNumbering} gives a régie's gap-free numbers inside the
 * caller's JDBC transaction; the billing tables are created by the tenant migration {@code V8__billing}.
 */
package fr.portailfamille.billing;
