package fr.portailfamille.platform.family.requests;

/** Where a request stands (its French name is the bundles' {@code requests.state.*}). */
public enum RequestState {
    PENDING,
    ACCEPTED,
    REFUSED,
    CANCELLED,
    /** Taken as declared, nothing for an agent to decide (an absence without certificate: the day stays billed). */
    RECORDED;

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
