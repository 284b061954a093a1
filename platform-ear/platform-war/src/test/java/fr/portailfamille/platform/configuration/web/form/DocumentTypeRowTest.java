package fr.portailfamille.platform.configuration.web.form;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.documents.DocumentType;
import fr.portailfamille.documents.DocumentType.Validity;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DocumentTypeRowTest {

    @Test
    void aRowGivesBackItsTypeAndKeepsOnlyWhatItsValidityUses() {
        DocumentType garde = new DocumentType("GARDE", "Jugement de garde", true, false, Validity.UNTIL, null,
                LocalDate.of(2027, 12, 31));
        assertEquals(garde, DocumentTypeRow.of(garde).toDocumentType());

        DocumentTypeRow row = new DocumentTypeRow();
        row.setCode(" domicile ");
        row.setLabel(" Justificatif de domicile ");
        row.setValidity("MONTHS");
        row.setMonths(3);
        row.setUntil(LocalDate.of(2027, 1, 1));
        assertEquals(new DocumentType("DOMICILE", "Justificatif de domicile", false, false, Validity.MONTHS, 3, null),
                row.toDocumentType());
        row.setValidity("");
        assertEquals(null, row.toDocumentType().validity(), "the rules say it is missing");
    }
}
