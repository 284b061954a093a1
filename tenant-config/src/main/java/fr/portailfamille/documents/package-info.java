/**
 * The commune's document types (attestation d'assurance, justificatif de domicile…) and the pure rules of a
 * family document's validity: until when a document of a type stays valid, and when its expiry is announced.
 */
package fr.portailfamille.documents;
