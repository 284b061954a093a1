/**
 * The régie's exports for the staff: invoices and credit notes, payments, the CAF summary per activity
 * and QF bracket, and the régie's journal of a period, as tables written to CSV (French Excel) or XLSX.
 */
package fr.portailfamille.platform.billing.export;
