package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.security.Urls;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.web.ViewParams;
import fr.portailfamille.platform.family.AgentFileEditor;
import fr.portailfamille.platform.family.AuditEntry;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyDesk;
import fr.portailfamille.platform.family.HealthRecords;
import fr.portailfamille.platform.family.FamilyHistory;
import fr.portailfamille.platform.family.FamilyForm;
import fr.portailfamille.platform.family.FamilyStatus;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One family file for agents, in words: household, responsables with their phones, children with
 * their authorisations and authorised contacts, and the health data (fiche sanitaire) only for agents
 * holding the {@code agent-sante} role (left out by the service otherwise; every read audited). A file
 * awaiting validation can be validated, or refused with a reason that the family receives by mail. Below the
 * file, in tabs: the children's bookings, registrations and school requests, and the family's change requests
 * ({@link FamilyDesk#historyOf}, agents of the commune only).
 */
@Named
@ViewScoped
public class AgentFamilleView implements Serializable {

    public static final String REFUSAL_FORM = "refus";

    @Inject
    UserView user;

    @Inject
    FamilyDesk desk;

    @Inject
    AgentFileEditor editor;

    @Inject
    FamilyDocuments documents;

    /** The file opened by this view: set once, from the address; a posted {@code id} never changes it. */
    private Long id;
    private String label;
    private String email;
    private FamilyStatus status;
    private FamilyForm form;
    private String reason;
    /** "", RESIDENT or NON_RESIDENT: the residency the tariffs use ("" from the postcode). */
    private String residency = "";
    private FamilyHistory history;
    /** Whether a portal account is linked to the file. */
    private boolean accountLinked;
    /** The family's documents this agent may read (health ones for agent-sante only). */
    private List<FamilyDocuments.Row> familyDocuments;

    public void load() throws IOException {
        if (form != null) {
            return;
        }
        Family family = id == null ? null : desk.get(user.require(), id).orElse(null);
        if (family == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Dossier introuvable");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        read(family);
    }

    private void read(Family family) {
        residency = family.getResidentOverride() == null ? "" : family.getResidentOverride() ? "RESIDENT" : "NON_RESIDENT";
        label = family.getLabel();
        email = family.getEmail();
        accountLinked = family.getSubject() != null;
        status = family.getStatus();
        form = desk.formForAgent(user.require(), id);
        history = desk.historyOf(user.require(), id);
        familyDocuments = documents.ofFamily(user.require(), id, null);
    }

    /** Whether the agent may unlink the file from its portal account (commune administrators). */
    public boolean isAdmin() {
        return StaffRoles.isAdminOfThisCommune(user.require());
    }

    /** Unlinks the file from its portal account: the next sign-in of its verified address links it again. */
    public void unlinkAccount() {
        try {
            desk.unlinkAccount(user.require(), id);
            FormErrors.info(Texts.of("agent.famille.portalAccount.unlinked"));
        } catch (Refused e) {
            FormErrors.error(Texts.of(e));
        }
        desk.get(user.require(), id).ifPresent(this::read);
    }

    private String loginEmail;

    public String getLoginEmail() { return loginEmail; }
    public void setLoginEmail(String v) { loginEmail = v; }

    /** « Changer l'adresse de connexion »: the file unlinked, linked at the next sign-in of the new address. */
    public void changeLoginEmail() {
        try {
            List<FieldError> errors = desk.changeLoginAddress(user.require(), id, loginEmail);
            if (!errors.isEmpty()) {
                FormErrors.show("login-address", errors);
                return;
            }
            FormErrors.info(Texts.of("agent.famille.loginEmail.changed", loginEmail.strip().toLowerCase(java.util.Locale.ROOT)));
            loginEmail = null;
        } catch (Refused e) {
            FormErrors.error(Texts.of(e));
        }
        desk.get(user.require(), id).ifPresent(this::read);
    }

    public boolean isHealthAllowed() {
        return HealthRecords.mayRead(user.require());
    }

    public void validate() {
        try {
            desk.validate(user.require(), id);
            FormErrors.info(Texts.of("agent.famille.validated"));
        } catch (Refused e) {
            FormErrors.error(Texts.of(e));
        }
        desk.get(user.require(), id).ifPresent(this::read);
    }

    /** Saves the residency chosen by the agent for the tariffs. */
    public void saveResidency() {
        Boolean resident = "RESIDENT".equals(residency) ? Boolean.TRUE : "NON_RESIDENT".equals(residency) ? Boolean.FALSE : null;
        try {
            editor.setResidency(user.require(), id, resident);
            FormErrors.info(Texts.of("agent.famille.residency.saved"));
        } catch (Refused e) {
            FormErrors.error(Texts.of(e));
        }
        desk.get(user.require(), id).ifPresent(this::read);
    }

    public String getResidency() { return residency; }
    public void setResidency(String residency) { this.residency = residency == null ? "" : residency; }

    /** Refuses the file with the reason typed (mandatory); the family is mailed it with a link to its page. */
    public void refuse() {
        List<FieldError> errors;
        try {
            errors = desk.refuseFile(user.require(), id, reason, Urls.base() + "/espace/foyer.xhtml");
        } catch (Refused e) {
            // the file was deleted by its family or decided meanwhile: said on the page, the typed reason kept
            FormErrors.error(Texts.of(e));
            return;
        }
        if (errors.isEmpty()) {
            reason = null;
            FormErrors.info(Texts.of("agent.famille.refused"));
            desk.get(user.require(), id).ifPresent(this::read);
        } else {
            FormErrors.show(REFUSAL_FORM, errors);
        }
    }

    public List<AuditEntry> getAudit() {
        return desk.auditOf(user.require(), id);
    }

    /** A code in words, from the page's resource bundle ({@code prefix + code}); the code itself if unknown. */
    public String words(String prefix, Object code) {
        if (code == null || code.toString().isBlank()) {
            return "—";
        }
        FacesContext ctx = FacesContext.getCurrentInstance();
        ResourceBundle bundle = ctx.getApplication().getResourceBundle(ctx, "msg");
        try {
            return bundle.getString(prefix + code);
        } catch (MissingResourceException e) {
            return code.toString();
        }
    }

    /** Text or a dash. */
    public String text(Object value) {
        return value == null || value.toString().isBlank() ? "—" : value.toString();
    }

    public Long getId() { return id; }

    /** The view parameter: taken on the page's first request only, never from a postback. */
    public void setId(Long id) {
        if (this.id == null && form == null && ViewParams.opening()) {
            this.id = id;
        }
    }

    public String getLabel() { return label; }
    public String getEmail() { return email; }
    public boolean isAccountLinked() { return accountLinked; }
    public FamilyStatus getStatus() { return status; }
    public FamilyForm getForm() { return form; }
    public FamilyHistory getHistory() { return history; }
    public List<FamilyDocuments.Row> getDocuments() { return familyDocuments; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
