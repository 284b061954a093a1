package fr.portailfamille.platform.web;

import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyStatus;
import fr.portailfamille.tenancy.FieldError;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/** An agent edits a family file directly; health data only with the agent-sante role; all audited. */
@Named
@ViewScoped
public class AgentFamilyEditView extends FamilyFormView {

    public static final String FORM = "dossier";

    @Inject
    transient FamilyFileService files;

    @Inject
    transient UserView user;

    private Long id;
    private String label;
    private FamilyStatus status;

    public void load() throws IOException {
        if (form != null) {
            return;
        }
        Family f = id == null ? null : files.get(id).orElse(null);
        if (f == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Dossier introuvable");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        label = f.getLabel();
        status = f.getStatus();
        form = files.formForAgent(agent(), id, isHealthVisible());
    }

    public void save() {
        List<FieldError> errors = files.agentUpdate(agent(), id, form, isHealthVisible());
        if (errors.isEmpty()) {
            form = files.formForAgent(agent(), id, isHealthVisible());
            FormErrors.info("Dossier enregistré ; la modification est inscrite au journal.");
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
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("agent-sante");
    }

    private String agent() {
        return user.require().email();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getLabel() { return label; }
}
