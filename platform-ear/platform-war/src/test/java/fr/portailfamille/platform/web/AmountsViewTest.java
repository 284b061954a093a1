package fr.portailfamille.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.platform.configuration.web.form.FormValues;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pages' amounts in the view's language: French first, English for an English view; French outside a page. */
class AmountsViewTest {

    private PageInLanguage view;

    @AfterEach
    void noMoreRequest() {
        if (view != null) {
            view.release();
        }
    }

    @Test
    void outsideAPageAmountsAreFrench() {
        assertEquals("1\u00a0200,60\u00a0€", Texts.amount(120_060));
        assertEquals("-0,35\u00a0€", new AmountsView().of(-35L));
        assertEquals("", new AmountsView().of(null), "no amount");
        assertEquals("1850,50", Texts.typed(185_050L));
        assertEquals("", Texts.typed(null));
    }

    @Test
    void aFrenchPageWritesTodaysFrench() {
        view = new PageInLanguage(Locale.FRENCH);
        assertEquals("1\u00a0200,60\u00a0€", new AmountsView().of(120_060L));
        assertEquals("0,00\u00a0€", Texts.amount(0));
        assertEquals("3,50", FormValues.euros(350L));
        assertEquals("2,5", FormValues.percent(new BigDecimal("2.50")));
        assertEquals("1850,50", new TypedEurosConverter().getAsString(view, null, "1850.5"));
    }

    @Test
    void anEnglishPageWritesEnglish() {
        view = new PageInLanguage(Locale.ENGLISH);
        assertEquals("€1,200.60", new AmountsView().of(120_060L));
        assertEquals("-€0.35", Texts.amount(-35));
        assertEquals("€0.00", Texts.amount(0));
        assertEquals("", new AmountsView().of(null));
        assertEquals("3.50", FormValues.euros(350L), "typed back as an English page reads it, read again as typed");
        assertEquals("2.5", FormValues.percent(new BigDecimal("2.50")));
        assertEquals("10", FormValues.percent(new BigDecimal("10.00")));
        TypedEurosConverter typed = new TypedEurosConverter();
        assertEquals("1850.50", typed.getAsString(view, null, "1850,50"), "Mon foyer's resources typed back in English");
        assertEquals("1850.50", typed.getAsString(view, null, "1 850,5"));
        assertEquals("12 euros", typed.getAsString(view, null, "12 euros"), "what is not an amount, as it was typed");
        assertEquals("", typed.getAsString(view, null, null));
        assertEquals("1,850.50", typed.getAsObject(view, null, "1,850.50"), "the typed text passed on to the form's rules");
        assertEquals("€1,234.56", Texts.of(fr.portailfamille.billing.Money.amount(123_456)), "a refusal's amount");
    }
}
