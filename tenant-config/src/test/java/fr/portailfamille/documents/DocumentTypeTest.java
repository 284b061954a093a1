package fr.portailfamille.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.documents.DocumentType.Validity;
import fr.portailfamille.problems.FieldError;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentTypeTest {

    private static DocumentType type(Validity v, Integer months, LocalDate until) {
        return new DocumentType("T", "Attestation d'assurance scolaire", true, false, v, months, until);
    }

    @Test
    void aSchoolYearDocumentLastsUntilTheEndOfAugustOfItsSchoolYear() {
        assertEquals(LocalDate.of(2027, 8, 31), type(Validity.SCHOOL_YEAR, null, null).expiresOn(LocalDate.of(2026, 9, 1)));
        assertEquals(LocalDate.of(2028, 8, 31), type(Validity.SCHOOL_YEAR, null, null).expiresOn(LocalDate.of(2027, 8, 31)));
        assertEquals(LocalDate.of(2026, 8, 31), type(Validity.SCHOOL_YEAR, null, null).expiresOn(LocalDate.of(2026, 1, 15)));
        // the rentrée's attestations are made in the summer before: issued from 1 June, they are for the next year
        assertEquals(LocalDate.of(2028, 8, 31), type(Validity.SCHOOL_YEAR, null, null).expiresOn(LocalDate.of(2027, 8, 25)));
        assertEquals(LocalDate.of(2028, 8, 31), type(Validity.SCHOOL_YEAR, null, null).expiresOn(LocalDate.of(2027, 6, 1)));
        assertEquals(LocalDate.of(2027, 8, 31), type(Validity.SCHOOL_YEAR, null, null).expiresOn(LocalDate.of(2027, 5, 31)));
        // N months: the day before the same day, or the short month's last day itself
        assertEquals(LocalDate.of(2027, 2, 28), type(Validity.MONTHS, 3, null).expiresOn(LocalDate.of(2026, 11, 30)));
        assertEquals(LocalDate.of(2027, 2, 27), type(Validity.MONTHS, 3, null).expiresOn(LocalDate.of(2026, 11, 28)));
        assertEquals(LocalDate.of(2029, 2, 28), type(Validity.MONTHS, 12, null).expiresOn(LocalDate.of(2028, 2, 29)));
        assertEquals(LocalDate.of(2027, 1, 14), type(Validity.MONTHS, 12, null).expiresOn(LocalDate.of(2026, 1, 15)));
    }

    @Test
    void aDocumentOfNMonthsLastsNMonthsFromItsDate() {
        assertEquals(LocalDate.of(2027, 2, 14), type(Validity.MONTHS, 3, null).expiresOn(LocalDate.of(2026, 11, 15)));
        // 30 November + 3 months: end of February
        assertEquals(LocalDate.of(2027, 2, 28), type(Validity.MONTHS, 3, null).expiresOn(LocalDate.of(2026, 11, 30)));
    }

    @Test
    void untilADateAndPermanent() {
        LocalDate end = LocalDate.of(2027, 12, 31);
        assertEquals(end, type(Validity.UNTIL, null, end).expiresOn(LocalDate.of(2026, 1, 1)));
        assertNull(type(Validity.PERMANENT, null, null).expiresOn(LocalDate.of(2026, 1, 1)));
        assertEquals("jusqu'au 31/12/2027", type(Validity.UNTIL, null, end).validityText());
        assertEquals("3 mois", type(Validity.MONTHS, 3, null).validityText());
    }

    @Test
    void expiredExpiringAndValidAroundThirtyDays() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        assertTrue(DocumentExpiry.expired(LocalDate.of(2026, 12, 1), today));
        assertFalse(DocumentExpiry.expired(today, today));
        assertTrue(DocumentExpiry.valid(today, today));
        assertTrue(DocumentExpiry.expiring(today, today));
        assertTrue(DocumentExpiry.expiring(LocalDate.of(2027, 1, 1), today));
        assertFalse(DocumentExpiry.expiring(LocalDate.of(2027, 1, 2), today));
        assertFalse(DocumentExpiry.expiring(null, today));
        assertTrue(DocumentExpiry.valid(null, today));
        assertEquals("Votre attestation d'assurance scolaire expire le 01/01/2027.",
                DocumentExpiry.notice("Attestation d'assurance scolaire", null, LocalDate.of(2027, 1, 1), today));
        assertTrue(DocumentExpiry.notice("Attestation", null, LocalDate.of(2026, 11, 1), today).contains("a expiré le 01/11/2026"));
        // the mail names the child inside its sentence, and an acronym keeps its capitals
        assertEquals("Votre attestation d'assurance scolaire (Léa) expire le 01/01/2027.",
                DocumentExpiry.notice("Attestation d'assurance scolaire", "Léa", LocalDate.of(2027, 1, 1), today));
        assertEquals("Votre RIB expire le 01/01/2027.", DocumentExpiry.notice("RIB", null, LocalDate.of(2027, 1, 1), today));
        assertEquals("Votre CAF – attestation expire le 01/01/2027.",
                DocumentExpiry.notice("CAF – attestation", null, LocalDate.of(2027, 1, 1), today));
        // on Accueil, with the child's first name, in the page's language
        assertEquals("Votre attestation (Léa) a expiré le 01/11/2026 : envoyez-en une nouvelle version.",
                DocumentExpiry.text("Attestation", "Léa", LocalDate.of(2026, 11, 1), today).french());
        assertEquals("Your attestation (Léa) expires on 01/01/2027.",
                DocumentExpiry.text("Attestation", "Léa", LocalDate.of(2027, 1, 1), today).in(java.util.Locale.ENGLISH));
    }

    @Test
    void rulesListEveryProblemAtItsPath() {
        List<FieldError> errors = DocumentTypeRules.validate(List.of(
                new DocumentType("A", "Une", false, false, Validity.MONTHS, 0, null),
                new DocumentType("A", " ", false, false, Validity.UNTIL, null, null),
                new DocumentType("b!", "Trois", false, false, null, null, null)));
        assertEquals(List.of(
                new FieldError("documentTypes[0].months", "La durée de validité doit être comprise entre 1 et 120 mois."),
                new FieldError("documentTypes[1].code", "Le code « A » est déjà utilisé par un autre type de document."),
                new FieldError("documentTypes[1].label", "Le libellé du type de document est obligatoire."),
                new FieldError("documentTypes[1].until", "Indiquez la date jusqu'à laquelle le document est valable."),
                new FieldError("documentTypes[2].code", "Le code « b! » doit faire de 1 à 40 caractères parmi A-Z, 0-9, _ et -."),
                new FieldError("documentTypes[2].validity", "Indiquez la validité : SCHOOL_YEAR, MONTHS, UNTIL ou PERMANENT.")),
                errors);
        assertTrue(DocumentTypeRules.validate(DocumentTypeRules.defaults()).isEmpty());
        assertEquals(List.of("The validity period must be between 1 and 120 months.",
                "The code “A” is already used by another document type.", "The label of the document type is required.",
                "Give the date until which the document is valid.",
                "The code “b!” must have 1 to 40 characters among A-Z, 0-9, _ and -.",
                "Give the validity: SCHOOL_YEAR, MONTHS, UNTIL or PERMANENT."),
                errors.stream().map(e -> e.text().in(java.util.Locale.ENGLISH)).toList());
        assertEquals(List.of(new FieldError("documentTypes[0].label", "Le libellé ne doit pas dépasser 120 caractères.")),
                DocumentTypeRules.validate(List.of(new DocumentType("A", "x".repeat(121), false, false, Validity.PERMANENT,
                        null, null))));
    }

    @Test
    void aRequiredDocumentNamesItsTypeByCodeBeforeAnyLabel() {
        DocumentType insurance = new DocumentType("ASSURANCE", "Attestation d'assurance scolaire", true, false, Validity.SCHOOL_YEAR, null, null);
        // another type whose label is the first one's code: the code wins
        DocumentType extra = new DocumentType("ASSUR_EXTRA", "Assurance", true, false, Validity.SCHOOL_YEAR, null, null);
        DocumentType homeA = new DocumentType("DOMICILE", "Justificatif", false, false, Validity.MONTHS, 3, null);
        DocumentType homeB = new DocumentType("DOMICILE_2", "justificatif ", false, false, Validity.MONTHS, 3, null);
        List<DocumentType> types = List.of(extra, insurance, homeA, homeB);
        assertEquals("ASSURANCE", DocumentTypeRules.named(types, " assurance ").orElseThrow().code());
        assertEquals("ASSURANCE", DocumentTypeRules.named(types, "Attestation d'assurance scolaire").orElseThrow().code());
        assertEquals("ASSUR_EXTRA", DocumentTypeRules.named(types, "ASSUR_EXTRA").orElseThrow().code());
        assertTrue(DocumentTypeRules.named(types, "Justificatif").isEmpty(), "two types share this label: neither is taken");
        assertEquals("DOMICILE_2", DocumentTypeRules.named(types, "domicile_2").orElseThrow().code());
        assertTrue(DocumentTypeRules.named(types, "Attestation d'assurance extrascolaire").isEmpty());
        assertTrue(DocumentTypeRules.named(types, " ").isEmpty());
        assertTrue(DocumentTypeRules.named(types, null).isEmpty());
    }

    @Test
    void twoTypesCannotShareALabelSoThatNoTypeTakesAHealthDocumentsPlace() {
        // an agent without agent-sante adding a non-health type named as the medical certificate: a registration's
        // "Certificat médical" would no longer name one type, and would be read as no health document (named)
        List<DocumentType> types = new java.util.ArrayList<>(DocumentTypeRules.defaults());
        assertTrue(DocumentTypeRules.validate(types).isEmpty());
        types.add(new DocumentType("CERTIF2", "  certificat MÉDICAL ", false, false, Validity.PERMANENT, null, null));
        List<FieldError> errors = DocumentTypeRules.validate(types);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("documentTypes[6].label", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("certificat MÉDICAL"), errors.get(0).message());
        assertEquals("CERTIFICAT_MEDICAL",
                DocumentTypeRules.named(DocumentTypeRules.defaults(), "Certificat médical").orElseThrow().code());
    }

    @Test
    void aDocumentIsHealthDataByItsTypeOrByItsOwnWords() {
        List<DocumentType> types = DocumentTypeRules.defaults();
        // named types: their flag
        assertTrue(DocumentTypeRules.isHealth(types, "CERTIFICAT_MEDICAL"));
        assertFalse(DocumentTypeRules.isHealth(types, "Attestation d'assurance scolaire"));
        // an activity's own wording that names no type, or a type renamed: health when it speaks of health
        assertTrue(DocumentTypeRules.isHealth(types, "Certificat médical de non contre-indication"));
        assertTrue(DocumentTypeRules.isHealth(types, "CERTIFICAT MEDICAL SPORT"));
        assertTrue(DocumentTypeRules.isHealth(types, "Carnet de vaccination"));
        assertTrue(DocumentTypeRules.isHealth(types, "Fiche sanitaire de liaison"), "the usual health form of children's activities");
        assertTrue(DocumentTypeRules.isHealth(types, "PAI signé"));
        assertTrue(DocumentTypeRules.isHealth(types, "Fiche santé"));
        // words that only look alike are not
        assertFalse(DocumentTypeRules.isHealth(types, "Justificatif de paiement"));
        assertFalse(DocumentTypeRules.isHealth(types, "Photo plaisante"));
        // a file's name: the words joined by "_", a digit or capitals are words all the same
        for (String name : List.of("fiche_sanitaire.pdf", "PAI_Lucas.pdf", "Fiche_Sante_Lea.pdf", "PAI2025.pdf",
                "FicheSanitaire.pdf", "FicheSante.pdf", "LucasPAI.pdf")) {
            assertTrue(DocumentTypeRules.isHealth(types, name), name);
        }
        for (String name : List.of("paiement_2025.pdf", "Recu_PAIEMENT.pdf", "RecuPAIEMENT.pdf", "interessante.pdf", "Epais.pdf")) {
            assertFalse(DocumentTypeRules.isHealth(types, name), name);
        }
        assertFalse(DocumentTypeRules.isHealth(types, "Photo d'identité"));
    }

    /** The type a quotient's change goes with: the default's code, else the one family type named for it, never a guess. */
    @Test
    void theQuotientsAttestationIsTheDefaultsOrTheOneNamedForIt() {
        assertEquals("QF", DocumentTypeRules.quotientProof(DocumentTypeRules.defaults()).orElseThrow().code());
        DocumentType caf = new DocumentType("CAF_ATT", "Attestation CAF", false, false, Validity.MONTHS, 12, null);
        DocumentType domicile = new DocumentType("DOM", "Justificatif de domicile", false, false, Validity.MONTHS, 3, null);
        assertEquals("CAF_ATT", DocumentTypeRules.quotientProof(List.of(domicile, caf)).orElseThrow().code());
        assertEquals("J", DocumentTypeRules.quotientProof(List.of(domicile, new DocumentType("J",
                "Justificatif du quotient familial", false, false, Validity.MONTHS, 12, null))).orElseThrow().code());
        // a child's type, a health type, or two candidates: none
        assertTrue(DocumentTypeRules.quotientProof(List.of(new DocumentType("E", "Attestation CAF de l'enfant", true, false,
                Validity.MONTHS, 12, null))).isEmpty());
        assertTrue(DocumentTypeRules.quotientProof(List.of(caf, new DocumentType("MSA", "Attestation MSA", false, false,
                Validity.MONTHS, 12, null))).isEmpty());
        assertTrue(DocumentTypeRules.quotientProof(List.of(domicile)).isEmpty());
        assertFalse(DocumentTypeRules.quotientProof(List.of(domicile, new DocumentType("CAFE", "Cafétéria", false, false,
                Validity.MONTHS, 12, null))).isPresent(), "a word that only starts like it");
    }
}
