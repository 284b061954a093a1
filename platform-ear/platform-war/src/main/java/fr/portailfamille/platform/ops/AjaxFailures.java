package fr.portailfamille.platform.ops;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * An AJAX action (a tap on Mon planning, "Présent" on the day sheet, a queue's decision) that failed unexpectedly: Faces
 * would answer it with an error inside its partial response, which no filter sees and no user reads. It is logged here
 * as {@link FailureFilter} logs a page's failure (an outage counted by {@link Outage}, anything else once with its
 * stack trace) under the request's correlation id, and the browser is sent to the error page that shows that id.
 */
public final class AjaxFailures {

    private static final Logger LOG = Logger.getLogger(FailureFilter.class.getName());

    /** A correlation id as {@link CorrelationFilter} makes them: what the error page accepts from its address. */
    static final Pattern ID = Pattern.compile("[0-9a-f]{12}");

    private AjaxFailures() {
    }

    /** Whether {@code request} is a Faces AJAX request: its answer must be a partial response, not an HTML page. */
    public static boolean isAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }

    /** The 500 page for the failure logged with {@code id}. */
    static String errorPage(HttpServletRequest request, Object id) {
        return request.getContextPath() + "/erreur/500.xhtml?code=" + id;
    }

    /** The 503 page for the outage that refused the request logged with {@code id}. */
    static String unavailablePage(HttpServletRequest request, Object id) {
        return request.getContextPath() + "/erreur/statut.xhtml?statut=503&code=" + id;
    }

    /**
     * Answers a Faces AJAX request, outside Faces (a filter), with the partial response that sends the browser to
     * {@code page}: what faces.js and PrimeFaces follow, where an HTML error page would be dropped unread.
     */
    static void redirect(HttpServletResponse response, String page) throws java.io.IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/xml;charset=UTF-8");
        response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                + page.replace("&", "&amp;") + "\"></redirect></partial-response>");
        response.flushBuffer();
    }

    /**
     * Logs {@code failure} with the request's correlation id; the page to send the browser to: the 503 page for a
     * dependency that is down, else the 500 page, each with the id.
     */
    public static String logged(Throwable failure, HttpServletRequest request, HttpServletResponse response) {
        String id = CorrelationFilter.ensure(request, response);
        String what = request.getMethod() + " " + request.getRequestURI() + " (AJAX)";
        Optional<Outage.Cause> down = Outage.classify(failure);
        if (down.isPresent()) {
            Outage.refused(down.get(), failure, id, what);
            return unavailablePage(request, id);
        }
        LOG.log(Level.SEVERE, "Erreur inattendue [" + id + "] sur " + what + " : " + Outage.describe(failure), failure);
        return errorPage(request, id);
    }
}
