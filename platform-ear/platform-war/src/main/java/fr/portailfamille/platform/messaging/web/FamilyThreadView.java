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
 * Page espace/message?id= : one of the family's threads (marked read), answering it with files, deleting it to
 * "Messages supprimés" or restoring it. The thread is the one the page was opened on; the service refuses another
 * family's.
 */
@Named
@ViewScoped
public class FamilyThreadView implements Serializable {

    static final String FORM = "reply";

    @Inject
    Inbox inbox;

    @Inject
    UserView user;

    private Long id;
    private Inbox.ThreadView thread;
    private String body;
    private transient List<Part> attachments;

    /** Reads the thread (the page's view action, and after each change). */
    /** « Ces pièces jointes contiennent des données de santé »: agent-sante's only to open. */
    private boolean health;

    public boolean isHealth() { return health; }
    public void setHealth(boolean v) { health = v; }

    public void load() {
        thread = id == null ? null : inbox.familyThread(user.require(), id).orElse(null);
    }

    /**
     * "Envoyer": the reply sent, then the thread opened again by a redirect (its notice kept), so that reloading the
     * page does not send the reply a second time.
     */
    public String reply() {
        if (thread == null) {
            FormErrors.error(Texts.of("inbox.thread.missing"));
            return null;
        }
        try {
            inbox.familyReply(user.require(), id, body, Parts.uploads(attachments), health, formToken);
            FormErrors.info(Texts.of("inbox.reply.sent"));
            body = null;
            jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/espace/message.xhtml?faces-redirect=true&id=" + id;
        } catch (Refused e) {
            if (FormTokens.alreadySent(e)) {
                // sent by the first tap: the thread opened again as after it, showing the reply, the box emptied
                formToken = FormTokens.next();
                body = null;
                FormErrors.info(Texts.of(e));
                jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
                return "/espace/message.xhtml?faces-redirect=true&id=" + id;
            }
            FormErrors.show(FORM, e.errors());
            return null;
        }
    }

    /** The form's one-time token ({@link FormTokens}): a message sent twice (a double tap) goes once. */
    private String formToken = FormTokens.next();

    public String getFormToken() { return formToken; }
    public void setFormToken(String v) { formToken = v; }


    public void delete() {
        move(true);
    }

    public void restore() {
        move(false);
    }

    private void move(boolean delete) {
        try {
            if (delete) {
                inbox.delete(user.require(), id);
                FormErrors.info(Texts.of("inbox.thread.deleted"));
            } else {
                inbox.restore(user.require(), id);
                FormErrors.info(Texts.of("inbox.thread.restored"));
            }
            load();
        } catch (Refused e) {
            FormErrors.error(Texts.of(e));
        }
    }

    public Long getId() { return id; }
    public void setId(Long v) { if (ViewParams.opening()) id = v; }
    public Inbox.ThreadView getThread() { return thread; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public List<Part> getAttachments() { return attachments; }
    public void setAttachments(List<Part> v) { attachments = v; }
}
