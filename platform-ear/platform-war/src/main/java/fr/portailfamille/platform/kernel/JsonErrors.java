package fr.portailfamille.platform.kernel;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The APIs' error body written by the filters that answer before JAX-RS (the commune's resolution, its suspension or
 * maintenance, an outage, the sign-in): the same shape as {@code api.ApiError} — {@code code}, {@code message},
 * {@code champs} — with the fields older clients read ({@code status}, {@code erreur}), never an HTML page.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** Whether {@code request} goes to an API ({@code /api/…}): its failures are answered in JSON. */
    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** Answers {@code status} with the API's error body. */
    public static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(body(status, code, message));
    }

    /** The body: {@code {"code":…,"message":…,"champs":[],"status":…,"erreur":…}}. */
    public static String body(int status, String code, String message) {
        String c = escape(code);
        return "{\"code\":\"" + c + "\",\"message\":\"" + escape(message) + "\",\"champs\":[],\"status\":" + status
                + ",\"erreur\":\"" + c + "\"}";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
