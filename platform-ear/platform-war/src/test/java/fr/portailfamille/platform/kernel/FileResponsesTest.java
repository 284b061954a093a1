package fr.portailfamille.platform.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileResponsesTest {

    @Test
    void plainNamesStayPlain() {
        assertEquals("inline; filename=\"facture-AL-36.pdf\"", FileResponses.disposition("inline", "facture-AL-36.pdf"));
    }

    @Test
    void otherNamesGetAnAsciiFallbackAndTheirUtf8Form() {
        assertEquals("attachment; filename=\"attestation _l_ve.pdf\"; filename*=UTF-8''attestation%20%C3%A9l%C3%A8ve.pdf",
                FileResponses.disposition("attachment", "attestation élève.pdf"));
    }

    @Test
    void quotesAndMissingNamesAreHarmless() {
        assertEquals("attachment; filename=\"a_b.pdf\"; filename*=UTF-8''a%22b.pdf", FileResponses.disposition("attachment", "a\"b.pdf"));
        assertEquals("attachment; filename=\"document\"", FileResponses.disposition("attachment", null));
    }
}
