package fr.portailfamille.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialResponseWriter;
import jakarta.faces.context.PartialViewContext;
import jakarta.faces.context.PartialViewContextFactory;
import jakarta.faces.context.PartialViewContextWrapper;

/**
 * AJAX answers of pages that do not load PrimeFaces' script (the family pages: Mon planning's toggles) are
 * written by Faces' own partial response writer, not PrimeFaces' CSP one: that one appends an {@code <eval>}
 * ({@code PrimeFaces.csp.init…}) which Faces' script can only run through {@code eval}, refused by the
 * Content-Security-Policy (no {@code 'unsafe-eval'}), so every answer ended in a "malformedXML" error.
 * Staff pages, which load PrimeFaces' script, keep PrimeFaces' writer and its nonce handling.
 */
public class LightPartialViewContextFactory extends PartialViewContextFactory {

    public LightPartialViewContextFactory(PartialViewContextFactory wrapped) {
        super(wrapped);
    }

    @Override
    public PartialViewContext getPartialViewContext(FacesContext context) {
        PartialViewContext primeFaces = getWrapped().getPartialViewContext(context);
        return new PartialViewContextWrapper(primeFaces) {
            @Override
            public PartialResponseWriter getPartialResponseWriter() {
                if (getWrapped() instanceof PartialViewContextWrapper prime && context.getViewRoot() != null
                        && !HeadRenderer.loadsPrimeFacesScript(context)) {
                    return prime.getWrapped().getPartialResponseWriter();
                }
                return super.getPartialResponseWriter();
            }
        };
    }
}
