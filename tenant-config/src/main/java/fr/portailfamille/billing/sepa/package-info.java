/**
 * SEPA direct debit as pure rules: a mandate's reference (RUM), IBAN, BIC and creditor identifier (ICS) checks,
 * the FRST/RCUR sequence, the collection date from the régie's debit day, the banks' reject reasons in French,
 * and the pain.008.001.02 file a régie hands to its bank ({@link fr.portailfamille.billing.sepa.Pain008}).
 */
package fr.portailfamille.billing.sepa;
