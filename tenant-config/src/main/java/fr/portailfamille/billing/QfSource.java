package fr.portailfamille.billing;

/** Where a family's quotient familial comes from (the proof the family gave). */
public enum QfSource {
    /** Attestation de la Caisse d'allocations familiales. */
    CAF("CAF"),
    /** Attestation de la Mutualité sociale agricole. */
    MSA("MSA"),
    /** Quotient computed by the commune from the avis d'imposition. */
    AVIS_IMPOSITION("avis d'imposition");

    private final String label;

    QfSource(String label) {
        this.label = label;
    }

    /** French label, e.g. "avis d'imposition". */
    public String label() {
        return label;
    }
}
