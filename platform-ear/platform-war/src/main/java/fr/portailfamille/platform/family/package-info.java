/**
 * The family file (foyer, responsables, enfants, contacts, CAF, bank), its drafts (the valid part is kept),
 * change requests and audit. Health data is read and decided only by agents with {@code agent-sante},
 * checked in {@code FamilyFileService}, and every read of it is audited. Agents list the families through
 * {@code FamilyDesk}; the queues of files and change requests are {@code FileQueue} and {@code RequestQueue}
 * (all filtered, sorted and paged in SQL, rows as records).
 */
package fr.portailfamille.platform.family;
