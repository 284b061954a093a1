package fr.portailfamille.platform.staff.web;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.staff.StaffAccount;
import fr.portailfamille.platform.staff.StaffAccountRules;
import fr.portailfamille.platform.staff.StaffAccounts;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Page agent/agents ("Agents de la commune"), for the commune's administrators: the agents with their roles and
 * state, the invitation form, a row's roles to change, disabling after a confirmation and re-enabling, and the
 * history; every action goes through {@link StaffAccounts}, which checks the administrator and the rules.
 */
@Named
@ViewScoped
public class AgentsView implements Serializable {

    static final String INVITE_FORM = "invite";
    static final String ROLES_FORM = "roles";

    @Inject
    StaffAccounts accounts;

    @Inject
    UserView user;

    private List<StaffAccount> agents;
    private List<StaffAccounts.Entry> history;

    private String email;
    private String firstName;
    private String lastName;
    private List<String> inviteRoles = new ArrayList<>(List.of(StaffRoles.AGENT));

    /** The agent whose roles are being changed (posted back by the roles form), and its roles. */
    private String editedId;
    private String editedName;
    private List<String> editedRoles = new ArrayList<>();
    /** The roles the form was opened with (or last read): a save is refused when another administrator changed them. */
    private List<String> openedRoles = new ArrayList<>();

    /** The agent to disable once confirmed (posted back by the confirmation form). */
    private String disableId;
    private String disableName;

    public List<StaffAccount> getAgents() {
        if (agents == null) {
            try {
                agents = accounts.list(user.require());
            } catch (Refused | SecurityException e) {
                FormErrors.error(Texts.of(e));
                agents = List.of();
            }
        }
        return agents;
    }

    public List<StaffAccounts.Entry> getHistory() {
        if (history == null) {
            try {
                history = accounts.history(user.require(), 50);
            } catch (Refused | SecurityException e) {
                history = List.of();
            }
        }
        return history;
    }

    /** The four roles the page offers ({@code agent} always granted: its box cannot be unticked). */
    public List<String> getRoles() {
        return StaffAccountRules.ROLES;
    }

    public void invite() {
        try {
            List<FieldError> errors = accounts.invite(user.require(), email, firstName, lastName, inviteRoles);
            if (!errors.isEmpty()) {
                FormErrors.show(INVITE_FORM, errors);
                return;
            }
            FormErrors.info(Texts.of("agents.invite.sent", email.strip()));
            email = null;
            firstName = null;
            lastName = null;
            inviteRoles = new ArrayList<>(List.of(StaffRoles.AGENT));
            refresh();
        } catch (Refused e) {
            FormErrors.show(INVITE_FORM, List.of(new FieldError(e.field() == null ? "" : e.field(), Texts.of(e))));
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    /** Opens the roles form of an agent of the list. */
    public void edit(StaffAccount agent) {
        editedId = agent.id();
        editedName = agent.getName();
        editedRoles = new ArrayList<>(agent.roles());
        openedRoles = new ArrayList<>(agent.roles());
        disableId = null;
    }

    public void cancelEdit() {
        editedId = null;
    }

    public void saveRoles() {
        try {
            accounts.changeRoles(user.require(), editedId, editedRoles, openedRoles);
            FormErrors.info(Texts.of("agents.roles.saved", editedName));
            editedId = null;
            refresh();
        } catch (Refused e) {
            if ("roles".equals(e.field())) {
                if ("staff.roles.changedMeanwhile".equals(e.text().key())) {
                    // the ticks kept; saved again, they are what the administrator means over what the other did
                    refresh();
                    getAgents().stream().filter(a -> a.id().equals(editedId)).findFirst()
                            .ifPresent(a -> openedRoles = new ArrayList<>(a.roles()));
                }
                FormErrors.show(ROLES_FORM, List.of(new FieldError("roles", Texts.of(e))));
            } else if ("staff.unavailable".equals(e.text().key())) {
                // Keycloak briefly away: nothing changed, the form and its ticks stay for « Réessayez »
                FormErrors.show(ROLES_FORM, List.of(new FieldError("", Texts.of(e))));
            } else {
                FormErrors.error(Texts.of(e));
                editedId = null;
                refresh();
            }
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    /** Asks to confirm disabling an agent of the list. */
    public void askDisable(StaffAccount agent) {
        disableId = agent.id();
        disableName = agent.getName();
        editedId = null;
    }

    public void cancelDisable() {
        disableId = null;
    }

    public void disable() {
        setEnabled(disableId, false, Texts.of("agents.disable.done", disableName));
        disableId = null;
    }

    public void enable(StaffAccount agent) {
        setEnabled(agent.id(), true, Texts.of("agents.enable.done", agent.getName()));
    }

    private void setEnabled(String id, boolean enabled, String done) {
        try {
            accounts.setEnabled(user.require(), id, enabled);
            FormErrors.info(done);
        } catch (Refused | SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
        refresh();
    }

    private void refresh() {
        agents = null;
        history = null;
    }

    /** Whether the row is the signed-in administrator (no disable button on oneself). */
    public boolean isSelf(StaffAccount agent) {
        return agent.id().equals(user.require().subject());
    }

    public boolean isEditing() { return editedId != null; }
    public boolean isConfirmingDisable() { return disableId != null; }

    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String v) { firstName = v; }
    public String getLastName() { return lastName; }
    public void setLastName(String v) { lastName = v; }
    public List<String> getInviteRoles() { return inviteRoles; }
    public void setInviteRoles(List<String> v) { inviteRoles = withAgent(v); }
    public String getEditedId() { return editedId; }
    public void setEditedId(String v) { editedId = v; }
    public String getEditedName() { return editedName; }
    public List<String> getEditedRoles() { return editedRoles; }
    public void setEditedRoles(List<String> v) { editedRoles = withAgent(v); }
    public String getDisableId() { return disableId; }
    public void setDisableId(String v) { disableId = v; }
    public String getDisableName() { return disableName; }

    /** The disabled {@code agent} box is not posted: it stays ticked. */
    private static List<String> withAgent(List<String> roles) {
        List<String> all = new ArrayList<>(roles == null ? List.of() : roles);
        if (!all.contains(StaffRoles.AGENT)) {
            all.add(0, StaffRoles.AGENT);
        }
        return all;
    }

    /** An entry's action in the page's language (an action this version does not know: its code). */
    public String action(StaffAccounts.Entry e) {
        return Texts.word("agents.history.action.", e.action());
    }
}
