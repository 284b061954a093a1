package fr.portailfamille.platform.registration;

/** Where a registration or a school pre-registration stands. */
public enum RequestStatus {
    SUBMITTED("En attente de validation"), VALIDATED("Validée"), REFUSED("Refusée"),
    /** Taken back by the family before any decision (Mes demandes). */
    WITHDRAWN("Annulée par la famille");

    /** The states of a request that no longer holds the child's place: the family may ask again. */
    public static final java.util.Set<RequestStatus> OVER = java.util.EnumSet.of(REFUSED, WITHDRAWN);

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    /** French label for families and agents. */
    public String getLabel() {
        return label;
    }
}
