package fr.portailfamille.platform.web;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.VariableMapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.ExternalContextWrapper;
import jakarta.faces.context.FacesContextWrapper;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Faces request whose view is in {@code locale}, for unit tests of beans that write texts: all {@code Texts} asks of
 * it (and what a view root's making asks). Current from its making until {@link #release()}.
 */
public final class PageInLanguage extends FacesContextWrapper {

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

    public PageInLanguage(Locale locale) {
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
