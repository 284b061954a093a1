package fr.portailfamille.booking;

/** Why a child is absent on a booked day, as the family declares it. */
public enum AbsenceReason {
    MALADIE,
    FAMILLE,
    AUTRE
}
