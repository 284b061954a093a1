/** The pages of Mes documents: the family's list and upload, the agents' queue and search, and the downloads. */
package fr.portailfamille.platform.family.documents.web;
