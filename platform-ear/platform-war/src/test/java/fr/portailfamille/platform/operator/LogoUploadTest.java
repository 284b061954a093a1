package fr.portailfamille.platform.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.tenancy.CommuneRules;
import fr.portailfamille.tenancy.CommuneSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A commune's logo is checked on its content: SVG kept, PNG kept inside an SVG, anything else refused. */
class LogoUploadTest {

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void svgIsKeptAndPngIsDrawnInsideAnSvgThatTheCommuneRulesAccept() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><rect width=\"8\" height=\"8\"/></svg>";
        assertEquals(svg, LogoUpload.toSvg("logo.svg", svg.getBytes(StandardCharsets.UTF_8)));
        String wrapped = LogoUpload.toSvg("logo.png", png());
        assertTrue(wrapped.startsWith("<svg") && wrapped.contains("data:image/png;base64,"), wrapped);
        assertEquals(List.of(), CommuneRules.validate(new CommuneSpec("est", "Est", "https://est.example/", "#2f4b7c",
                "#f2a900", wrapped, List.of()), "localhost"));
        assertNull(LogoUpload.toSvg("vide.png", new byte[0]));
    }

    @Test
    void otherFilesAndDisguisedOnesAreRefusedOnTheLogoField() throws Exception {
        Refused pdf = assertThrows(Refused.class, () -> LogoUpload.toSvg("logo.png",
                "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("logoSvg", pdf.field());
        assertTrue(pdf.getMessage().contains("SVG ou PNG"), pdf.getMessage());
        assertThrows(Refused.class, () -> LogoUpload.toSvg("logo.png", new byte[LogoUpload.MAX_BYTES + 1]));
        // a script in an SVG passes the type check, then the commune rules refuse it
        String script = LogoUpload.toSvg("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("logoSvg", CommuneRules.validate(new CommuneSpec("est", "Est", "https://est.example/", "#2f4b7c",
                "#f2a900", script, List.of()), "localhost").get(0).field());
    }

    @Test
    void anEnglishPageReadsTheRefusalInEnglish() {
        Refused heavy = assertThrows(Refused.class, () -> LogoUpload.toSvg("logo.png", new byte[LogoUpload.MAX_BYTES + 1]));
        assertEquals("Le logo dépasse 140 ko : envoyez une image SVG ou PNG plus légère.", heavy.getMessage());
        assertEquals("The logo is larger than 140 KB: send a lighter SVG or PNG image.", heavy.text().in(Locale.ENGLISH));
        Refused text = assertThrows(Refused.class, () -> LogoUpload.toSvg("logo.png", "bonjour".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Le logo doit être une image SVG ou PNG (son contenu ne correspond pas).", text.getMessage());
        assertEquals("The logo must be an SVG or PNG image (its content does not match).", text.text().in(Locale.ENGLISH));
    }
}
