package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.web.ViewParams;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.AgentFileEditor;
import fr.portailfamille.platform.family.FamilyDesk;
import fr.portailfamille.platform.family.HealthRecords;
import fr.portailfamille.platform.family.FamilyStatus;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/** An agent edits a family file directly; health data only with the agent-sante role; all audited. */
@Named
@ViewScoped
public class AgentFamilleModifierView extends FamilyFormView {

    public static final String FORM = "dossier";

    @Inject
    FamilyDesk desk;

    @Inject
    AgentFileEditor editor;

    @Inject
    UserView user;

    /** The file opened by this view: set once, from the address; a posted {@code id} never changes it. */
    private Long id;
    private String label;
    private FamilyStatus status;

    public void load() throws IOException {
        if (form != null) {
            return;
        }
        Family f = id == null ? null : desk.get(user.require(), id).orElse(null);
        if (f == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Dossier introuvable");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        label = f.getLabel();
        status = f.getStatus();
        form = desk.formForAgent(user.require(), id);
    }

    public void save() {
        List<FieldError> errors;
        try {
            errors = editor.update(user.require(), id, form);
        } catch (Refused | SecurityException e) {
            errors = List.of(new FieldError("", Texts.text(e)));
        }
        if (errors.isEmpty()) {
            form = desk.formForAgent(user.require(), id);
            FormErrors.info(Texts.of("agent.famille.edit.saved"));
        } else {
            FormErrors.show(FORM, errors);
        }
    }

    @Override
    public FamilyStatus getStatus() {
        return status;
    }

    @Override
    public boolean isEditable() {
        return true;
    }

    @Override
    public boolean isHealthVisible() {
        return HealthRecords.mayRead(user.require());
    }

    public Long getId() { return id; }

    /** The view parameter: taken on the page's first request only, never from a postback. */
    public void setId(Long id) {
        if (this.id == null && form == null && ViewParams.opening()) {
            this.id = id;
        }
    }
    public String getLabel() { return label; }
}
