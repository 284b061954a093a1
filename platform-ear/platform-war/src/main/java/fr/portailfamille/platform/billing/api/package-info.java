/**
 * The billing context's part of the families' REST API ({@code /api/famille/v1/factures}): the signed-in family's
 * invoices and credit notes from {@link fr.portailfamille.platform.billing.FamilyAccount}, one with its lines, and its PDF.
 */
package fr.portailfamille.platform.billing.api;
