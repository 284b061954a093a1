package fr.portailfamille.platform.ops;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A service the platform depends on is down (PostgreSQL, the communes' Keycloak): the visitor gets a
 * clear 503 page ("service momentanément indisponible") instead of a 500 or a browser error, and the
 * log gets one warning when the outage starts, one line per refused request (with its correlation id),
 * a summary with the count every 30 s and one line when the service is back — never a stack trace per
 * request. The next request after the service is back is served normally: nothing is kept broken.
 */
public final class Outage {

    /** What is down. */
    public enum Cause {
        DATABASE("la base de données"), IDENTITY("le service de connexion (Keycloak)");

        final String label;

        Cause(String label) {
            this.label = label;
        }
    }

    /** Thrown where a dependency is known to be down; mapped to the 503 page. */
    public static final class UnavailableException extends RuntimeException {
        private final Cause cause;

        public UnavailableException(Cause cause, Throwable reason) {
            super(cause.label + " est indisponible", reason);
            this.cause = cause;
        }

        public Cause outageCause() {
            return cause;
        }
    }

    private static final Logger LOG = Logger.getLogger(Outage.class.getName());
    static final long SUMMARY_NANOS = 30_000_000_000L;
    private static final String PAGE = loadPage();

    private static final class Ongoing {
        final long since = System.nanoTime();
        final AtomicLong refused = new AtomicLong();
        volatile long lastSummary = System.nanoTime();
    }

    private static final ConcurrentMap<Cause, Ongoing> ONGOING = new ConcurrentHashMap<>();

    private Outage() {
    }

    /** Whether this failure means a dependency is down, and which. */
    public static Optional<Cause> classify(Throwable failure) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        boolean sql = false;
        boolean network = false;
        for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
            if (t instanceof UnavailableException u) {
                return Optional.of(u.outageCause());
            }
            if (t instanceof SQLException s) {
                sql = true;
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                String message = String.valueOf(s.getMessage());
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                        || isConnectionFailure(message)) {
                    return Optional.of(Cause.DATABASE);
                }
            }
            String name = t.getClass().getName();
            if (name.startsWith("org.eclipse.persistence") || name.startsWith("org.postgresql")
                    || name.startsWith("jakarta.persistence") || name.contains("ResourceException")) {
                sql = true;
                if (isConnectionFailure(String.valueOf(t.getMessage()))) {
                    return Optional.of(Cause.DATABASE); // EclipseLink keeps its SQLException aside
                }
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof HttpConnectTimeoutException) {
                network = true;
            }
        }
        if (network) {
            return Optional.of(sql ? Cause.DATABASE : Cause.IDENTITY);
        }
        return Optional.empty();
    }

    private static boolean isConnectionFailure(String message) {
        return message.contains("allocating a connection") || message.contains("Connection refused")
                || message.contains("not currently accepting connections") || message.contains("terminating connection")
                || message.contains("Connection could not be allocated") || message.contains("I/O error");
    }

    private static Throwable next(Throwable t) {
        if (t.getCause() != null) {
            return t.getCause();
        }
        if (t instanceof SQLException s) {
            return s.getNextException();
        }
        if (t instanceof jakarta.servlet.ServletException s) {
            return s.getRootCause();
        }
        return null;
    }

    /** Answers this request with the 503 page (or JSON under /api/) and logs it on one line. */
    public static void respond(Cause cause, Throwable reason, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (response.isCommitted()) {
            refused(cause, reason, request.getAttribute(CorrelationFilter.ATTRIBUTE),
                    request.getMethod() + " " + request.getRequestURI());
            return;
        }
        String id = CorrelationFilter.ensure(request, response);
        refused(cause, reason, id, request.getMethod() + " " + request.getRequestURI());
        if (AjaxFailures.isAjax(request)) {
            // a tap or a decision sent by AJAX: the browser goes to the 503 page (an HTML answer would be dropped)
            AjaxFailures.redirect(response, AjaxFailures.unavailablePage(request, id));
            return;
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("X-Correlation-Id", id);
        response.setHeader("Retry-After", "120");
        response.setHeader("Cache-Control", "no-store");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(fr.portailfamille.platform.kernel.JsonErrors.body(503, "service_indisponible",
                    "Service momentanément indisponible, réessayez dans quelques minutes.", "correlation", id));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(PAGE.replace("{correlation}", id));
        }
        response.flushBuffer();
    }

    /** Counts a refused request: the first one of an outage, then one summary every 30 s, are warnings. */
    static void refused(Cause cause, Throwable reason, Object correlationId, String what) {
        Ongoing[] created = new Ongoing[1];
        Ongoing o = ONGOING.computeIfAbsent(cause, c -> created[0] = new Ongoing());
        long n = o.refused.incrementAndGet();
        if (created[0] == o) {
            LOG.warning(() -> "Panne : " + cause.label + " ne répond pas (" + describe(reason)
                    + ") ; les visiteurs reçoivent la page « service momentanément indisponible » (503)."
                    + " Les requêtes refusées sont comptées ; pas de trace par requête.");
        }
        LOG.info(() -> "[" + correlationId + "] 503 " + cause.name() + " " + what);
        long now = System.nanoTime();
        long last = o.lastSummary;
        if (now - last > SUMMARY_NANOS && n > 1) {
            o.lastSummary = now;
            LOG.warning(() -> "Panne toujours en cours : " + cause.label + " indisponible depuis "
                    + (now - o.since) / 1_000_000_000L + " s, " + n + " requête(s) refusée(s).");
        }
    }

    /** The dependency answered again: ends its outage, with the count, in the log. */
    public static void recovered(Cause cause) {
        if (ONGOING.isEmpty()) {
            return;
        }
        Ongoing o = ONGOING.remove(cause);
        if (o != null) {
            LOG.warning(() -> "Fin de panne : " + cause.label + " répond de nouveau après "
                    + (System.nanoTime() - o.since) / 1_000_000_000L + " s ; " + o.refused.get()
                    + " requête(s) refusée(s) pendant la panne.");
        }
    }

    /** Root cause class and message, on one line. */
    static String describe(Throwable t) {
        if (t == null) {
            return "cause inconnue";
        }
        Throwable root = t;
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).replaceAll("\\s+", " ");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        return root.getClass().getSimpleName() + " : " + message;
    }

    static Map<Cause, Long> ongoingCounts() {
        Map<Cause, Long> counts = new java.util.EnumMap<>(Cause.class);
        ONGOING.forEach((c, o) -> counts.put(c, o.refused.get()));
        return counts;
    }

    private static String loadPage() {
        try (InputStream in = Outage.class.getResourceAsStream("/pages/indisponible.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
