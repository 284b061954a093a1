package fr.portailfamille.platform.archive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The sizes the export page shows, in French units. */
class ExportViewTest {

    @Test
    void sizesAreShownInFrenchUnits() {
        assertEquals("850 octets", ExportView.size(850));
        assertEquals("12,4 Ko", ExportView.size(12_698));
        assertEquals("3,2 Mo", ExportView.size(3_355_443));
    }
}
