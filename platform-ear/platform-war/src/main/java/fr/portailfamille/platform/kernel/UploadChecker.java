package fr.portailfamille.platform.kernel;

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

    /** A refused file, with the French message to show next to its field and why. */
    public static class Rejected extends RuntimeException {
        private final Reason reason;

        public Rejected(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /**
     * Checks one uploaded file.
     *
     * @param what    how the message names the file, e.g. "Le certificat" or "« Attestation d'assurance »"
     * @param name    the name the browser sent (may be null)
     * @param content the bytes read, at most {@link #MAX_BYTES} + 1 of them
     * @throws Rejected with a French message when the file is empty, too big, or not a real PDF, JPEG or PNG
     */
    public static Accepted check(String what, String name, byte[] content) {
        if (content == null || content.length == 0) {
            throw new Rejected(Reason.EMPTY, what + " est vide : joignez un fichier PDF, JPEG ou PNG.");
        }
        if (content.length > MAX_BYTES) {
            throw new Rejected(Reason.TOO_BIG, what + " dépasse 5 Mo : joignez un fichier plus léger (PDF, JPEG ou PNG).");
        }
        // the content alone decides the type; the name must then agree with it
        String byContent = TIKA.detect(content);
        String byBoth = TIKA.detect(content, name == null ? null : baseName(name));
        if (!EXTENSIONS.containsKey(byContent) || !byContent.equals(byBoth)) {
            throw new Rejected(Reason.NOT_ACCEPTED, what + " n'est pas un vrai fichier PDF, JPEG ou PNG (son contenu ne correspond pas"
                    + " à son type) : joignez le document d'origine.");
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
