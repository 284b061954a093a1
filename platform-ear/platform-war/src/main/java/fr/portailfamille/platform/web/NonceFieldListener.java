package fr.portailfamille.platform.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import org.primefaces.context.PrimeApplicationContext;

/**
 * Gives every form its {@link NonceField} when PrimeFaces' CSP mode is on (registered in faces-config.xml
 * for forms added to a view), so that plain Faces forms keep posting under that mode.
 */
public class NonceFieldListener implements SystemEventListener {

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIForm;
    }

    @Override
    public void processEvent(SystemEvent event) {
        UIForm form = (UIForm) event.getSource();
        FacesContext context = FacesContext.getCurrentInstance();
        if (!PrimeApplicationContext.getCurrentInstance(context).getConfig().isCsp()) {
            return;
        }
        for (UIComponent child : form.getChildren()) {
            if (child instanceof NonceField) {
                return;
            }
        }
        form.getChildren().add(new NonceField());
    }
}
