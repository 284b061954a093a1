package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.configuration.ConfigurationException;
import fr.portailfamille.platform.configuration.web.form.FormValues;
import fr.portailfamille.platform.configuration.web.form.NewActivityRow;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code agent/configuration/nouvelle-activite.xhtml}: a new activity with its first unit and default
 * deadlines; once created, the agent goes on to the activities page to set its rules.
 */
@Named
@ViewScoped
public class NouvelleActiviteView extends ConfigurationSection {

    private NewActivityRow activity = new NewActivityRow();

    @Override
    public void load() {
        // nothing saved to show: the form starts empty
    }

    /** "Créer l'activité": saved, then the activities page with a message; or every problem on this form. */
    public String create() {
        Optional<FieldError> time = activity.timeError();
        if (time.isPresent()) {
            FormErrors.show("nouvelle", List.of(time.get()));
            return null;
        }
        Activity a = activity.toActivity();
        String[] prefix = new String[1];
        try {
            configuration.update(user.require(), c -> {
                prefix[0] = "activities[" + c.activities().size() + "]";
                List<Activity> all = new ArrayList<>(c.activities());
                all.add(a);
                return c.withActivities(all);
            });
        } catch (ConfigurationException e) {
            showAll("nouvelle", e.errors().stream().map(x -> new FieldError(FormValues.newActivityField(x.field(), prefix[0]),
                    x.text())).toList());
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        FormErrors.info(Texts.of("agent.config.new.created", a.name()));
        return "/agent/configuration/activites?faces-redirect=true";
    }

    public NewActivityRow getActivity() { return activity; }
}
