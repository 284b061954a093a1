package fr.portailfamille.platform.surge;

import fr.portailfamille.platform.kernel.RequestPath;
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
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The surge queue in front of Mon planning, Ma demande (the page of the opening windows) and the families' API (its
 * POSTs: bookings, window requests, documents sent): each request passes its commune's {@link FairGate}. Admitted, it
 * is served while holding a permit; not admitted within {@code pf.surge.wait-ms}, it keeps its place in the queue and
 * gets a 503 "file d'attente" page (its position; a small static script, {@code js/file-attente.js}, asks again after Retry-After seconds — no
 * inline script, and no {@code meta refresh}, which fails WCAG 2.2.1 —; a queued form post is posted again with every
 * field it carried, so that nothing typed or selected is lost; the ticket in an HttpOnly cookie), a Faces AJAX request
 * (a Mon planning tap) gets 503 with a {@code <partial-response>} that {@code planning.js} reads to show the position
 * and send the same request again ({@link #partialResponse}), or, from the
 * API, 503 with {@code Retry-After} and JSON {@code {"code": "file_attente", "message", "champs", "position",
 * "ticket", "reessayerDans"}} — the client sends the ticket back in the {@code File-Attente} header to keep its place;
 * an API call's body (JSON, or a document's multipart form) is never read here, queued or not.
 * Runs after the tenant filter (the commune is known) and after authentication (only signed-in families queue).
 */
public class SurgeFilter extends HttpFilter {

    /** The cookie holding a page's ticket. */
    public static final String COOKIE = "pf_file";
    /** The header an API client sends its ticket back in. */
    public static final String HEADER = "File-Attente";

    private static final Set<String> PAGES = Set.of("/espace/planning.xhtml", "/espace/ma-demande.xhtml");
    private static final String API = "/api/famille/v1/";
    /** The header value of a Faces AJAX request. */
    private static final String FACES_AJAX = "partial/ajax";

    @Inject
    SurgeGates gates;

    /** Whether a request passes the gate: the two pages (any method), the families' API (POST). */
    static boolean gated(String path, String method) {
        return PAGES.contains(path) || path.startsWith(API) && "POST".equals(method);
    }

    /**
     * A queued request whose wait was cut (the server stopping: a redeploy): 503 with when to try again, and for the API
     * its one code for it, {@code service_indisponible} (Outage's), that a client retries on.
     */
    static void unavailable(HttpServletResponse response, boolean api) throws IOException {
        response.setHeader("Retry-After", "30");
        if (api) {
            fr.portailfamille.platform.kernel.JsonErrors.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "service_indisponible", "Le service est momentanément indisponible : réessayez dans un instant.");
        } else {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPath.of(request);
        Optional<Commune> commune = TenantContext.current();
        // only signed-in families queue: a call without a valid token is refused (401) further on, at once
        SignedInUser user = SignedInUser.of(request);
        if (!gated(path, request.getMethod()) || commune.isEmpty() || user == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean api = path.startsWith(API);
        FairGate gate = gates.of(commune.get().slug());
        String ticket = api ? request.getHeader(HEADER) : cookie(request);
        FairGate.Admission admission;
        try {
            admission = gate.enter(ticket, user.subject(), gates.waitNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(response, api);
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
        if (FACES_AJAX.equals(request.getHeader("Faces-Request"))) {
            // a Faces AJAX postback (a Mon planning tap): planning.js reads this, shows the position and sends the
            // same request again after Retry-After; the ticket travels in the cookie
            response.setContentType("text/xml;charset=UTF-8");
            response.getWriter().write(partialResponse(queued, admission.position(), admission.retryAfterSeconds()));
            return;
        }
        String again;
        boolean fileAgain = false;
        if ("POST".equals(request.getMethod())) {
            // a form posted: the queue page posts it again, every field as it was sent (the Faces view state too, so
            // what the family selected or typed is kept); the request was not served, so it is applied once, then
            Map<String, String[]> parameters;
            try {
                parameters = request.getParameterMap();
            } catch (RuntimeException e) { // a body that cannot be read as parameters: nothing to keep
                parameters = Map.of();
            }
            String type = request.getContentType();
            boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
            Map<String, String> files = new LinkedHashMap<>();
            if (multipart) {
                try {
                    for (Part part : request.getParts()) {
                        if (part.getSubmittedFileName() != null && part.getSize() > 0) {
                            files.put(part.getName(), part.getSubmittedFileName());
                        }
                    }
                } catch (IOException | ServletException | RuntimeException e) { // no parts to read: none to ask again
                    files.clear();
                }
            }
            again = replayForm(request.getRequestURI(), parameters, multipart, files, admission.retryAfterSeconds(), queued);
            fileAgain = !files.isEmpty();
        } else {
            String url = request.getRequestURI() + (request.getQueryString() != null ? "?" + request.getQueryString() : "");
            again = "<p><a id=\"refresh\" href=\"" + escape(url) + "\" data-refresh=\"" + admission.retryAfterSeconds()
                    + "\">Vérifier maintenant</a></p>";
        }
        response.setContentType("text/html;charset=UTF-8");
        try (InputStream page = SurgeFilter.class.getResourceAsStream("/pages/file-attente.html")) {
            response.getWriter().write(queuePage(new String(page.readAllBytes(), StandardCharsets.UTF_8), queued,
                    commune.get().name(), admission.position(), admission.retryAfterSeconds(), request.getContextPath(), again,
                    fileAgain));
        }
    }

    /**
     * The queue page ({@code pages/file-attente.html}) filled in: a family with its place in the queue is told its
     * number; when the queue is full it holds none, and is told so (the page tries again by itself), not "you are in
     * the queue". A form that carried a file ({@code fileAgain}) is not posted by itself: the family is told, in French
     * and in English, to choose its file again and send it, not that the page goes on by itself.
     */
    static String queuePage(String template, boolean queued, String commune, int position, int retryAfterSeconds,
                            String context, String again, boolean fileAgain) {
        String heading = queued ? "Vous êtes dans la file d'attente" : "La file d'attente est complète";
        String lead = fileAgain ? "Beaucoup de familles de {commune} se connectent en ce moment. Un fichier ne peut pas attendre"
                + " dans la file : choisissez-le à nouveau ci-dessous, puis envoyez votre demande."
                : queued ? "Beaucoup de familles de {commune} se connectent en ce moment. Pour que chacune soit servie"
                + " à son tour, votre page s'ouvrira dès que ce sera le vôtre : gardez cette page ouverte, elle se met à jour"
                + " toute seule."
                : "Beaucoup de familles de {commune} se connectent en ce moment et la file d'attente est complète : vous n'y"
                + " avez pas encore de place. Gardez cette page ouverte, elle réessaie toute seule dans quelques instants.";
        String place = queued ? "Votre place dans la file : <span class=\"position\" id=\"position\">" + position + "</span>"
                : "Pas encore de place dans la file.";
        String next = fileAgain ? "" : "<p>Prochaine mise à jour dans " + retryAfterSeconds + " secondes environ. Ne rechargez"
                + " pas la page vous-même : vous garderiez votre place, mais rien n'irait plus vite.</p>";
        String english = fileAgain ? "Many families are connecting right now. A file cannot wait in the queue: choose it again"
                + " above, then press « Envoyer à nouveau » (send again)."
                : queued ? "Many families are connecting right now: you are number " + position + " in the queue;"
                + " this page opens by itself when your turn comes."
                : "Many families are connecting right now and the queue is full: this page tries again by itself in a few"
                + " moments.";
        return template.replace("{heading}", heading).replace("{lead}", lead).replace("{place}", place)
                .replace("{next}", next).replace("{english}", english)
                .replace("{commune}", escape(commune))
                .replace("{context}", escape(context))
                .replace("{again}", again); // last: what the family typed is never read as a placeholder
    }

    /**
     * The answer to a queued Faces AJAX request: a valid {@code <partial-response>} whose one change is an extension
     * {@code code="file_attente"} (or {@code file_pleine}) with the position and the seconds to wait, its text the
     * French message; sent with 503, so that faces.js hands it to the request's {@code onerror} without touching the
     * page.
     */
    static String partialResponse(boolean queued, int position, int retryAfterSeconds) {
        String message = queued ? "Beaucoup de familles se connectent en ce moment : vous êtes n° " + position
                + " dans la file, votre demande partira automatiquement."
                : "La file d'attente est complète : votre demande repartira automatiquement dans quelques instants.";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<partial-response><changes><extension code=\""
                + (queued ? "file_attente" : "file_pleine") + "\" position=\"" + (queued ? position : 0)
                + "\" reessayerDans=\"" + retryAfterSeconds + "\">" + escape(message) + "</extension></changes></partial-response>";
    }

    /**
     * The queue page's form that posts a queued form again: its address and encoding, every parameter as a hidden field,
     * "Vérifier maintenant" as its button, posted by itself after Retry-After ({@code data-refresh}). A file sent with a
     * multipart form cannot be kept in a page: the family is asked to choose it again (a file field of the same name,
     * required) and sends the form itself — it is then not posted by itself.
     *
     * @param files the file fields the form carried with a file: field name → the file's name
     * @param queued whether the request holds a place in the queue (else the queue was full: it is sent again later)
     */
    static String replayForm(String action, Map<String, String[]> parameters, boolean multipart, Map<String, String> files,
                             int retryAfterSeconds, boolean queued) {
        StringBuilder form = new StringBuilder("<form id=\"again\" method=\"post\" action=\"").append(escape(action))
                .append('"');
        if (multipart) {
            form.append(" enctype=\"multipart/form-data\"");
        }
        if (files.isEmpty()) {
            form.append(" data-refresh=\"").append(retryAfterSeconds).append('"');
        }
        form.append('>');
        parameters.forEach((name, values) -> {
            if (!files.containsKey(name)) {
                for (String value : values) {
                    form.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"")
                            .append(escape(value)).append("\"/>");
                }
            }
        });
        if (files.isEmpty()) {
            return form.append("<p>Ce que vous avez saisi est gardé : votre demande " + (queued
                    ? "partira une seule fois, à votre tour." : "repartira une seule fois, dans quelques instants.")
                    + " <button type=\"submit\" id=\"refresh\">Vérifier maintenant</button></p></form>").toString();
        }
        int i = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            i++;
            form.append("<p><label for=\"again-file-").append(i).append("\">Votre fichier « ").append(escape(file.getValue()))
                    .append(" » ne peut pas attendre dans la file : choisissez-le à nouveau</label> <input type=\"file\" id=\"again-file-")
                    .append(i).append("\" name=\"").append(escape(file.getKey()))
                    .append("\" accept=\".pdf,.jpg,.jpeg,.png\" required=\"required\"/></p>");
        }
        return form.append("<p>Le reste de ce que vous avez saisi est gardé ; votre demande partira une seule fois."
                + " <button type=\"submit\" id=\"refresh\">Envoyer à nouveau</button></p></form>").toString();
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
