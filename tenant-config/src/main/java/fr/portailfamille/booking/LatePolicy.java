package fr.portailfamille.booking;

/** What happens to a booking made after the booking deadline. */
public enum LatePolicy {
    /** The booking is refused. */
    REFUSED,
    /** The booking is accepted and surcharged: "hors délai, l'inscription sera majorée". */
    SURCHARGED
}
