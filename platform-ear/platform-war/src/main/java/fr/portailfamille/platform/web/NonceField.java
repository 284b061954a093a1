package fr.portailfamille.platform.web;

import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import org.primefaces.context.PrimeFacesContext;

/**
 * The hidden {@code primefaces.nonce} field of a form, written by the server. PrimeFaces' CSP mode refuses a
 * postback whose nonce differs from its view's; its JavaScript adds this field to every form, but pages that
 * do not load PrimeFaces' script (the family pages, kept light) post plain forms: they carry it from here.
 * Transient: rebuilt with the form on every request, never in the view state.
 */
public class NonceField extends UIComponentBase {

    public static final String FAMILY = "fr.portailfamille.NonceField";
    public static final String ID = "pfNonce";

    public NonceField() {
        setId(ID);
        setTransient(true);
        setRendererType(null);
    }

    @Override
    public String getFamily() {
        return FAMILY;
    }

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        ResponseWriter w = context.getResponseWriter();
        w.startElement("input", this);
        w.writeAttribute("type", "hidden", null);
        w.writeAttribute("name", "primefaces.nonce", null);
        w.writeAttribute("value", PrimeFacesContext.getCspState(context).getNonce(), null);
        w.endElement("input");
    }
}
