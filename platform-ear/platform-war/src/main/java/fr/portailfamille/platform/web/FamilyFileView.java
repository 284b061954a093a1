package fr.portailfamille.platform.web;

import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyForm;
import fr.portailfamille.platform.family.FamilyStatus;
import fr.portailfamille.tenancy.FieldError;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Mon foyer": the family file wizard while it is a draft ("Finir plus tard", "Valider l'inscription",
 * "Supprimer ma demande"), then the read-only file with change requests once validated.
 */
@Named
@ViewScoped
public class FamilyFileView implements Serializable {

    public static final String FORM = "foyer";

    @Inject
    transient FamilyFileService files;

    @Inject
    transient UserView user;

    private FamilyForm form;
    private FamilyStatus status;
    /** A validated file being edited to send change requests. */
    private boolean changing;

    @PostConstruct
    void load() {
        Family f = files.fileOf(user.require());
        status = f.getStatus();
        form = files.formOf(user.require());
    }

    public FamilyForm getForm() {
        return form;
    }

    public FamilyStatus getStatus() {
        return status;
    }

    public boolean isEditable() {
        return status == FamilyStatus.DRAFT || changing;
    }

    public boolean isChanging() {
        return changing;
    }

    public boolean isReadonly() {
        return !isEditable();
    }

    public Map<String, String> getSituations() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Marié(e)s", "MARIES");
        m.put("Pacsé(e)s", "PACSES");
        m.put("Vie maritale", "CONCUBINAGE");
        m.put("Célibataire", "CELIBATAIRE");
        m.put("Séparé(e)s", "SEPARES");
        m.put("Divorcé(e)s", "DIVORCES");
        m.put("Veuf / veuve", "VEUF");
        return m;
    }

    public Map<String, String> getCivilities() {
        return Map.of("Madame", "MME", "Monsieur", "M");
    }

    public Map<String, String> getSexes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Fille", "F");
        m.put("Garçon", "M");
        return m;
    }

    public void addChild() {
        FamilyForm.ChildForm c = new FamilyForm.ChildForm();
        c.setLastName(form.getResponsable1().getLastName());
        form.getChildren().add(c);
    }

    public void removeChild(int index) {
        form.getChildren().remove(index);
    }

    public void addContact(int childIndex) {
        form.getChildren().get(childIndex).getContacts().add(new FamilyForm.Contact());
    }

    public void removeContact(int childIndex, int contactIndex) {
        form.getChildren().get(childIndex).getContacts().remove(contactIndex);
    }

    public void saveDraft() {
        List<FieldError> errors = files.saveDraft(user.require(), form);
        if (errors.isEmpty()) {
            form = files.formOf(user.require());
            FormErrors.info("Votre dossier est enregistré. Vous avez 30 jours pour le terminer.");
        } else {
            FormErrors.show(FORM, errors);
        }
    }

    public void submit() {
        List<FieldError> errors = files.submit(user.require(), form);
        if (errors.isEmpty()) {
            status = FamilyStatus.SUBMITTED;
            form = files.formOf(user.require());
            FormErrors.info("Votre dossier est envoyé au service enfance. Vous recevrez un courriel dès sa validation.");
        } else {
            FormErrors.show(FORM, errors);
        }
    }

    /** Deletes the pending file and the account, then signs out to the commune's website. */
    public void deletePending() throws IOException {
        try {
            if (files.deletePending(user.require())) {
                FacesContext ctx = FacesContext.getCurrentInstance();
                ctx.getExternalContext().invalidateSession();
                ctx.getExternalContext().redirect(fr.portailfamille.platform.tenancy.TenantContext.require().websiteUrl());
            }
        } catch (FamilyFileService.AccountUnavailable e) {
            FormErrors.show(FORM, List.of(new FieldError("", e.getMessage())));
        }
    }

    /** "Modifier mon dossier": the validated file becomes editable; sending makes change requests. */
    public void startChanges() {
        if (status == FamilyStatus.VALIDATED) {
            changing = true;
        }
    }

    public void cancelChanges() {
        changing = false;
        form = files.formOf(user.require());
    }

    public void sendChanges() {
        List<FieldError> errors = files.requestChanges(user.require(), form);
        if (errors.isEmpty()) {
            changing = false;
            form = files.formOf(user.require());
            FormErrors.info("Votre demande de modification est envoyée au service enfance. Vous la suivez dans"
                    + " « Mes demandes ».");
        } else {
            FormErrors.show(FORM, errors);
        }
    }
}
