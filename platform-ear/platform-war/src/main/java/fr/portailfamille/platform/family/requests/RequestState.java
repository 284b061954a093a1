package fr.portailfamille.platform.family.requests;

/** Where a request stands, in the family's words. */
public enum RequestState {
    PENDING("En attente"),
    ACCEPTED("Acceptée"),
    REFUSED("Refusée"),
    CANCELLED("Annulée"),
    /** Taken as declared, nothing for an agent to decide (an absence without certificate: the day stays billed). */
    RECORDED("Enregistrée");

    private final String label;

    RequestState(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    public String getName() {
        return name();
    }

    /** The state named {@code name}, or {@code null} for a blank or unknown name (no filter). */
    public static RequestState parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        for (RequestState s : values()) {
            if (s.name().equals(name.strip())) {
                return s;
            }
        }
        return null;
    }
}
