package fr.portailfamille.platform.web;

import jakarta.faces.FacesException;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.Renderer;
import jakarta.faces.render.RendererWrapper;
import java.io.IOException;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;

/**
 * The Faces form renderer, plus PrimeFaces' CSP nonce in a hidden field when its CSP mode is on. In that
 * mode PrimeFaces refuses a postback without the nonce of the page ("CSP nonce mismatch"); its script
 * adds the field to the forms of pages that load it, and this renderer to the forms of pages that do not
 * (see {@link HeadRenderer}), so both kinds of page keep posting.
 */
public class NonceFormRenderer extends RendererWrapper {

    static final String NONCE_FIELD = "primefaces.nonce";

    public NonceFormRenderer() {
        super(facesFormRenderer());
    }

    private static Renderer facesFormRenderer() {
        try {
            return (Renderer) Class.forName("com.sun.faces.renderkit.html_basic.FormRenderer")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new FacesException("Mojarra's form renderer is missing", e);
        }
    }

    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        if (component.isRendered() && PrimeApplicationContext.getCurrentInstance(context).getConfig().isCsp()) {
            ResponseWriter writer = context.getResponseWriter();
            writer.startElement("input", null);
            writer.writeAttribute("type", "hidden", null);
            writer.writeAttribute("name", NONCE_FIELD, null);
            writer.writeAttribute("value", PrimeFacesContext.getCspState(context).getNonce(), null);
            writer.endElement("input");
        }
        super.encodeEnd(context, component);
    }
}
