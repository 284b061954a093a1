package fr.portailfamille.platform.kernel;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The headers of every file the platform sends (documents, attachments, PDFs, exports): the declared type only
 * ({@code nosniff}), never cached by a shared cache, and the file's name — plain when it is ASCII, RFC 6266's
 * {@code filename*} with an ASCII fallback otherwise. A PDF shown in the browser gets a policy that lets the
 * browser's viewer in (the pages' own policy keeps objects out).
 */
public final class FileResponses {

    /** The type of an XLSX workbook. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private FileResponses() {
    }

    /** A file to download ({@code attachment}). */
    public static void attachment(HttpServletResponse resp, String contentType, String fileName) {
        headers(resp, contentType, "attachment", fileName);
    }

    /** A file the browser shows itself ({@code inline}: an image, a calendar). */
    public static void inline(HttpServletResponse resp, String contentType, String fileName) {
        headers(resp, contentType, "inline", fileName);
    }

    /** A PDF opened in the browser's viewer ({@code inline}). */
    public static void inlinePdf(HttpServletResponse resp, String fileName) {
        headers(resp, "application/pdf", "inline", fileName);
        resp.setHeader("Content-Security-Policy", "default-src 'none'; object-src 'self'; style-src 'unsafe-inline';"
                + " frame-ancestors 'self'");
    }

    /** Sends {@code content} whole, with its length, after the headers above. */
    public static void send(HttpServletResponse resp, byte[] content) throws IOException {
        resp.setContentLength(content.length);
        resp.getOutputStream().write(content);
    }

    /**
     * {@code attachment; filename="…"}, or with {@code filename*=UTF-8''…} when the name is not plain ASCII (also for
     * the REST API, which builds its responses itself).
     */
    public static String disposition(String kind, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "document" : fileName;
        boolean plain = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
        if (plain) {
            return kind + "; filename=\"" + name + "\"";
        }
        String fallback = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        return kind + "; filename=\"" + fallback + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void headers(HttpServletResponse resp, String contentType, String kind, String fileName) {
        resp.setContentType(contentType);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "private, no-store");
        resp.setHeader("Content-Disposition", disposition(kind, fileName));
    }
}
