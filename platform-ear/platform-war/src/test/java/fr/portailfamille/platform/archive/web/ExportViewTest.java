package fr.portailfamille.platform.archive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.platform.kernel.Refused;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The sizes the export page shows, in the units of the page's language (the pages' bundle). */
class ExportViewTest {

    static final String BUNDLE = "fr.portailfamille.platform.web.messages";

    @Test
    void sizesAreShownInFrenchUnits() {
        ResourceBundle french = ResourceBundle.getBundle(BUNDLE, Locale.FRENCH);
        assertEquals("850 octets", ExportView.size(850, Locale.FRENCH, french::getString));
        assertEquals("12,4 Ko", ExportView.size(12_698, Locale.FRENCH, french::getString));
        assertEquals("3,2 Mo", ExportView.size(3_355_443, Locale.FRENCH, french::getString));
    }

    @Test
    void anEnglishPageShowsEnglishUnits() {
        ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
        assertEquals("850 bytes", ExportView.size(850, Locale.ENGLISH, english::getString));
        assertEquals("12.4 KB", ExportView.size(12_698, Locale.ENGLISH, english::getString));
        assertEquals("3.2 MB", ExportView.size(3_355_443, Locale.ENGLISH, english::getString));
    }

    @Test
    void theExportsRefusalsReadInThePagesLanguage() {
        assertEquals("Les deux phrases secrètes ne sont pas identiques.", Refused.text("archive.passphrase.mismatch").french());
        assertEquals("The two passphrases are not the same.", Refused.text("archive.passphrase.mismatch").in(Locale.ENGLISH));
    }
}
