package fr.portailfamille.platform.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class UploadCheckerTest {

    /** A real, minimal one-page PDF. */
    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] image(String format) throws Exception {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), format);
        return out.toByteArray();
    }

    @Test
    void realPdfPngAndJpegAreAcceptedWithTheirDetectedType() throws Exception {
        UploadChecker.Accepted pdf = UploadChecker.check(UploadChecker.the("certificate"), "certificat.pdf", pdf());
        assertEquals("application/pdf", pdf.contentType());
        assertEquals("certificat.pdf", pdf.fileName());
        assertArrayEquals(pdf(), pdf.content());
        assertEquals("image/png", UploadChecker.check(UploadChecker.the("certificate"), "scan.png", image("png")).contentType());
        UploadChecker.Accepted jpeg = UploadChecker.check(UploadChecker.the("certificate"), "C:\\Users\\moi\\photo.JPEG", image("jpg"));
        assertEquals("image/jpeg", jpeg.contentType());
        assertEquals("photo.jpg", jpeg.fileName());
        // no name at all: the content decides
        assertEquals("image/png", UploadChecker.check(UploadChecker.the("certificate"), null, image("png")).contentType());
    }

    @Test
    void htmlRenamedPdfIsRefused() {
        byte[] html = "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        UploadChecker.Rejected e = assertThrows(UploadChecker.Rejected.class,
                () -> UploadChecker.check(UploadChecker.the("certificate"), "certificat.pdf", html));
        assertEquals("Le certificat n'est pas un vrai fichier PDF, JPEG ou PNG (son contenu ne correspond pas à son type) :"
                + " joignez le document d'origine.", e.getMessage());
        assertEquals(UploadChecker.Reason.NOT_ACCEPTED, e.reason());
    }

    @Test
    void plainTextAndUnknownBytesRenamedPdfAreRefused() {
        assertThrows(UploadChecker.Rejected.class, () -> UploadChecker.check(UploadChecker.the("certificate"), "note.pdf",
                "Certificat médical : l'enfant est malade.".getBytes(StandardCharsets.UTF_8)));
        assertThrows(UploadChecker.Rejected.class, () -> UploadChecker.check(UploadChecker.the("certificate"), "x.pdf",
                new byte[] {0x13, 0x07, 0x42, 0x00, 0x11, 0x2a, 0x7f, 0x01}));
    }

    @Test
    void svgWithScriptRenamedPngIsRefused() {
        byte[] svg = ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<script>alert(document.cookie)</script><rect width=\"10\" height=\"10\"/></svg>")
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(UploadChecker.Rejected.class, () -> UploadChecker.check(UploadChecker.named("Photo"), "photo.png", svg));
    }

    @Test
    void emptyAndOversizeFilesAreRefused() {
        UploadChecker.Rejected empty = assertThrows(UploadChecker.Rejected.class,
                () -> UploadChecker.check(UploadChecker.the("certificate"), "vide.pdf", new byte[0]));
        assertEquals("Le certificat est vide : joignez un fichier PDF, JPEG ou PNG.", empty.getMessage());
        assertEquals(UploadChecker.Reason.EMPTY, empty.reason());
        assertEquals(UploadChecker.Reason.EMPTY, assertThrows(UploadChecker.Rejected.class,
                () -> UploadChecker.check(UploadChecker.the("certificate"), null, null)).reason());
        byte[] big = new byte[UploadChecker.MAX_BYTES + 1];
        byte[] head = pdf();
        System.arraycopy(head, 0, big, 0, head.length);
        UploadChecker.Rejected tooBig = assertThrows(UploadChecker.Rejected.class,
                () -> UploadChecker.check(UploadChecker.the("certificate"), "gros.pdf", big));
        assertEquals("Le certificat dépasse 5 Mo : joignez un fichier plus léger (PDF, JPEG ou PNG).", tooBig.getMessage());
        assertEquals(UploadChecker.Reason.TOO_BIG, tooBig.reason());
        // the same refusal on an English page, the file named as there
        assertEquals("The certificate is larger than 5 MB: attach a lighter file (PDF, JPEG or PNG).",
                tooBig.text().in(java.util.Locale.ENGLISH));
        assertEquals("“Attestation d'assurance” is empty: attach a PDF, JPEG or PNG file.", assertThrows(UploadChecker.Rejected.class,
                () -> UploadChecker.check(UploadChecker.named("Attestation d'assurance"), "a.pdf", new byte[0])).text()
                .in(java.util.Locale.ENGLISH));
        assertEquals("L'image est vide : joignez un fichier PDF, JPEG ou PNG.", assertThrows(UploadChecker.Rejected.class,
                () -> UploadChecker.check(UploadChecker.the("image"), "a.png", new byte[0])).getMessage());
    }

    @Test
    void fileNamesAreCleanedAndShortenedToTheirColumn() {
        String longName = "a".repeat(300) + ".pdf";
        String stored = UploadChecker.fileName(longName, "application/pdf");
        assertEquals(UploadChecker.MAX_NAME_LENGTH, stored.length());
        assertTrue(stored.endsWith("a.pdf"), stored);
        assertEquals("rapport.pdf", UploadChecker.fileName("../../etc/rapport\u0000\u202e.pdf", "application/pdf"));
        assertEquals("document.png", UploadChecker.fileName("   ", "image/png"));
        assertEquals("document.png", UploadChecker.fileName(null, "image/png"));
        // the stored extension is the detected type's, whatever the name said
        assertEquals("scan.png", UploadChecker.fileName("scan.pdf", "image/png"));
    }
}
