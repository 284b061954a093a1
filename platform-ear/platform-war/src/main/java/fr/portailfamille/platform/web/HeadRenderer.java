package fr.portailfamille.platform.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import org.primefaces.config.PrimeConfiguration;
import org.primefaces.context.PrimeRequestContext;

/**
 * PrimeFaces' renderer of {@code h:head}, without its inline settings and init scripts on pages that do not
 * load PrimeFaces' JavaScript (none does today: the pages use plain Faces components). That script
 * only acts {@code if (window.PrimeFaces)}, and inline it would break the Content-Security-Policy
 * ({@code script-src 'self'}). A page that adds PrimeFaces components loads PrimeFaces' script, gets
 * the settings script back, and then needs PrimeFaces' CSP mode ({@code primefaces.CSP}, nonce): the
 * CSP browser test says so at once. PrimeFaces' CSP mode is not used now because it refuses every
 * form post without the nonce that only its JavaScript adds.
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
