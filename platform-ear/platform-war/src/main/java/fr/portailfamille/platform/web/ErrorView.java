package fr.portailfamille.platform.web;

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

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
