package fr.portailfamille.platform.messaging.web;

import fr.portailfamille.platform.kernel.FormTokens;
import fr.portailfamille.messaging.InboxService;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyForm;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.messaging.Inbox;
import fr.portailfamille.platform.messaging.Inbox.Folder;
import fr.portailfamille.platform.messaging.Inbox.ThreadRow;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.web.ViewParams;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Page espace/messages ("Boîte de réception"): the family's folders (tous, messages reçus, envoyés, supprimés) with
 * the unread ones marked, and writing a new message to a service with files.
 */
@Named
@ViewScoped
public class BoiteView implements Serializable {

    static final String FORM = "write";

    @Inject
    Inbox inbox;

    @Inject
    FamilyFileService files;

    @Inject
    UserView user;

    private String dossier = "tous";
    private String service;
    private Long child;
    private String subject;
    private String body;
    private transient List<Part> attachments;
    private List<ThreadRow> threads;
    private List<SelectItem> services;
    private List<SelectItem> children;

    public Folder getFolder() {
        return switch (dossier == null ? "" : dossier) {
            case "envoyes" -> Folder.SENT;
            case "supprimes" -> Folder.DELETED;
            case "recus" -> Folder.RECEIVED;
            default -> Folder.ALL;
        };
    }

    public List<ThreadRow> getThreads() {
        if (threads == null) {
            threads = inbox.familyThreads(user.require(), getFolder());
        }
        return threads;
    }

    public List<SelectItem> getServices() {
        if (services == null) {
            services = new ArrayList<>();
            for (InboxService s : inbox.services()) {
                services.add(new SelectItem(s.code(), s.label()));
            }
        }
        return services;
    }

    public List<SelectItem> getChildren() {
        if (children == null) {
            children = new ArrayList<>();
            for (FamilyForm.ChildForm c : files.formOf(user.require()).getChildren()) {
                if (c.getId() != null) {
                    children.add(new SelectItem(c.getId(), c.getFirstName()));
                }
            }
        }
        return children;
    }

    /** « Ces pièces jointes contiennent des données de santé »: agent-sante's only to open. */
    private boolean health;

    public boolean isHealth() { return health; }
    public void setHealth(boolean v) { health = v; }

    /** Sends the new message; it opens in the "Messages envoyés" folder. */
    public String send() {
        try {
            long id = inbox.write(user.require(), service, child, subject, body, Parts.uploads(attachments), health, formToken);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().put("info", Texts.of("inbox.written"));
            return "/espace/message.xhtml?faces-redirect=true&id=" + id;
        } catch (Refused e) {
            if (FormTokens.alreadySent(e)) {
                // written by the first tap: it is in "Messages envoyés", the form emptied so that it is not sent again
                formToken = FormTokens.next();
                subject = null;
                body = null;
                threads = null; // read again: the list shows the message the first tap wrote
                FormErrors.info(Texts.of(e));
                return null;
            }
            FormErrors.show(FORM, e.errors());
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
        return null;
    }

    /** The form's one-time token ({@link FormTokens}): a message sent twice (a double tap) goes once. */
    private String formToken = FormTokens.next();

    public String getFormToken() { return formToken; }
    public void setFormToken(String v) { formToken = v; }

    public String getDossier() { return dossier; }
    public void setDossier(String v) { if (ViewParams.opening()) dossier = v; }
    public String getService() { return service; }
    public void setService(String v) { service = v; }
    public Long getChild() { return child; }
    public void setChild(Long v) { child = v; }
    public String getSubject() { return subject; }
    public void setSubject(String v) { subject = v; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public List<Part> getAttachments() { return attachments; }
    public void setAttachments(List<Part> v) { attachments = v; }
}
