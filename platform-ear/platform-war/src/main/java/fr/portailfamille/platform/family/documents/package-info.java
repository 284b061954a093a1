/**
 * Mes documents: documents a family uploads for itself or a child, of the commune's document types, reviewed by
 * agents (health types by {@code agent-sante} only), reused by registrations while valid, and announced when they
 * expire ({@code FamilyDocuments}, {@code DocumentExpiryJob}).
 */
package fr.portailfamille.platform.family.documents;
