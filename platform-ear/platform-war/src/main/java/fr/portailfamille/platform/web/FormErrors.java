package fr.portailfamille.platform.web;

import fr.portailfamille.problems.FieldError;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows the service's field errors next to their fields: a path such as
 * {@code children[0].contacts[1].phone} becomes the client id {@code form:children:0:contacts:1:phone};
 * {@code responsable1.email} becomes {@code form:r1_email}. Errors without a field go to the top.
 */
public final class FormErrors {

    private static final Pattern INDEX = Pattern.compile("([a-zA-Z]+)\\[(\\d+)]");

    private FormErrors() {
    }

    public static void show(String formId, List<FieldError> errors) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        for (FieldError e : errors) {
            String text = Texts.of(e.text());
            FacesMessage m = new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
            ctx.addMessage(e.field().isEmpty() ? null : clientId(formId, e.field()), m);
        }
        ctx.validationFailed();
    }

    static String clientId(String formId, String path) {
        String p = path.replace("responsable1.", "r1_").replace("responsable2.", "r2_");
        Matcher m = INDEX.matcher(p);
        p = m.replaceAll("$1:$2");
        return formId + ":" + p.replace('.', ':');
    }

    /** An error for the summary at the top of the page. */
    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }
}
