package fr.portailfamille.billing;

/** What the pointage says of a child on a unit-day. */
public enum Attendance {
    PRESENT,
    /** Absent with an accepted excuse (e.g. medical certificate): never billed. */
    ABSENT_EXCUSED,
    /** Absent without excuse: billed when the tariff says so. */
    ABSENT_UNEXCUSED,
    /** Nothing recorded for the day (no pointage). */
    NOT_RECORDED
}
