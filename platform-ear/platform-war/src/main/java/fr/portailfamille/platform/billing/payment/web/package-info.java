/** The régie's counter pages: an invoice's detail (facture), the payments of a day or period (paiements), the receipt PDF. */
package fr.portailfamille.platform.billing.payment.web;
