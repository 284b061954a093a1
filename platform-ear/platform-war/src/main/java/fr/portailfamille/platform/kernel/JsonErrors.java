package fr.portailfamille.platform.kernel;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
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
        return RequestPath.of(request).startsWith("/api/");
    }

    /** Answers {@code status} with the API's error body, then {@code extra}'s fields ({@link #body}). */
    public static void write(HttpServletResponse response, int status, String code, String message, String... extra)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(body(status, code, message, extra));
    }

    /**
     * The body: {@code {"code":…,"message":…,"champs":[],"status":…,"erreur":…}}, then {@code extra}'s fields (names and
     * texts: a correlation id…), written by JSON-P.
     */
    public static String body(int status, String code, String message, String... extra) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("code", code).add("message", message)
                .add("champs", Json.createArrayBuilder()).add("status", status).add("erreur", code);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            b.add(extra[i], extra[i + 1]);
        }
        return b.build().toString();
    }
}
