package fr.portailfamille.platform.ops;

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
        return failedAjax(request()) != null && "503".equals(request().getParameter("statut")) ? 503 : 0;
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
