package fr.portailfamille.documents;

import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a commune's document types follow, each broken rule a text (bundle {@code problems}, {@code documents.*})
 * at its path ({@code documentTypes[i].field}).
 */
public final class DocumentTypeRules {

    public static final int LABEL_MAX = 120;
    public static final int MONTHS_MAX = 120;
    private static final Pattern CODE = Pattern.compile("^[A-Z0-9_-]{1,40}$");

    private DocumentTypeRules() {
    }

    /** Every problem of these types, at once (empty: valid). */
    public static List<FieldError> validate(List<DocumentType> types) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        // labels are unique (case and surrounding spaces ignored): an activity's required document may name its type by
        // label, and a registration's document is judged health data by the type its label names (named)
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < types.size(); i++) {
            DocumentType t = types.get(i);
            String at = "documentTypes[" + i + "]";
            if (t.code() == null || !CODE.matcher(t.code()).matches()) {
                errors.add(Problems.error(at + ".code", "documents.type.code.invalid", t.code()));
            } else if (!codes.add(t.code())) {
                errors.add(Problems.error(at + ".code", "documents.type.code.taken", t.code()));
            }
            if (t.label() == null || t.label().isBlank()) {
                errors.add(Problems.error(at + ".label", "documents.type.label.required"));
            } else if (t.label().length() > LABEL_MAX) {
                errors.add(Problems.error(at + ".label", "documents.type.label.tooLong", LABEL_MAX));
            } else if (!labels.add(t.label().strip().toLowerCase(java.util.Locale.ROOT))) {
                errors.add(Problems.error(at + ".label", "documents.type.label.taken", t.label().strip()));
            }
            if (t.validity() == null) {
                errors.add(Problems.error(at + ".validity", "documents.type.validity.required"));
            } else if (t.validity() == DocumentType.Validity.MONTHS
                    && (t.months() == null || t.months() < 1 || t.months() > MONTHS_MAX)) {
                errors.add(Problems.error(at + ".months", "documents.type.months.range", MONTHS_MAX));
            } else if (t.validity() == DocumentType.Validity.UNTIL && t.until() == null) {
                errors.add(Problems.error(at + ".until", "documents.type.until.required"));
            }
        }
        return errors;
    }

    /**
     * The type an activity's required document names, matched by code first: the type whose code it is (case and
     * surrounding spaces ignored); failing that, the one type whose label it is. Empty when none matches or when
     * several types share that label (a document of another type is never taken for it).
     */
    public static java.util.Optional<DocumentType> named(List<DocumentType> types, String required) {
        String name = required == null ? "" : required.strip();
        if (name.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.Optional<DocumentType> byCode = types.stream().filter(t -> name.equalsIgnoreCase(t.code())).findFirst();
        if (byCode.isPresent()) {
            return byCode;
        }
        List<DocumentType> byLabel = types.stream().filter(t -> t.label() != null && name.equalsIgnoreCase(t.label().strip()))
                .toList();
        return byLabel.size() == 1 ? java.util.Optional.of(byLabel.get(0)) : java.util.Optional.empty();
    }

    /**
     * Words that make a document's name health data whatever type it names (or none): fail closed. "santé" and "PAI"
     * start a word — after anything but a letter (a space, "_", "-", a digit: "fiche_sante.pdf", "PAI2025.pdf") or, in
     * capitals, after a small letter ("FicheSante.pdf", "LucasPAI.pdf") —, so that "plaisante" and "paiement" are not.
     */
    private static final java.util.regex.Pattern HEALTH_WORDS = java.util.regex.Pattern.compile(
            "(?iu)(m[ée]dic|(?<!\\p{L})sant[ée]|(?-i:(?<=\\p{Ll})Sant[ée])|sanitaire|(?<!\\p{L})PAI(?!\\p{L})"
                    + "|(?-i:(?<=\\p{Ll})PAI(?!\\p{L}))|allerg|vaccin|ordonnance|handicap|MDPH|traitement|th[ée]rap|pathologi"
                    + "|diab[èe]t|asthm)");

    /**
     * Whether a document asked under {@code label} is health data: the type it names is marked health, or, named or not,
     * its name speaks of health ("Certificat médical de non contre-indication", "Carnet de vaccination", "PAI", "Fiche
     * sanitaire de liaison") — an
     * activity's free wording never takes a certificate out of agent-sante's hands.
     */
    public static boolean isHealth(List<DocumentType> types, String label) {
        if (label != null && HEALTH_WORDS.matcher(java.text.Normalizer.normalize(label, java.text.Normalizer.Form.NFC)).find()) {
            return true;
        }
        return named(types, label).map(DocumentType::health).orElse(false);
    }

    /** The code of the attestation de quotient familial among the default types. */
    public static final String QF = "QF";

    private static final java.util.regex.Pattern QUOTIENT_WORDS = java.util.regex.Pattern.compile(
            "(?iu)(quotient\\s+familial|\\bQF\\b|attestation\\s+(de\\s+la\\s+)?(caf|msa)\\b)");

    /**
     * The commune's type for the attestation de quotient familial — the one a family sends with a quotient's change and
     * an agent checks beside it: the default's code {@value #QF}, else the one family type (not a child's, not health)
     * whose name speaks of it ("Attestation CAF", "Justificatif du quotient familial"); empty when there is none, or
     * several such names (no guess).
     */
    public static java.util.Optional<DocumentType> quotientProof(List<DocumentType> types) {
        java.util.Optional<DocumentType> byCode = types.stream().filter(t -> QF.equals(t.code())).findFirst();
        if (byCode.isPresent()) {
            return byCode;
        }
        List<DocumentType> named = types.stream().filter(t -> !t.forChild() && !t.health() && t.label() != null
                && QUOTIENT_WORDS.matcher(t.label()).find()).toList();
        return named.size() == 1 ? java.util.Optional.of(named.get(0)) : java.util.Optional.empty();
    }

    /** The types a new commune starts with. */
    public static List<DocumentType> defaults() {
        return List.of(
                new DocumentType("ASSURANCE", "Attestation d'assurance scolaire", true, false, DocumentType.Validity.SCHOOL_YEAR, null, null),
                new DocumentType("DOMICILE", "Justificatif de domicile de moins de 3 mois", false, false, DocumentType.Validity.MONTHS, 3, null),
                new DocumentType(QF, "Attestation de quotient familial", false, false, DocumentType.Validity.MONTHS, 12, null),
                new DocumentType("CERTIFICAT_MEDICAL", "Certificat médical", true, true, DocumentType.Validity.MONTHS, 12, null),
                new DocumentType("JUGEMENT_GARDE", "Jugement de garde", true, false, DocumentType.Validity.PERMANENT, null, null),
                new DocumentType("PAI", "Projet d'accueil individualisé (PAI)", true, true, DocumentType.Validity.SCHOOL_YEAR, null, null));
    }
}
