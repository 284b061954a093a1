package fr.portailfamille.platform.family.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.documents.DocumentType;
import fr.portailfamille.documents.DocumentType.Validity;
import fr.portailfamille.platform.kernel.Denied;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The upload's refusals: their French as the types write their validity, and in English. */
class FamilyDocumentsTest {

    private static DocumentType type(Validity validity, Integer months, LocalDate until) {
        return new DocumentType("T", "Type", false, false, validity, months, until);
    }

    @Test
    void anExpiredDocumentSaysHowLongItsTypeIsValid() {
        for (DocumentType t : new DocumentType[] {type(Validity.SCHOOL_YEAR, null, null), type(Validity.MONTHS, 3, null),
                type(Validity.MONTHS, 1200, null), type(Validity.UNTIL, null, LocalDate.of(2026, 8, 31)),
                type(Validity.PERMANENT, null, null)}) {
            assertEquals(t.validityText(), FamilyDocuments.validity(t).french());
        }
        UploadRefused e = new UploadRefused(UploadRefused.Reason.DATE_EXPIRED, "issuedOn",
                Refused.text("documents.date.expired", FamilyDocuments.validity(type(Validity.MONTHS, 3, null))));
        assertEquals("Ce document n'est plus valable (valable 3 mois) : envoyez-en une version plus récente.", e.getMessage());
        assertEquals("This document is no longer valid (valid for 3 month(s)): send a more recent version.",
                e.text().in(Locale.ENGLISH));
        assertEquals("issuedOn", e.field());
        assertEquals(UploadRefused.Reason.DATE_EXPIRED, e.reason());
        assertEquals("valid until 31/08/2026", "valid " + FamilyDocuments.validity(type(Validity.UNTIL, null,
                LocalDate.of(2026, 8, 31))).in(Locale.ENGLISH));
    }

    @Test
    void aStaffAccountSendsNoFamilyDocumentAndIsToldSoInThePagesLanguage() {
        SignedInUser agent = new SignedInUser("alpha", UUID.randomUUID().toString(), "Agent Alpha", "agent@alpha.test", true, List.of("agent"), null);
        Denied e = assertThrows(Denied.class, () -> new FamilyDocuments().upload(agent, "T", null, LocalDate.of(2026, 9, 1),
                "a.pdf", new byte[] {1}));
        assertEquals("Les comptes des agents de la commune n'ont pas de documents de famille.", e.getMessage());
        assertEquals("The commune's agents' accounts have no family documents.", e.text().in(Locale.ENGLISH));
    }
}
