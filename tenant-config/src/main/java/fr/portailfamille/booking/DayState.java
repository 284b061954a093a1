package fr.portailfamille.booking;

/**
 * The state of one day/unit in a child's month calendar. Each commune names and colours these
 * states in its {@link Legend}; {@link LegendState#of} computes them.
 */
public enum DayState {
    /** Open, places left, deadline not passed: the parent may book. */
    RESERVABLE,
    /** Booked, and the cancellation deadline has not passed. */
    RESERVE_ANNULABLE,
    /** Booked, and the cancellation deadline has passed: the day will be billed. */
    RESERVE_NON_ANNULABLE,
    /** Booked late and surcharged, or still bookable but only late with a surcharge. */
    HORS_DELAI_MAJORE,
    /** Cancelled on time, nothing billed. */
    ANNULE_SANS_FRAIS,
    /** Not booked and no place left (the parent may join the waiting list). */
    COMPLET,
    /** The child is on the waiting list. */
    LISTE_ATTENTE,
    /** The booking waits for an agent's validation. */
    EN_ATTENTE_VALIDATION,
    /**
     * The unit does not run that day (closure, day without this unit), or the day can no longer be
     * booked (past day, booking deadline passed and late bookings refused).
     */
    FERME,
    /** Public holiday. */
    FERIE,
    /** School holidays, when the activity does not run during them. */
    VACANCES,
    /** Absent with a valid excuse, not billed. */
    ABSENT_EXCUSE,
    /** Absent and billed. */
    ABSENT_FACTURE,
    /** Present. */
    PRESENT,
    /** The booking was refused by the service (the reason is shown next to it). */
    REFUSEE,
    /** Absent with a medical certificate that the service has not reviewed yet: billing undecided. */
    ABSENCE_EN_VERIFICATION,
    /**
     * The day's seats go by an opening window's allocation, not first come, first served: the family sends a request
     * ("Ma demande"); the day follows the usual states again once the allocation is published.
     */
    SUR_DEMANDE
}
