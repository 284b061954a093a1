package fr.portailfamille.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.platform.configuration.web.form.FormValues;
import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.VariableMapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.ExternalContextWrapper;
import jakarta.faces.context.FacesContextWrapper;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pages' amounts in the view's language: French first, English for an English view; French outside a page. */
class AmountsViewTest {

    /** A Faces request whose view is in {@code locale}: all Texts asks of it (and what a view root's making asks). */
    static final class View extends FacesContextWrapper {

        private final Map<String, Object> application = new HashMap<>();
        private final UIViewRoot root;
        private final ELContext el = new ELContext() {
            @Override
            public ELResolver getELResolver() {
                return null;
            }

            @Override
            public FunctionMapper getFunctionMapper() {
                return null;
            }

            @Override
            public VariableMapper getVariableMapper() {
                return null;
            }
        };

        View(Locale locale) {
            super(null);
            setCurrentInstance(this);
            root = new UIViewRoot();
            root.setLocale(locale);
        }

        @Override
        public UIViewRoot getViewRoot() {
            return root;
        }

        @Override
        public ELContext getELContext() {
            return el;
        }

        @Override
        public ExternalContext getExternalContext() {
            return new ExternalContextWrapper(null) {
                @Override
                public Map<String, Object> getApplicationMap() {
                    return application;
                }
            };
        }

        @Override
        public void release() {
            setCurrentInstance(null);
        }
    }

    private View view;

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
        view = new View(Locale.FRENCH);
        assertEquals("1\u00a0200,60\u00a0€", new AmountsView().of(120_060L));
        assertEquals("0,00\u00a0€", Texts.amount(0));
        assertEquals("3,50", FormValues.euros(350L));
        assertEquals("2,5", FormValues.percent(new BigDecimal("2.50")));
    }

    @Test
    void anEnglishPageWritesEnglish() {
        view = new View(Locale.ENGLISH);
        assertEquals("€1,200.60", new AmountsView().of(120_060L));
        assertEquals("-€0.35", Texts.amount(-35));
        assertEquals("€0.00", Texts.amount(0));
        assertEquals("", new AmountsView().of(null));
        assertEquals("3.50", FormValues.euros(350L), "typed back as an English page reads it, read again as typed");
        assertEquals("2.5", FormValues.percent(new BigDecimal("2.50")));
        assertEquals("10", FormValues.percent(new BigDecimal("10.00")));
        assertEquals("€1,234.56", Texts.of(fr.portailfamille.billing.Money.amount(123_456)), "a refusal's amount");
    }
}
