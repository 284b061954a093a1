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
        return id == null ? "" : id.toString();
    }

    /** The HTTP status being shown (0 outside an error page). */
    public int getStatus() {
        Object status = request().getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer i ? i : 0;
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
