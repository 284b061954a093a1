/**
 * The pages of SEPA direct debit: the family's mandate ({@code espace/prelevement}: sign, read, download, revoke),
 * the agents' mandates and run files ({@code agent/prelevements}: pain.008 download and rejects for régisseurs), and
 * the downloads (mandate PDF, pain.008 file).
 */
package fr.portailfamille.platform.billing.sepa.web;
