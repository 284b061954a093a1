/** Faces beans of the porte-monnaie: the family's page ({@code espace/porte-monnaie}) and the régisseur's counter top-up. */
package fr.portailfamille.platform.billing.wallet.web;
