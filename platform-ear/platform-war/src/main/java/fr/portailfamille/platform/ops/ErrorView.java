package fr.portailfamille.platform.ops;

import fr.portailfamille.platform.kernel.AccountConflict;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Backs the error pages: shows the correlation id and logs the failure with it, once, so that support
 * can find the stack trace that the user never sees.
 */
@Named
@RequestScoped
public class ErrorView {

    private static final Logger LOG = Logger.getLogger(ErrorView.class.getName());

    /** The request attribute {@link FailureFilter} sets to the {@link AccountConflict.Reason} this page tells about. */
    static final String ACCOUNT_CONFLICT = "pf.accountConflict";
    private boolean logged;

    public String getCorrelationId() {
        HttpServletRequest request = request();
        Object id = request.getAttribute(CorrelationFilter.ATTRIBUTE);
        if (!logged && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            logged = true;
            LOG.log(Level.SEVERE, "Erreur inattendue [" + id + "] sur " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t);
        }
        String failed = failedAjax(request);
        if (failed != null) {
            return failed; // the id the failed AJAX action was logged with (AjaxFailures), not this page's own
        }
        return id == null ? "" : id.toString();
    }

    /** The HTTP status being shown (0 outside an error page; 503 for an AJAX action refused by an outage). */
    public int getStatus() {
        Object status = request().getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (status instanceof Integer i) {
            return i;
        }
        if (getAccountConflict() != null) {
            return 409;
        }
        return failedAjax(request()) != null && "503".equals(request().getParameter("statut")) ? 503 : 0;
    }

    /**
     * The account conflict this page tells about ({@link FailureFilter}'s attribute, or {@code ?compte=} after an AJAX
     * action), or null.
     */
    public AccountConflict.Reason getAccountConflict() {
        HttpServletRequest request = request();
        if (request.getAttribute(ACCOUNT_CONFLICT) instanceof AccountConflict.Reason r) {
            return r;
        }
        String asked = request.getParameter("compte");
        for (AccountConflict.Reason r : AccountConflict.Reason.values()) {
            if (r.name().equals(asked)) {
                return r;
            }
        }
        return null;
    }

    /** The conflict's title in the page's language. */
    public String getAccountTitle() {
        return AccountConflict.title().in(locale());
    }

    /** What the family should do, in the page's language. */
    public String getAccountText() {
        AccountConflict.Reason r = getAccountConflict();
        return r == null ? "" : AccountConflict.text(r).in(locale());
    }

    private static java.util.Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() == null ? java.util.Locale.FRENCH : faces.getViewRoot().getLocale();
    }

    /** The correlation id in the address of a page an AJAX failure was sent to ({@link AjaxFailures}), else null. */
    private static String failedAjax(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
            return null;
        }
        String code = request.getParameter("code");
        return code != null && AjaxFailures.ID.matcher(code).matches() ? code : null;
    }

    public String getTitleKey() {
        return key(getStatus(), "title");
    }

    public String getTextKey() {
        return key(getStatus(), "text");
    }

    private static String key(int status, String part) {
        String key = "error." + status + "." + part;
        FacesContext faces = FacesContext.getCurrentInstance();
        java.util.ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return bundle != null && bundle.containsKey(key) ? key : "error.generic." + part;
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
