package fr.portailfamille.platform.registration;

/** Where a registration or a school pre-registration stands. */
public enum RequestStatus {
    SUBMITTED("En attente de validation"), VALIDATED("Validée"), REFUSED("Refusée");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    /** French label for families and agents. */
    public String getLabel() {
        return label;
    }
}
