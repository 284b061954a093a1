/**
 * The family file (foyer, responsables, enfants, contacts, CAF, bank), its drafts (the valid part is kept),
 * change requests and audit. The family works on its own file through {@code FamilyFileService}; agents
 * open, list and decide files through {@code FamilyDesk}, decide change requests through
 * {@code ChangeRequestDesk}, edit files through {@code AgentFileEditor} and create them at the counter through
 * {@code FamilyCounter}. Health data is read and decided only by agents with {@code agent-sante}, checked in
 * {@code HealthRecords}, and every read of it is audited. The queues of files and change requests are
 * {@code FileQueue} and {@code RequestQueue} (all filtered, sorted and paged in SQL, rows as records).
 */
package fr.portailfamille.platform.family;
