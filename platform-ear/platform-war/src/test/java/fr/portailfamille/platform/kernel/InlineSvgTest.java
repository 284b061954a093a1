package fr.portailfamille.platform.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InlineSvgTest {

    @Test
    void aLogoWithOnlyItsSizeGetsAViewBoxAndTheSizeAsked() {
        String svg = InlineSvg.of("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"32px\">"
                + "<circle cx=\"16\" cy=\"16\" r=\"16\" fill=\"#c00000\"/></svg>", "30pt", "30pt").orElseThrow();
        assertFalse(svg.startsWith("<?xml"), svg);
        assertTrue(svg.contains("viewBox=\"0 0 64 32\""), svg);
        assertTrue(svg.contains("style=\"width: 30pt; height: 30pt;\""), svg);
        assertFalse(svg.contains("width=\"64\""), svg);
        assertTrue(svg.contains("<circle"), svg);
    }

    @Test
    void aViewBoxIsKept() {
        String svg = InlineSvg.of("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" width=\"100%\"><rect width=\"10\" height=\"10\"/></svg>",
                "30pt", "30pt").orElseThrow();
        assertTrue(svg.contains("viewBox=\"0 0 10 10\""), svg);
    }

    @Test
    void whatIsNotAnSvgImageOrNotWellFormedIsRefused() {
        assertEquals(Optional.empty(), InlineSvg.of(null, "1pt", "1pt"));
        assertEquals(Optional.empty(), InlineSvg.of("  ", "1pt", "1pt"));
        assertEquals(Optional.empty(), InlineSvg.of("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect>", "1pt", "1pt"));
        assertEquals(Optional.empty(), InlineSvg.of("<svg><rect/></svg>", "1pt", "1pt"), "no SVG namespace");
        assertEquals(Optional.empty(), InlineSvg.of("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>", "1pt", "1pt"));
    }

    @Test
    void anEntityOrDoctypeIsNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>";
        assertEquals(Optional.empty(), InlineSvg.of(xxe, "1pt", "1pt"));
    }
}
