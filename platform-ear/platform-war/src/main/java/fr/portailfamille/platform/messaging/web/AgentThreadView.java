package fr.portailfamille.platform.messaging.web;

import fr.portailfamille.platform.kernel.FormTokens;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.messaging.Inbox;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.web.ViewParams;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.List;

/**
 * Page agent/message?id= : a thread of the agent's services (marked read for the service), answering it with
 * files, assigning it (to me, to another agent by e-mail, to nobody), closing and reopening it.
 */
@Named
@ViewScoped
public class AgentThreadView implements Serializable {

    static final String FORM = "reply";
    static final String ASSIGN_FORM = "assign";

    @Inject
    Inbox inbox;

    @Inject
    UserView user;

    private Long id;
    private Inbox.ThreadView thread;
    private String body;
    /** Whether the reply's files are health data (agent-sante's only). */
    private boolean health;
    private String assignee;
    private transient List<Part> attachments;

    public void load() {
        try {
            thread = id == null ? null : inbox.agentThread(user.require(), id).orElse(null);
        } catch (SecurityException e) {
            thread = null;
            FormErrors.error(Texts.of(e));
        }
    }

    /**
     * "Envoyer": the reply sent, then the thread opened again by a redirect (its notice kept), so that reloading the
     * page does not send the reply a second time.
     */
    public String reply() {
        boolean[] sent = {false};
        act(FORM, () -> {
            inbox.agentReply(user.require(), id, body, Parts.uploads(attachments), health, formToken);
            body = null;
            health = false;
            sent[0] = true;
        }, "inbox.agent.replied");
        if (!sent[0]) {
            return null;
        }
        jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/agent/message.xhtml?faces-redirect=true&id=" + id;
    }

    /** The form's one-time token ({@link FormTokens}): a message sent twice (a double tap) goes once. */
    private String formToken = FormTokens.next();

    public String getFormToken() { return formToken; }
    public void setFormToken(String v) { formToken = v; }


    public void assignToMe() {
        act(ASSIGN_FORM, () -> inbox.assign(user.require(), id, user.require().email()), "inbox.agent.assignedToMe");
    }

    public void assignToOther() {
        act(ASSIGN_FORM, () -> {
            if (assignee == null || assignee.isBlank()) {
                throw new Refused("assignee", Texts.of("inbox.agent.assignee.required"));
            }
            inbox.assign(user.require(), id, assignee);
            assignee = null;
        }, "inbox.agent.assignedToOther");
    }

    public void unassign() {
        act(ASSIGN_FORM, () -> inbox.assign(user.require(), id, null), "inbox.agent.unassigned");
    }

    public void close() {
        act(ASSIGN_FORM, () -> inbox.close(user.require(), id), "inbox.agent.closed");
    }

    public void reopen() {
        act(ASSIGN_FORM, () -> inbox.reopen(user.require(), id), "inbox.agent.reopened");
    }

    private interface Action {
        void run();
    }

    /** Runs an action on the thread; {@code done}: the bundle key of the confirmation shown. */
    private void act(String form, Action action, String done) {
        if (thread == null || id == null) {
            FormErrors.error(Texts.of("inbox.agent.missing"));
            return;
        }
        try {
            action.run();
            FormErrors.info(Texts.of(done));
            load();
        } catch (Refused e) {
            if (FormTokens.alreadySent(e)) {
                // done by the first tap: the thread read again as after it, the reply's box emptied
                formToken = FormTokens.next();
                body = null;
                FormErrors.info(Texts.of(e));
                load();
                return;
            }
            FormErrors.show(form, e.errors());
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    /** Whether the agent opens the files that are health data (agent-sante; the service refuses them to the others). */
    public boolean isHealthReader() { return fr.portailfamille.platform.security.StaffRoles.mayReadHealth(user.require()); }

    public Long getId() { return id; }
    public void setId(Long v) { if (ViewParams.opening()) id = v; }
    public Inbox.ThreadView getThread() { return thread; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public String getAssignee() { return assignee; }
    public void setAssignee(String v) { assignee = v; }
    public List<Part> getAttachments() { return attachments; }
    public void setAttachments(List<Part> v) { attachments = v; }

    public boolean isHealth() { return health; }
    public void setHealth(boolean v) { health = v; }
}
