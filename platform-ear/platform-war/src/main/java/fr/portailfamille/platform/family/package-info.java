/**
 * The family file (foyer, responsables, enfants, contacts, CAF, bank), its drafts (the valid part is kept),
 * change requests and audit. Health data is read and decided only by agents with {@code agent-sante},
 * checked in {@code FamilyFileService}, and every read of it is audited. The agents' queues of files and
 * of change requests ({@code FileQueue}, {@code RequestQueue}) count and page in SQL and return records.
 */
package fr.portailfamille.platform.family;
