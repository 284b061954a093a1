package fr.portailfamille.platform.family;

/** Where a family file stands. */
public enum FamilyStatus {
    /** Being filled in by the family ("Compte en cours de création"); kept 30 days after the last save. */
    DRAFT,
    /** Sent with "Valider l'inscription", awaiting an agent. */
    SUBMITTED,
    /** Validated by an agent: read-only for the family, changes go through change requests. */
    VALIDATED
}
