package fr.portailfamille.platform.web;

import fr.portailfamille.billing.Money;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;

/**
 * A field of euros kept as the text a person typed ({@code "1850,50"}, what {@link Money#parseEuros} reads in either
 * language): written back in the page's language ("1850.50" on an English page), what is not an amount written back
 * as it was typed; the submitted text is passed on as it is, for the form's rules to read or to report (an amount
 * only the page's language reads, "2,500" on an English page, passed on as "2500.00").
 */
@FacesConverter("typedEuros")
public class TypedEurosConverter implements Converter<String> {

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (value != null && Money.parseEuros(value).isEmpty()) {
            // what only the page's language reads ("2,500" on an English page: thousands) passed on as either reads it
            java.util.Locale locale = Texts.locale();
            return Money.parseEuros(value, locale).map(cents -> Money.typed(cents, locale)).orElse(value);
        }
        return value;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return Money.parseEuros(value).map(Texts::typed).orElse(value);
    }
}
