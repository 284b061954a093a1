package fr.portailfamille.platform.tenancy;

import fr.portailfamille.tenancy.Commune;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The pages of a commune that is known but not served, written by the tenant filter and, for protected pages, by the
 * authentication mechanism before any login: suspended by an operator, or in maintenance while its schema awaits its
 * upgrade.
 */
public final class CommunePages {

    private CommunePages() {
    }

    /** The operator suspended the commune: 503 with its "suspendu" page, or JSON {@code commune_suspendue}. */
    public static void suspended(Commune commune, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        unavailable(commune, "/pages/suspendu.html", "commune_suspendue",
                "Le portail famille de cette commune est suspendu.", request, response);
    }

    /** The commune's schema awaits its upgrade: 503 with its "maintenance" page, or JSON {@code maintenance}. */
    public static void maintenance(Commune commune, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        unavailable(commune, "/pages/maintenance.html", "maintenance",
                "Le portail est en cours de mise à jour, réessayez dans quelques minutes.", request, response);
    }

    /**
     * The commune is known but not served: its schema awaits its upgrade ({@code maintenance}, to be retried in a few
     * minutes) or an operator suspended it. 503 with the commune's French page, or JSON with a stable code for the API.
     */
    private static void unavailable(Commune commune, String pagePath, String code, String message,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Cache-Control", "no-store");
        if ("maintenance".equals(code)) {
            response.setHeader("Retry-After", "300");
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(fr.portailfamille.platform.kernel.JsonErrors.body(503, code, message));
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        try (InputStream page = CommunePages.class.getResourceAsStream(pagePath)) {
            response.getWriter().write(new String(page.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{commune}", escape(commune.name())));
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
