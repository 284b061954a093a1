package fr.portailfamille.platform.web;

import jakarta.faces.context.FacesContext;

/**
 * The field a page opens on when it is written again after a form's action added or removed a part of the form (a
 * period, a school, a tariff…): without it the page comes back at its top, screens above the new fields, and the
 * keyboard's focus is lost. {@code commune.xhtml} writes the id it is given; {@code portail.js} focuses that field,
 * unless a field is in error (which it focuses first).
 */
public final class NextFocus {

    /** The request attribute holding the field's client id (read by {@code commune.xhtml}). */
    public static final String ID = "pf.focusId";

    /** The request attribute holding the field's id relative to its form (read by {@code family-form.xhtml}). */
    public static final String IN_FORM = "pf.focus";

    private NextFocus() {
    }

    /** Focuses the field whose client id is {@code clientId} when the page is written again (no-op outside Faces). */
    public static void on(String clientId) {
        put(ID, clientId);
    }

    /** Focuses the field {@code field} of the family file's form (its id relative to the form, which pages name apart). */
    public static void inForm(String field) {
        put(IN_FORM, field);
    }

    private static void put(String attribute, String value) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            faces.getAttributes().put(attribute, value);
        }
    }
}
