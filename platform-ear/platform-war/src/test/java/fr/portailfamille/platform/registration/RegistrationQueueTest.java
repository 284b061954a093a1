package fr.portailfamille.platform.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The documents of a registration come in the page's query as one column, read back here. */
class RegistrationQueueTest {

    @Test
    void documentsColumnIsReadBack() {
        assertEquals(List.of(new RegistrationQueue.DocumentName(3, "Attestation d'assurance", "assurance | 2026.pdf"),
                        new RegistrationQueue.DocumentName(4, "Certificat", "c.png")),
                RegistrationQueue.documents("3\u001fAttestation d'assurance\u001fassurance | 2026.pdf\u001e4\u001fCertificat\u001fc.png"));
        assertEquals(List.of(), RegistrationQueue.documents(null));
    }
}
