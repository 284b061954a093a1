package fr.portailfamille.platform.surge;

import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The surge queue in front of Mon planning, Ma demande (the page of the opening windows) and the families' booking and
 * request API (its POSTs): each request passes its commune's {@link FairGate}. Admitted, it is served while holding a
 * permit; not admitted within {@code pf.surge.wait-ms}, it keeps its place in the queue and gets a 503 "file d'attente"
 * page (its position; a small static script, {@code js/file-attente.js}, asks again after Retry-After seconds — no
 * inline script, and no {@code meta refresh}, which fails WCAG 2.2.1 —; the ticket in an HttpOnly cookie) or, from the
 * API, 503 with {@code Retry-After} and JSON {@code {"code": "file_attente", "message", "champs", "position",
 * "ticket", "reessayerDans"}} — the client sends the ticket back in the {@code File-Attente} header to keep its place.
 * Runs after the tenant filter (the commune is known) and after authentication (only signed-in families queue).
 */
public class SurgeFilter extends HttpFilter {

    /** The cookie holding a page's ticket. */
    public static final String COOKIE = "pf_file";
    /** The header an API client sends its ticket back in. */
    public static final String HEADER = "File-Attente";

    private static final Set<String> PAGES = Set.of("/espace/planning.xhtml", "/espace/ma-demande.xhtml");
    private static final String API = "/api/famille/v1/";

    @Inject
    SurgeGates gates;

    /** Whether a request passes the gate: the two pages (any method), the families' API (POST). */
    static boolean gated(String path, String method) {
        return PAGES.contains(path) || path.startsWith(API) && "POST".equals(method);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Commune> commune = TenantContext.current();
        // only signed-in families queue: a call without a valid token is refused (401) further on, at once
        if (!gated(path, request.getMethod()) || commune.isEmpty() || SignedInUser.of(request) == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean api = path.startsWith(API);
        FairGate gate = gates.of(commune.get().slug());
        String ticket = api ? request.getHeader(HEADER) : cookie(request);
        FairGate.Admission admission;
        try {
            admission = gate.enter(ticket, gates.waitNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        if (admission.outcome() == FairGate.Outcome.ADMITTED) {
            if (!api && ticket != null) {
                response.addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
            }
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                gate.release(System.nanoTime() - start);
            }
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(admission.retryAfterSeconds()));
        response.setHeader("Cache-Control", "no-store");
        boolean queued = admission.outcome() == FairGate.Outcome.QUEUED;
        if (api) {
            response.setContentType("application/json;charset=UTF-8");
            var json = Json.createObjectBuilder()
                    .add("code", queued ? "file_attente" : "file_pleine")
                    .add("message", queued ? "Beaucoup de familles réservent en ce moment : votre demande attend son tour,"
                            + " place n° " + admission.position() + ". Renvoyez-la dans " + admission.retryAfterSeconds()
                            + " s avec l'en-tête " + HEADER + " pour garder votre place."
                            : "La file d'attente est complète : réessayez dans quelques instants.")
                    .add("champs", Json.createArrayBuilder())
                    .add("position", admission.position())
                    .add("reessayerDans", admission.retryAfterSeconds());
            if (queued) {
                json.add("ticket", admission.ticket());
            }
            response.getWriter().write(json.build().toString());
            return;
        }
        if (queued) {
            response.addHeader("Set-Cookie", COOKIE + "=" + admission.ticket() + "; Path=/; HttpOnly; SameSite=Lax"
                    + (request.isSecure() ? "; Secure" : ""));
        }
        String url = request.getRequestURI() + ("GET".equals(request.getMethod()) && request.getQueryString() != null
                ? "?" + request.getQueryString() : "");
        response.setContentType("text/html;charset=UTF-8");
        try (InputStream page = SurgeFilter.class.getResourceAsStream("/pages/file-attente.html")) {
            response.getWriter().write(new String(page.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{commune}", escape(commune.get().name()))
                    .replace("{position}", queued ? Integer.toString(admission.position()) : "—")
                    .replace("{refresh}", Integer.toString(admission.retryAfterSeconds()))
                    .replace("{url}", escape(url))
                    .replace("{context}", escape(request.getContextPath())));
        }
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().matches("[0-9a-f]{32}")) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
