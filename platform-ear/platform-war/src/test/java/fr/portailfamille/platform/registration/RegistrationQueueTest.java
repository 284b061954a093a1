package fr.portailfamille.platform.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.documents.DocumentType;
import fr.portailfamille.documents.DocumentType.Validity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documents of a registration come in the page's query as one column, read back here; one asked under the name (or
 * code) of a health document type is confidential for an agent without agent-sante.
 */
class RegistrationQueueTest {

    static final List<DocumentType> TYPES = List.of(
            new DocumentType("ASSURANCE", "Attestation d'assurance scolaire", true, false, Validity.SCHOOL_YEAR, null, null),
            new DocumentType("CERTIFICAT_MEDICAL", "Certificat médical", true, true, Validity.MONTHS, 12, null),
            new DocumentType("PAI", "Projet d'accueil individualisé (PAI)", true, true, Validity.SCHOOL_YEAR, null, null));

    @Test
    void documentsColumnIsReadBack() {
        assertEquals(List.of(new RegistrationQueue.DocumentName(3, "Attestation d'assurance", "assurance | 2026.pdf", false),
                        new RegistrationQueue.DocumentName(4, "Certificat", "c.png", false)),
                RegistrationQueue.documents("3\u001fAttestation d'assurance\u001fassurance | 2026.pdf\u001e4\u001fCertificat\u001fc.png",
                        TYPES));
        assertEquals(List.of(), RegistrationQueue.documents(null, TYPES));
    }

    @Test
    void aDocumentNamedAsAHealthTypeIsConfidential() {
        assertEquals(List.of(new RegistrationQueue.DocumentName(5, "Certificat médical", "cm.pdf", true),
                        new RegistrationQueue.DocumentName(6, "pai", "p.pdf", true),
                        new RegistrationQueue.DocumentName(7, "Attestation d'assurance scolaire", "a.pdf", false)),
                RegistrationQueue.documents("5\u001fCertificat médical\u001fcm.pdf\u001e6\u001fpai\u001fp.pdf"
                        + "\u001e7\u001fAttestation d'assurance scolaire\u001fa.pdf", TYPES));
        // an agent-sante's page reads with no types (null): nothing is confidential to them
        assertFalse(RegistrationQueue.documents("5\u001fCertificat médical\u001fcm.pdf", null).get(0).confidential());
        // flagged health data as it was sent (tenant V49): confidential whatever its name now
        assertEquals(new RegistrationQueue.DocumentName(8, "Fiche de liaison", "f.pdf", true),
                RegistrationQueue.documents("8h\u001fFiche de liaison\u001ff.pdf", TYPES).get(0));
        assertTrue(RegistrationService.isHealthDocument(TYPES, " Certificat médical "));
        // an activity's own wording of a health document (or a type renamed) stays health data
        assertTrue(RegistrationService.isHealthDocument(TYPES, "Certificat médical de non contre-indication"));
        assertFalse(RegistrationService.isHealthDocument(TYPES, "Photo d'identité"));
    }
}
