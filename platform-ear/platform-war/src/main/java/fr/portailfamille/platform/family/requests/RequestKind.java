package fr.portailfamille.platform.family.requests;

/** The kinds of requests a family makes, each with its French label (the filter of Mes demandes). */
public enum RequestKind {
    INSCRIPTION("Inscription à une activité"),
    SCOLAIRE("Inscription scolaire"),
    RESERVATION("Réservation à valider"),
    ABSENCE("Absence"),
    DOCUMENT("Document envoyé"),
    DOSSIER("Modification du dossier");

    private final String label;

    RequestKind(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    public String getName() {
        return name();
    }

    /** The kind named {@code name}, or {@code null} for a blank or unknown name (no filter). */
    public static RequestKind parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        for (RequestKind k : values()) {
            if (k.name().equals(name.strip())) {
                return k;
            }
        }
        return null;
    }
}
