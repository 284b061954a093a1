package fr.portailfamille.platform.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import org.primefaces.config.PrimeConfiguration;
import org.primefaces.context.PrimeRequestContext;

/**
 * PrimeFaces' renderer of {@code h:head}, without its inline settings and init scripts and its locale script
 * on pages that do not load PrimeFaces' JavaScript (the family pages use plain Faces components and stay
 * light): that script only acts {@code if (window.PrimeFaces)}. Staff pages
 * ({@code WEB-INF/templates/agent.xhtml}) use PrimeFaces components, so they load its script and get the
 * settings and init scripts, which PrimeFaces' CSP mode ({@code primefaces.CSP}) marks with the page's
 * nonce, the same nonce the Content-Security-Policy header carries. The theme is "none" for the whole
 * application: only the staff template links the theme's stylesheet.
 */
public class HeadRenderer extends org.primefaces.renderkit.HeadRenderer {

    @Override
    protected void encodeSettingScripts(FacesContext context, PrimeRequestContext requestContext,
                                        PrimeConfiguration configuration, ResponseWriter writer) throws IOException {
        if (loadsPrimeFacesScript(context)) {
            super.encodeSettingScripts(context, requestContext, configuration, writer);
        }
    }

    @Override
    protected void encodeInitScripts(FacesContext context, PrimeRequestContext requestContext,
                                     PrimeConfiguration configuration, ResponseWriter writer) throws IOException {
        if (loadsPrimeFacesScript(context)) {
            super.encodeInitScripts(context, requestContext, configuration, writer);
        }
    }

    /** PrimeFaces' locale script only on pages that load PrimeFaces' own script (it needs it to act). */
    @Override
    protected void encodeLocaleResources(FacesContext context, PrimeConfiguration configuration) {
        if (loadsPrimeFacesScript(context)) {
            super.encodeLocaleResources(context, configuration);
        }
    }

    static boolean loadsPrimeFacesScript(FacesContext context) {
        for (String target : new String[] {"head", "body"}) {
            for (UIComponent resource : context.getViewRoot().getComponentResources(context, target)) {
                Object library = resource.getAttributes().get("library");
                Object name = resource.getAttributes().get("name");
                // PrimeFaces' own script (its locale file is always added, and needs the core to act)
                if ("primefaces".equals(library) && name != null
                        && (name.toString().equals("core.js") || name.toString().equals("components.js"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
