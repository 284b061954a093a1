package fr.portailfamille.platform.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;

/**
 * A typed text of several lines as the person counted it: a browser counts each line break of a {@code textarea} as
 * one character against its {@code maxlength} but sends it as two ({@code \r\n}), so that a comment of 500 characters
 * with ten line breaks reached the server as 510 and was refused as too long. Line breaks are read as {@code \n}
 * (and stored so) before the field's length is checked.
 */
@FacesConverter("lineBreaks")
public class LineBreaksConverter implements Converter<String> {

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        return lines(value);
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value == null ? "" : value;
    }

    /** {@code text} with each {@code \r\n} or lone {@code \r} read as {@code \n} (null stays null). */
    public static String lines(String text) {
        return text == null || text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
