/**
 * Bench 5's door into the platform's invoice PDF: it sits in the WAR's documents package (on the bench's class
 * path from platform-war's classes jar) so that it can call the package-private XHTML builder without widening it.
 */
package fr.portailfamille.platform.billing.documents;
