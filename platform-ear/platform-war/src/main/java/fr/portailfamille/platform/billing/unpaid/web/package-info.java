/** The staff page of unpaid invoices (agent/impayes.xhtml): filters, totals per régie, reminders, titres. */
package fr.portailfamille.platform.billing.unpaid.web;
