package fr.portailfamille.platform.family.documents.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.platform.api.ApiError;
import fr.portailfamille.platform.api.ApiException;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.family.documents.UploadRefused;
import fr.portailfamille.platform.security.CrossSiteForms;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The documents API's form fields read, each refusal of the upload answered with its own stable code and field, and a
 * form posted from another origin on the portal's session refused.
 */
class DocumentsInputTest {

    @Test
    void theDateIsAbsentOrAnIsoDateElseA400() {
        assertNull(DocumentsResource.date(null));
        assertEquals(LocalDate.of(2026, 12, 2), DocumentsResource.date("2026-12-02"));
        for (String bad : List.of("02/12/2026", "2027-02-30", "demain", "2026-12-2")) {
            ApiError e = assertThrows(ApiException.class, () -> DocumentsResource.date(bad)).error();
            assertEquals("date_invalide", e.code(), bad);
            assertEquals("date", e.champs().get(0).champ());
        }
    }

    @Test
    void theChildIsAbsentOrAPositiveIdElseA400() {
        assertNull(DocumentsResource.childId(null));
        assertEquals(12L, DocumentsResource.childId("12"));
        for (String bad : List.of("abc", "0", "-3", "1.5", "9999999999999999999")) {
            ApiException e = assertThrows(ApiException.class, () -> DocumentsResource.childId(bad), bad);
            assertEquals(400, e.status());
            assertEquals("enfant_invalide", e.error().code());
            assertEquals("enfant", e.error().champs().get(0).champ());
        }
    }

    @Test
    void eachRefusalHasItsOwnCodeOnItsField() {
        Set<String> codes = new HashSet<>();
        for (UploadRefused.Reason reason : UploadRefused.Reason.values()) {
            ApiException e = DocumentsResource.refusal(new UploadRefused(reason, "x", "Refusé."));
            assertTrue(codes.add(e.error().code()), "one code per reason: " + e.error().code());
            if (EnumSet.of(UploadRefused.Reason.NO_FAMILY_FILE, UploadRefused.Reason.CHILD_UNKNOWN).contains(reason)) {
                assertTrue(e.error().champs().isEmpty(), reason.name());
            } else {
                assertEquals(400, e.status(), reason.name());
                assertEquals(1, e.error().champs().size(), reason.name());
            }
        }
        assertEquals("type_fichier_refuse", code(UploadRefused.Reason.FILE_NOT_ACCEPTED));
        assertEquals("fichier_trop_volumineux", code(UploadRefused.Reason.FILE_TOO_BIG));
        assertEquals("fichier_manquant", code(UploadRefused.Reason.FILE_MISSING));
        assertEquals("fichier", DocumentsResource.refusal(new UploadRefused(UploadRefused.Reason.FILE_TOO_BIG, "file",
                "trop gros")).error().champs().get(0).champ());
        assertEquals("date_future", code(UploadRefused.Reason.DATE_FUTURE));
        assertEquals("type_inconnu", code(UploadRefused.Reason.UNKNOWN_TYPE));
        ApiException child = DocumentsResource.refusal(new UploadRefused(UploadRefused.Reason.CHILD_UNKNOWN, "child",
                "Cet enfant ne fait pas partie de votre dossier."));
        assertEquals(404, child.status());
        assertEquals("enfant_inconnu", child.error().code());
        assertEquals(409, DocumentsResource.refusal(new UploadRefused(UploadRefused.Reason.NO_FAMILY_FILE, null, "x")).status());
    }

    @Test
    void theStatesHaveStableCodes() {
        assertEquals(List.of("EN_ATTENTE", "VALIDE", "REFUSE", "EXPIRE"), List.of(FamilyDocuments.State.values()).stream()
                .map(DocumentsResource::etat).toList());
    }

    @Test
    void aFormFromAnotherOriginOnThePortalsSessionIsRefusedATokenNeedsNoOrigin() {
        String own = "https://alpha.example";
        assertFalse(CrossSiteForms.crossOriginForm("Bearer abc", own, "https://evil.example", "cross-site"));
        assertFalse(CrossSiteForms.crossOriginForm(null, own, null, null), "a client without a browser's headers");
        assertFalse(CrossSiteForms.crossOriginForm(null, own, own, "same-origin"));
        assertFalse(CrossSiteForms.crossOriginForm(null, own, "HTTPS://ALPHA.EXAMPLE", null));
        assertTrue(CrossSiteForms.crossOriginForm(null, own, "https://beta.example", "same-site"), "another commune's page");
        assertTrue(CrossSiteForms.crossOriginForm(null, own, "https://evil.example", null));
        assertTrue(CrossSiteForms.crossOriginForm(null, own, "null", null), "a sandboxed page");
        assertTrue(CrossSiteForms.crossOriginForm(null, own, null, "cross-site"));
    }

    private static String code(UploadRefused.Reason reason) {
        return DocumentsResource.refusal(new UploadRefused(reason, null, "message")).error().code();
    }
}
