package fr.portailfamille.platform.family.documents.web;

import fr.portailfamille.documents.DocumentType;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyForm;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.UploadChecker;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Page espace/documents ("Mes documents"): the family's documents with their state, and sending a new one. */
@Named
@ViewScoped
public class DocumentsView implements Serializable {

    static final String FORM = "send";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    FamilyDocuments documents;

    @Inject
    FamilyFileService files;

    @Inject
    UserView user;

    private String type;
    private Long child;
    private LocalDate issuedOn;
    private transient Part file;
    private List<FamilyDocuments.Row> mine;
    private List<SelectItem> types;
    private List<SelectItem> children;

    public List<FamilyDocuments.Row> getMine() {
        if (mine == null) {
            mine = documents.mine(user.require());
        }
        return mine;
    }

    public List<SelectItem> getTypes() {
        if (types == null) {
            types = new ArrayList<>();
            for (DocumentType t : documents.types()) {
                String key = t.forChild() ? "documents.type.forChild" : "documents.type.forFamily";
                types.add(new SelectItem(t.code(), Texts.of(key, t.label(), validity(t))));
            }
        }
        return types;
    }

    /** How long a document of this type stays valid, in the page's language ("l'année scolaire", "3 mois"…). */
    static String validity(DocumentType t) {
        return switch (t.validity()) {
            case SCHOOL_YEAR -> Texts.of("documents.validity.schoolYear");
            case MONTHS -> Texts.of("documents.validity.months", String.valueOf(t.months()));
            case UNTIL -> Texts.of("documents.validity.until", DAY.format(t.until()));
            case PERMANENT -> Texts.of("documents.validity.permanent");
        };
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

    /** Sends the document: checked on content, stored, waiting for an agent's review. */
    public void send() throws IOException {
        byte[] bytes = null;
        String name = null;
        if (file != null && file.getSize() > 0) {
            try (InputStream in = file.getInputStream()) {
                bytes = in.readNBytes(UploadChecker.MAX_BYTES + 1);
            }
            name = file.getSubmittedFileName();
        }
        try {
            documents.upload(user.require(), type, child, issuedOn, name, bytes);
            FormErrors.info(Texts.of("documents.sent"));
            type = null;
            child = null;
            issuedOn = null;
            mine = null;
        } catch (fr.portailfamille.platform.family.documents.UploadRefused e) {
            // every field refused, each beside its own
            FormErrors.show(FORM, e.all().stream().map(r -> new FieldError(r.field() == null ? "" : r.field(), Texts.of(r)))
                    .toList());
        } catch (Refused e) {
            FormErrors.show(FORM, List.of(new FieldError(e.field() == null ? "" : e.field(), Texts.of(e))));
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    /** "Retirer": a document still waiting for review, sent by mistake, gone. */
    public void withdraw(long id) {
        try {
            documents.withdraw(user.require(), id);
            FormErrors.info(Texts.of("documents.withdrawn"));
        } catch (Refused e) {
            FormErrors.error(Texts.of(e));
        }
        mine = null;
    }

    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public Long getChild() { return child; }
    public void setChild(Long v) { child = v; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public void setIssuedOn(LocalDate v) { issuedOn = v; }
    public Part getFile() { return file; }
    public void setFile(Part v) { file = v; }
}
