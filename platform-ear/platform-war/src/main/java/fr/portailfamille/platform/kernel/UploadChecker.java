package fr.portailfamille.platform.kernel;

import fr.portailfamille.problems.Message;

import java.text.Normalizer;
import java.util.Map;
import org.apache.tika.Tika;

/**
 * Checks every file a family uploads (registration documents, medical certificates…) on its CONTENT,
 * never on the type the browser declares nor on its name: Apache Tika reads the magic bytes, only
 * PDF, JPEG and PNG are accepted, and a name never stands for a content (an HTML page or an SVG
 * renamed {@code .pdf}/{@code .png}, or bytes of no known type named {@code .pdf}, are refused); the
 * stored type is the detected one. The file name is cleaned (no path,
 * no control characters) and shortened to {@value #MAX_NAME_LENGTH} characters, the size of its column.
 */
public final class UploadChecker {

    /** 5 Mo, as announced next to every upload field. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Length of the {@code file_name}/{@code certificate_name} columns. */
    public static final int MAX_NAME_LENGTH = 200;

    private static final Map<String, String> EXTENSIONS = Map.of(
            "application/pdf", ".pdf", "image/jpeg", ".jpg", "image/png", ".png");

    private static final Tika TIKA = new Tika();

    private UploadChecker() {
    }

    /** An accepted file: its cleaned name, its type as detected from its content, its bytes. */
    public record Accepted(String fileName, String contentType, byte[] content) {
    }

    /** Why a file is refused: what an API answers with its own stable code. */
    public enum Reason {
        /** No file, or an empty one. */
        EMPTY,
        /** More than {@link #MAX_BYTES}. */
        TOO_BIG,
        /** Not a real PDF, JPEG or PNG, or a name that does not agree with the content. */
        NOT_ACCEPTED
    }

    /** A refused file, with the message to show next to its field (in the page's language) and why. */
    public static class Rejected extends RuntimeException implements Explained {
        private final Reason reason;
        private final transient Message text;

        public Rejected(Reason reason, Message text) {
            super(text.french());
            this.reason = reason;
            this.text = text;
        }

        public Reason reason() {
            return reason;
        }

        @Override
        public Message text() {
            return text;
        }
    }

    /** How a refusal names a file asked under a label: "« Attestation d'assurance »". */
    public static Message named(String label) {
        return Refused.text("upload.what.named", label);
    }

    /** How a refusal names a message's attachment: "La pièce jointe « devis.pdf »". */
    public static Message attachment(String fileName) {
        return Refused.text("upload.what.attachment", fileName);
    }

    /** How a refusal names a certificate, a document, an image: "Le certificat", "Le document", "L'image". */
    public static Message the(String what) {
        return Refused.text("upload.what." + what);
    }

    /**
     * Checks one uploaded file.
     *
     * @param what    how the message names the file ({@link #the}, {@link #named}, {@link #attachment})
     * @param name    the name the browser sent (may be null)
     * @param content the bytes read, at most {@link #MAX_BYTES} + 1 of them
     * @throws Rejected with its message when the file is empty, too big, or not a real PDF, JPEG or PNG
     */
    public static Accepted check(Message what, String name, byte[] content) {
        if (content == null || content.length == 0) {
            throw new Rejected(Reason.EMPTY, Refused.text("upload.empty", what));
        }
        if (content.length > MAX_BYTES) {
            throw new Rejected(Reason.TOO_BIG, Refused.text("upload.tooBig", what));
        }
        // the content alone decides the type; the name must then agree with it
        String byContent = TIKA.detect(content);
        String byBoth = TIKA.detect(content, name == null ? null : baseName(name));
        if (!EXTENSIONS.containsKey(byContent) || !byContent.equals(byBoth)) {
            throw new Rejected(Reason.NOT_ACCEPTED, Refused.text("upload.notAccepted", what));
        }
        return new Accepted(fileName(name, byContent), byContent, content);
    }

    /**
     * The name to store: no directory, no control or invisible characters, at most {@value #MAX_NAME_LENGTH}
     * characters with the extension of the detected type kept at the end; "document.pdf" when nothing is left.
     */
    public static String fileName(String submitted, String contentType) {
        String ext = EXTENSIONS.getOrDefault(contentType, "");
        String name = submitted == null ? "" : Normalizer.normalize(baseName(submitted), Normalizer.Form.NFC);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").replaceAll("\\s+", " ").strip();
        String stem = name;
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            stem = name.substring(0, dot).strip();
        }
        if (stem.isEmpty()) {
            stem = "document";
        }
        int room = MAX_NAME_LENGTH - ext.length();
        if (stem.length() > room) {
            stem = stem.substring(0, Character.isHighSurrogate(stem.charAt(room - 1)) ? room - 1 : room).strip();
        }
        return stem + ext;
    }

    private static String baseName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash >= 0 ? name.substring(slash + 1) : name;
    }
}
