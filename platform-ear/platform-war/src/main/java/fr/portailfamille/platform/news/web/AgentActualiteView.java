package fr.portailfamille.platform.news.web;

import fr.portailfamille.news.NewsAudience;
import fr.portailfamille.news.NewsRules;
import fr.portailfamille.news.NewsState;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.news.NewsDates;
import fr.portailfamille.platform.news.NewsDesk;
import fr.portailfamille.platform.news.NewsDesk.Action;
import fr.portailfamille.platform.news.NewsTile;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.web.ViewParams;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Page agent/actualite ({@code ?id=} to edit, none to write a new one): title, text, publication and end, audience
 * (everyone or the families of activities), image with its alternative text; save, publish, take offline, delete;
 * a preview of the tile as families will see it. The service checks the agent and every rule; a refusal shows each
 * message next to its field and keeps what was typed.
 */
@Named
@ViewScoped
public class AgentActualiteView implements Serializable {

    static final String FORM = "news";

    @Inject
    NewsDesk desk;

    @Inject
    UserView user;

    /** The news opened by this view: set once, from the address; a posted {@code id} never changes it. */
    private Long id;
    private NewsDesk.Form form = new NewsDesk.Form();
    private NewsState state = NewsState.BROUILLON;
    private boolean image;
    private boolean removeImage;
    private transient Part file;
    private boolean confirmDelete;
    private List<SelectItem> targets;
    /** A new news's form's one-time token (FormTokens): « Publier » clicked twice creates one news. */
    private String formToken = fr.portailfamille.platform.kernel.FormTokens.next();

    public void load() throws IOException {
        if (!ViewParams.opening()) {
            return;
        }
        if (id != null) {
            NewsDesk.Edited e = desk.get(user.require(), id).orElse(null);
            if (e == null) {
                FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Actualité introuvable");
                FacesContext.getCurrentInstance().responseComplete();
                return;
            }
            show(e);
        }
    }

    private void show(NewsDesk.Edited e) {
        form = e.form();
        state = e.state();
        image = e.image();
        removeImage = false;
    }

    public void save() throws IOException {
        apply(Action.SAVE, "news.agent.saved");
    }

    public void publish() throws IOException {
        apply(Action.PUBLISH, "news.agent.published");
    }

    public void unpublish() throws IOException {
        apply(Action.UNPUBLISH, "news.agent.unpublished");
    }

    /** Shows the preview of the tile with what is typed (nothing saved). */
    public void preview() {
        // the page renders the preview from the form; an image chosen is not kept (named beside its field)
        fr.portailfamille.platform.web.UploadInput.notTaken();
    }

    /** Saves the form with {@code action}, then says so with the text of the key {@code done} and the new state. */
    private void apply(Action action, String done) throws IOException {
        byte[] bytes = null;
        String name = null;
        if (file != null && file.getSize() > 0) {
            try (InputStream in = file.getInputStream()) {
                bytes = in.readNBytes(NewsRules.IMAGE_MAX_BYTES + 1);
            }
            name = file.getSubmittedFileName();
        }
        try {
            List<FieldError> errors = desk.problems(user.require(), id, form, name, bytes, removeImage, action);
            if (!errors.isEmpty()) {
                FormErrors.show(FORM, errors);
                return;
            }
            long saved = desk.save(user.require(), id, form, name, bytes, removeImage, action, formToken);
            boolean created = id == null;
            id = saved;
            show(desk.get(user.require(), saved).orElseThrow());
            String text = Texts.of("news.agent.done", Texts.of(done), NewsLabels.state(state));
            if (created) {
                FacesContext ctx = FacesContext.getCurrentInstance();
                ctx.getExternalContext().getFlash().put("info", text);
                ctx.getExternalContext().redirect(ctx.getExternalContext().getRequestContextPath()
                        + "/agent/actualite.xhtml?id=" + saved);
                return;
            }
            FormErrors.info(text);
        } catch (Refused e) {
            var made = fr.portailfamille.platform.kernel.FormTokens.alreadySent(e) ? desk.createdBy(user.require(), formToken)
                    : java.util.Optional.<Long>empty();
            if (made.isPresent()) {
                // created by the first click: the agent taken to it, said so
                FacesContext ctx = FacesContext.getCurrentInstance();
                ctx.getExternalContext().getFlash().put("info", Texts.of(e));
                ctx.getExternalContext().redirect(ctx.getExternalContext().getRequestContextPath()
                        + "/agent/actualite.xhtml?id=" + made.get());
                return;
            }
            FormErrors.show(FORM, List.of(new FieldError(e.field() == null ? "" : e.field(), Texts.of(e))));
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    public void askDelete() {
        confirmDelete = true;
        fr.portailfamille.platform.web.UploadInput.notTaken();
    }

    public void cancelDelete() {
        confirmDelete = false;
        fr.portailfamille.platform.web.UploadInput.notTaken();
    }

    public String delete() {
        try {
            desk.delete(user.require(), id);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().put("info", Texts.of("news.agent.deleted"));
            return "/agent/actualites.xhtml?faces-redirect=true";
        } catch (Refused | SecurityException e) {
            FormErrors.error(Texts.of(e));
            confirmDelete = false;
            return null;
        }
    }

    /** The tile as families will see it, from what is typed (the image: the one stored, if kept). */
    public NewsTile getPreview() {
        OffsetDateTime at = NewsDates.of(form.getPublishAt());
        return new NewsTile(id == null ? 0 : id, form.getTitle() == null || form.getTitle().isBlank()
                ? Texts.of("news.agent.untitled") : form.getTitle().strip(), form.getBody() == null ? "" : form.getBody(),
                at == null ? OffsetDateTime.now(PlatformTime.ZONE) : at,
                NewsAudience.ACTIVITIES.name().equals(form.getAudience()), image && !removeImage && id != null,
                form.getImageAlt(), null, null);
    }

    public List<SelectItem> getTargets() {
        if (targets == null) {
            targets = new ArrayList<>();
            desk.targets(user.require()).forEach(t -> targets.add(new SelectItem(t.id(), t.name())));
        }
        return targets;
    }

    public List<SelectItem> getAudiences() {
        return NewsLabels.audiences();
    }

    public boolean isExisting() { return id != null; }
    public boolean isPublished() { return state != NewsState.BROUILLON; }
    public String getStateLabel() { return NewsLabels.state(state); }
    public String getStateName() { return state.name(); }
    public boolean isImage() { return image; }
    public boolean isConfirmDelete() { return confirmDelete; }
    public int getTitleMax() { return NewsRules.TITLE_MAX; }
    public int getBodyMax() { return NewsRules.BODY_MAX; }
    public int getAltMax() { return NewsRules.ALT_MAX; }

    public String getFormToken() { return formToken; }
    public void setFormToken(String v) { formToken = v; }

    public Long getId() { return id; }
    public void setId(Long v) {
        if (ViewParams.opening()) {
            id = v;
        }
    }
    public NewsDesk.Form getForm() { return form; }
    public boolean isRemoveImage() { return removeImage; }
    public void setRemoveImage(boolean v) { removeImage = v; }
    public Part getFile() { return file; }
    public void setFile(Part v) { file = v; }
}
