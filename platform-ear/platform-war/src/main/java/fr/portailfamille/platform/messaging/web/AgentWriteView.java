package fr.portailfamille.platform.messaging.web;

import fr.portailfamille.messaging.BroadcastTarget;
import fr.portailfamille.messaging.BroadcastTarget.Kind;
import fr.portailfamille.messaging.InboxService;
import fr.portailfamille.messaging.MessagingRules;
import fr.portailfamille.platform.kernel.FormTokens;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.messaging.Inbox;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.web.ViewParams;
import fr.portailfamille.problems.Message;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Page agent/ecrire ("Écrire aux familles"): an agent writes to one family (its number, or {@code ?famille=} from
 * its page) or to every family of an activity, a school, a class or the commune; "Vérifier" says how many families
 * the message reaches, "Envoyer" writes one thread per family and mails each a link; the last broadcasts are listed.
 */
@Named
@ViewScoped
public class AgentWriteView implements Serializable {

    static final String FORM = "write";

    @Inject
    Inbox inbox;

    @Inject
    UserView user;

    private String service;
    private String kind = Kind.ACTIVITY.name();
    private String family;
    private String activity;
    private String school;
    private String level;
    private String subject;
    private String body;
    private transient List<Part> attachments;
    private boolean health;
    private String countText;
    private List<Inbox.BroadcastRow> broadcasts;
    private String familyName;
    private String familyNameOf;
    private String formToken = FormTokens.next();

    BroadcastTarget target() {
        Kind k = kind == null || kind.isBlank() ? null : Kind.valueOf(kind);
        if (k == null) {
            return null;
        }
        return new BroadcastTarget(k, switch (k) {
            case FAMILY -> family;
            case ACTIVITY -> activity;
            case SCHOOL -> school;
            case CLASS -> school == null || level == null ? null : school + "/" + level;
            case COMMUNE -> null;
        });
    }

    /** Says how many families the message will reach (the files chosen are named beside their field, to choose again). */
    public void check() {
        fr.portailfamille.platform.web.UploadInput.notTaken();
        try {
            long n = inbox.countTargets(user.require(), target());
            Message refusal = MessagingRules.countProblem(n);
            if (refusal != null) {
                throw new Refused("target", refusal);
            }
            countText = n == 1 ? Texts.of("inbox.broadcast.count.one")
                    : Texts.of("inbox.broadcast.count.many", String.valueOf(n));
        } catch (Refused e) {
            countText = null;
            FormErrors.show(FORM, e.errors());
        }
    }

    public void send() {
        try {
            int n = inbox.broadcast(user.require(), service, target(), subject, body, Parts.uploads(attachments), health,
                    formToken);
            formToken = FormTokens.next();
            FormErrors.info(n == 1 ? Texts.of("inbox.broadcast.sent.one")
                    : Texts.of("inbox.broadcast.sent.many", String.valueOf(n)));
            subject = null;
            body = null;
            health = false;
            countText = null;
            broadcasts = null;
        } catch (Refused e) {
            if (FormTokens.alreadySent(e)) {
                // sent by the first tap: the form emptied and "Derniers envois" read again as after it
                formToken = FormTokens.next();
                FormErrors.info(Texts.of(e));
                subject = null;
                body = null;
                countText = null;
                broadcasts = null;
                return;
            }
            FormErrors.show(FORM, e.errors());
        }
    }

    /** The form's one-time token ({@link FormTokens}): a message sent twice (double click, page reloaded) goes once. */
    public String getFormToken() { return formToken; }
    public void setFormToken(String v) { formToken = v; }

    public List<SelectItem> getServices() {
        List<SelectItem> items = new ArrayList<>();
        Set<String> mine = inbox.servicesOf(user.require());
        for (InboxService s : inbox.services()) {
            if (mine.contains(s.code())) {
                items.add(new SelectItem(s.code(), s.label()));
            }
        }
        return items;
    }

    public List<SelectItem> getKinds() {
        List<SelectItem> items = new ArrayList<>();
        for (Kind k : Kind.values()) {
            items.add(new SelectItem(k.name(), Texts.of("inbox.broadcast.kind." + k.name())));
        }
        return items;
    }

    public List<SelectItem> getActivities() {
        return choices(Kind.ACTIVITY);
    }

    public List<SelectItem> getSchools() {
        return choices(Kind.SCHOOL);
    }

    public List<String> getLevels() {
        return List.of("TPS", "PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2");
    }

    private List<SelectItem> choices(Kind k) {
        return inbox.targetChoices(user.require(), k).stream().map(c -> new SelectItem(c.code(), c.label())).toList();
    }

    public List<Inbox.BroadcastRow> getBroadcasts() {
        if (broadcasts == null) {
            broadcasts = inbox.broadcasts(user.require(), 10);
        }
        return broadcasts;
    }

    public String getService() { return service; }
    public void setService(String v) { service = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; countText = null; }
    public String getFamily() { return family; }
    public void setFamily(String v) { family = v; }
    /** {@code ?famille=} opens the page on one family. */
    public String getFamille() { return family; }
    public void setFamille(String v) {
        if (ViewParams.opening() && v != null && !v.isBlank()) {
            family = v;
            kind = Kind.FAMILY.name();
        }
    }
    /**
     * The name of the family the page writes to when the target is one family (opened from its page, or a number
     * typed and checked), "" when no family has this number, null when the target is not one family.
     */
    public String getFamilyName() {
        if (!Kind.FAMILY.name().equals(kind) || family == null || family.isBlank()) {
            return null;
        }
        if (familyName == null || !family.equals(familyNameOf)) {
            familyName = inbox.familyLabel(user.require(), family).orElse("");
            familyNameOf = family;
        }
        return familyName;
    }

    public String getActivity() { return activity; }
    public void setActivity(String v) { activity = v; }
    public String getSchool() { return school; }
    public void setSchool(String v) { school = v; }
    public String getLevel() { return level; }
    public void setLevel(String v) { level = v; }
    public String getSubject() { return subject; }
    public void setSubject(String v) { subject = v; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public List<Part> getAttachments() { return attachments; }

    /** The files are health data (a scanned PAI whose name does not say so): agent-sante's only to open. */
    public boolean isHealth() { return health; }
    public void setHealth(boolean v) { health = v; }
    public void setAttachments(List<Part> v) { attachments = v; }
    public String getCountText() { return countText; }
}
