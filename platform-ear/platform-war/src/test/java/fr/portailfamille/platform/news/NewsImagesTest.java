package fr.portailfamille.platform.news;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.platform.kernel.Refused;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class NewsImagesTest {

    /** What the newsroom reads for a file that is not truly a JPEG or PNG image. */
    private static final String NOT_AN_IMAGE = "L'image n'est pas un vrai fichier JPEG ou PNG (son contenu ne correspond pas"
            + " à son type) : choisissez une photo ou une illustration au format JPEG ou PNG.";

    private static byte[] encode(String format, int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void aRealPngOrJpegIsAcceptedWithItsSize() throws Exception {
        byte[] png = encode("png", 120, 80);
        NewsImages.Checked checked = NewsImages.check("affiche.png", png);
        assertEquals("image/png", checked.contentType());
        assertEquals(120, checked.width());
        assertEquals(80, checked.height());
        assertArrayEquals(png, checked.content());
        NewsImages.Checked jpeg = NewsImages.check("photo.jpg", encode("jpg", 40, 30));
        assertEquals("image/jpeg", jpeg.contentType());
        assertEquals(40, jpeg.width());
    }

    @Test
    void anythingElseIsRefusedOnTheImageField() throws Exception {
        byte[] executable = ("MZ\u0090\u0000\u0003" + "\u0000".repeat(55) + "This program cannot be run in DOS mode.")
                .getBytes(StandardCharsets.ISO_8859_1);
        Refused exe = assertThrows(Refused.class, () -> NewsImages.check("photo.png", executable));
        assertEquals("image", exe.field());
        assertEquals(NOT_AN_IMAGE, exe.getMessage());
        assertEquals(NOT_AN_IMAGE, assertThrows(Refused.class, () -> NewsImages.check("photo.png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8)))
                .getMessage());
        assertEquals(NOT_AN_IMAGE, assertThrows(Refused.class, () -> NewsImages.check("affiche.pdf",
                "%PDF-1.4\n%x\n".getBytes(StandardCharsets.US_ASCII))).getMessage(), "un PDF n'est pas une image");
        assertEquals(NOT_AN_IMAGE, assertThrows(Refused.class, () -> NewsImages.check("photo.png",
                Arrays.copyOf(encode("png", 10, 10), 30))).getMessage(), "une image tronquée");
        assertEquals("L'image dépasse 2 Mo : choisissez une image plus légère (JPEG ou PNG).", assertThrows(Refused.class,
                () -> NewsImages.check("grande.png", Arrays.copyOf(encode("png", 10, 10), 2 * 1024 * 1024 + 1))).getMessage());
        assertEquals("L'image est vide : choisissez un fichier JPEG ou PNG.", assertThrows(Refused.class,
                () -> NewsImages.check("vide.png", new byte[0])).getMessage());
        assertEquals("L'image est trop grande (6000 × 2 pixels) : 5000 pixels de côté au plus.", assertThrows(Refused.class,
                () -> NewsImages.check("bande.png", encode("png", 6000, 2))).getMessage());
    }

    /**
     * A JPEG of four colour channels the JDK's reader does not decode (a print file, CMYK, with an Adobe marker): said as
     * such, with what to do, rather than "not a real JPEG".
     */
    @Test
    void aPrintJpegIsRefusedWithWhatToDo() throws Exception {
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, 8, 8, 4, null);
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream o = ImageIO.createImageOutputStream(plain)) {
            writer.setOutput(o);
            writer.write(new javax.imageio.IIOImage(raster, null, null));
        }
        byte[] b = plain.toByteArray();
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1};
        ByteArrayOutputStream cmyk = new ByteArrayOutputStream();
        cmyk.write(b, 0, 2);
        cmyk.write(adobe);
        cmyk.write(b, 2, b.length - 2);
        Refused print = assertThrows(Refused.class, () -> NewsImages.check("affiche.jpg", cmyk.toByteArray()));
        assertEquals("image", print.field());
        assertEquals("Cette image JPEG est en couleurs d'impression (CMJN) : enregistrez-la en RVB (couleurs d'écran), par"
                + " exemple avec « Exporter pour le web », puis envoyez-la à nouveau.", print.getMessage());
    }

    @Test
    void anEnglishPageReadsWhyAnImageIsRefused() throws Exception {
        Refused large = assertThrows(Refused.class, () -> NewsImages.check("bande.png", encode("png", 12000, 2)));
        assertEquals("L'image est trop grande (12000 × 2 pixels) : 5000 pixels de côté au plus.", large.getMessage());
        assertEquals("The image is too large (12000 × 2 pixels): 5000 pixels per side at most.", large.text().in(Locale.ENGLISH));
        Refused pdf = assertThrows(Refused.class, () -> NewsImages.check("affiche.pdf",
                "%PDF-1.4\n%x\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("The image is not a real JPEG or PNG file (its content does not match its type): choose a photo or an"
                + " illustration in JPEG or PNG format.", pdf.text().in(Locale.ENGLISH));
        assertEquals("The image is empty: choose a JPEG or PNG file.", assertThrows(Refused.class,
                () -> NewsImages.check("vide.png", null)).text().in(Locale.ENGLISH));
    }
}
