package fr.portailfamille.platform.family.requests;

/** The kinds of requests a family makes (their French names are the bundles' {@code requests.kind.*}). */
public enum RequestKind {
    INSCRIPTION,
    SCOLAIRE,
    RESERVATION,
    ABSENCE,
    DOCUMENT,
    DOSSIER;

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
