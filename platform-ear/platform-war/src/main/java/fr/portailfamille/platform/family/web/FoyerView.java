package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.AccountUnavailable;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyStatus;
import fr.portailfamille.platform.family.FormChanges;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.kernel.UploadChecker;
import fr.portailfamille.problems.FieldError;
import jakarta.servlet.http.Part;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * "Mon foyer": the family file wizard while it is a draft ("Finir plus tard", "Valider l'inscription",
 * "Supprimer ma demande"), then the read-only file with change requests once validated.
 */
@Named
@ViewScoped
public class FoyerView extends FamilyFormView {

    public static final String FORM = "foyer";

    @Inject
    FamilyFileService files;

    @Inject
    UserView user;

    @Inject
    FamilyDocuments documents;

    /** The attestation de quotient familial sent with the changes, if any (never kept in the view's state). */
    private transient Part qfProof;
    private Boolean qfProofAsked;

    private FamilyStatus status;
    /** A validated file being edited to send change requests. */
    private boolean changing;

    /** A staff account (agent): it has no family file, and none is created for it. */
    private boolean staff;
    /** Why the town sent the file back, while it is a draft again. */
    private String refusal;

    @PostConstruct
    void load() {
        staff = FamilyFileService.isStaff(user.require());
        if (staff) {
            return;
        }
        Family f = files.fileOf(user.require());
        status = f.getStatus();
        form = files.formOf(user.require());
        refusal = files.lastRefusal(user.require());
    }

    public boolean isStaff() {
        return staff;
    }

    public String getRefusal() {
        return refusal;
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

    /**
     * "Finir plus tard": what is valid is saved; the fields still wrong are listed at the top and shown
     * next to each field, with what was typed left in place.
     */
    public void saveDraft() {
        List<FieldError> errors = files.saveDraft(user.require(), form);
        if (errors.isEmpty()) {
            form = files.formOf(user.require());
            FormErrors.info(Texts.of("foyer.draft.saved"));
        } else if (errors.stream().allMatch(e -> e.field().isEmpty())) {
            FormErrors.show(FORM, errors);
        } else {
            FormErrors.info(errors.size() == 1 ? Texts.of("foyer.draft.savedExceptOne")
                    : Texts.of("foyer.draft.savedExcept", String.valueOf(errors.size())));
            FormErrors.show(FORM, errors);
        }
    }

    public void submit() {
        List<FieldError> errors = files.submit(user.require(), form);
        if (errors.isEmpty()) {
            status = FamilyStatus.SUBMITTED;
            form = files.formOf(user.require());
            FormErrors.info(Texts.of("foyer.submitted"));
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
        } catch (AccountUnavailable e) {
            FormErrors.show(FORM, List.of(new FieldError("", e.text())));
        } catch (fr.portailfamille.platform.kernel.Refused e) {
            FormErrors.show(FORM, List.of(new FieldError("", e.text()))); // a file the régie keeps: said, nothing deleted
        }
    }

    /** While the validated file is changed, when the commune asks for attestations de quotient familial. */
    @Override
    public boolean isQfProofOffered() {
        if (!changing) {
            return false;
        }
        if (qfProofAsked == null) {
            qfProofAsked = documents.qfProofType().isPresent();
        }
        return qfProofAsked;
    }

    public Part getQfProof() { return qfProof; }
    public void setQfProof(Part v) { qfProof = v; }

    /** "Modifier mon dossier": the validated file becomes editable; sending makes change requests. */
    public void startChanges() {
        if (status == FamilyStatus.VALIDATED) {
            changing = true;
            // the file as it is now (a request accepted since the page opened), with what it was read as
            form = files.formToChange(user.require());
        }
    }

    public void cancelChanges() {
        changing = false;
        form = files.formOf(user.require());
    }

    public void sendChanges() throws IOException {
        var before = files.formOf(user.require());
        byte[] proof = null;
        if (qfProof != null && qfProof.getSize() > 0) {
            try (InputStream in = qfProof.getInputStream()) {
                proof = in.readNBytes(UploadChecker.MAX_BYTES + 1);
            }
        }
        List<FieldError> errors = documents.requestChangesWithProof(user.require(), form, qfProof == null ? null
                : qfProof.getSubmittedFileName(), proof);
        if (errors.isEmpty()) {
            // the form was normalized as saved: a request was sent unless only the parent's own consent changed
            boolean requests = !FormChanges.requested(before, form).isEmpty();
            changing = false;
            form = files.formOf(user.require());
            FormErrors.info(Texts.of(requests ? "foyer.changes.sent" : "foyer.consent.saved"));
        } else {
            FormErrors.show(FORM, errors);
        }
    }
}
