/**
 * Unpaid invoices of the commune's régies: the list past due with age and totals, the reminders (relances)
 * at the delays of the configuration file — by a button or the daily job, each level once per invoice.
 */
package fr.portailfamille.platform.billing.unpaid;
