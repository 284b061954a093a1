package fr.portailfamille.platform.web;

import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyStatus;
import fr.portailfamille.tenancy.FieldError;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * "Mon foyer": the family file wizard while it is a draft ("Finir plus tard", "Valider l'inscription",
 * "Supprimer ma demande"), then the read-only file with change requests once validated.
 */
@Named
@ViewScoped
public class FamilyFileView extends FamilyFormView {

    public static final String FORM = "foyer";

    @Inject
    transient FamilyFileService files;

    @Inject
    transient UserView user;

    private FamilyStatus status;
    /** A validated file being edited to send change requests. */
    private boolean changing;

    @PostConstruct
    void load() {
        Family f = files.fileOf(user.require());
        status = f.getStatus();
        form = files.formOf(user.require());
    }

    @Override
    public FamilyStatus getStatus() {
        return status;
    }

    @Override
    public boolean isEditable() {
        return status == FamilyStatus.DRAFT || changing;
    }

    @Override
    public boolean isHealthVisible() {
        return true;
    }

    public boolean isChanging() {
        return changing;
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
