package fr.portailfamille.platform.web;

import fr.portailfamille.platform.security.CspPolicy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;

/**
 * PrimeFaces' CSP mode for pages ({@code #{csp}}): the platform's policy, to which PrimeFaces appends the
 * page's nonce ({@code primefaces.CSP_POLICY}), and that nonce for a form's hidden field, so that a form
 * posted without JavaScript carries it as PrimeFaces' script would.
 */
@Named("csp")
@RequestScoped
public class CspView {

    public String getPolicy() {
        return CspPolicy.configured();
    }

    /** The page's nonce, or "" when PrimeFaces' CSP mode is off. */
    public String getNonce() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (!PrimeApplicationContext.getCurrentInstance(context).getConfig().isCsp()) {
            return "";
        }
        return PrimeFacesContext.getCspState(context).getNonce();
    }
}
