/**
 * The billing pages: the staff's invoicing (agent/facturation) and exports (agent/exports-facturation,
 * with the file download servlet), and the families' "Consulter les tarifs" (espace/tarifs).
 */
package fr.portailfamille.platform.billing.web;
