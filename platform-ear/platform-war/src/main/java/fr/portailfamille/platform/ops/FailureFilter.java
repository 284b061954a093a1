package fr.portailfamille.platform.ops;

import fr.portailfamille.platform.kernel.AccountConflict;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Catches what a request throws before the container does (the container would log a full stack
 * trace for each request): a dependency that is down becomes the 503 page ({@link Outage}); any other
 * failure becomes the friendly 500 page, logged on one line with its correlation id, its stack trace
 * written once per kind of failure per minute (see {@link LogThrottle}).
 */
public class FailureFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(FailureFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            AccountConflict conflict = AccountConflict.in(e);
            if (conflict != null) {
                accountConflict(conflict, request, response);
                return;
            }
            Optional<Outage.Cause> down = Outage.classify(e);
            if (down.isPresent()) {
                Outage.respond(down.get(), e, request, response);
                return;
            }
            Object id = request.getAttribute(CorrelationFilter.ATTRIBUTE);
            // one record; LogThrottle keeps its stack trace only once a minute for the same failure
            LOG.log(Level.SEVERE, "Erreur inattendue [" + id + "] sur " + request.getMethod() + " "
                    + request.getRequestURI() + " : " + Outage.describe(e), e);
            if (!response.isCommitted() && fr.portailfamille.platform.kernel.JsonErrors.isApi(request)) {
                // an API answers JSON with the correlation id, never the error page
                fr.portailfamille.platform.kernel.JsonErrors.write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                        "erreur_interne", "Une erreur est survenue. Si elle se répète, indiquez ce code à la mairie : " + id
                                + ".", "correlation", String.valueOf(id));
            } else if (!response.isCommitted() && AjaxFailures.isAjax(request)) {
                // a Faces AJAX request: the browser follows a partial redirect, it would drop an HTML page unread
                AjaxFailures.redirect(response, AjaxFailures.errorPage(request, id));
            } else if (!response.isCommitted()) {
                response.resetBuffer();
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        }
    }

    /**
     * A family account that does not reach its file: 409 and a page (or a JSON error) that says what to do, logged on
     * one line without a stack trace (not a failure of the platform).
     */
    private static void accountConflict(AccountConflict conflict,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object id = request.getAttribute(CorrelationFilter.ATTRIBUTE);
        LOG.warning(() -> "Compte sans son dossier [" + id + "] sur " + request.getRequestURI() + " : " + conflict.getMessage());
        if (response.isCommitted()) {
            return;
        }
        if (fr.portailfamille.platform.kernel.JsonErrors.isApi(request)) {
            fr.portailfamille.platform.kernel.JsonErrors.write(response, HttpServletResponse.SC_CONFLICT, "compte_non_relie",
                    AccountConflict.text(conflict.reason()).french(), "correlation", String.valueOf(id));
        } else if (AjaxFailures.isAjax(request)) {
            AjaxFailures.redirect(response, request.getContextPath() + "/erreur/statut.xhtml?compte=" + conflict.reason());
        } else {
            response.resetBuffer();
            request.setAttribute(ErrorView.ACCOUNT_CONFLICT, conflict.reason());
            response.sendError(HttpServletResponse.SC_CONFLICT);
        }
    }
}
