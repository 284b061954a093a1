package fr.portailfamille.documents;

import java.time.LocalDate;

/**
 * A kind of document a commune asks families for.
 *
 * @param code unique code, {@code [A-Z0-9_-]{1,40}}
 * @param label what families and agents read, e.g. "Attestation d'assurance scolaire"
 * @param forChild whether a document of this type concerns one child (else the whole family)
 * @param health whether it carries health data (certificat médical, PAI): reviewed by {@code agent-sante} only
 * @param validity how long a document of this type stays valid
 * @param months the number of months for {@link Validity#MONTHS}, else {@code null}
 * @param until the last valid day for {@link Validity#UNTIL}, else {@code null}
 */
public record DocumentType(String code, String label, boolean forChild, boolean health, Validity validity,
        Integer months, LocalDate until) {

    /** How long a document stays valid once issued. */
    public enum Validity {
        /**
         * Until the 31 August that ends the school year it is for: the one it was issued in, or, issued from 1 June
         * on, the next one (the attestations of the rentrée — school insurance, PAI — are made in the summer before).
         */
        SCHOOL_YEAR,
        /** A number of months after its date. */
        MONTHS,
        /** Until a date the commune sets. */
        UNTIL,
        /** Never expires (jugement de garde). */
        PERMANENT
    }

    /**
     * The last day a document of this type issued on {@code issued} is valid; {@code null} when it never expires.
     */
    public LocalDate expiresOn(LocalDate issued) {
        return switch (validity) {
            case SCHOOL_YEAR -> LocalDate.of(issued.getMonthValue() >= 6 ? issued.getYear() + 1 : issued.getYear(), 8, 31);
            case MONTHS -> DocumentExpiry.lastDayOf(issued, months);
            case UNTIL -> until;
            case PERMANENT -> null;
        };
    }

    /** The validity in French words, e.g. "l'année scolaire", "3 mois", "jusqu'au 31/12/2027". */
    public String validityText() {
        return switch (validity) {
            case SCHOOL_YEAR -> "l'année scolaire";
            case MONTHS -> months + " mois";
            case UNTIL -> "jusqu'au " + DocumentExpiry.DAY.format(until);
            case PERMANENT -> "sans limite";
        };
    }
}
