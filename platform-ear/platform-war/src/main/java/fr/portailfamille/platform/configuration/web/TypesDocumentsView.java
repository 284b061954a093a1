package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.platform.configuration.web.form.DocumentTypeRow;
import fr.portailfamille.platform.web.NextFocus;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code agent/configuration/documents.xhtml}: the document types the commune asks families for (Mes documents),
 * for the family or a child, health or not, and how long each stays valid; a type families already sent documents
 * of cannot be removed (the save says so).
 */
@Named
@ViewScoped
public class TypesDocumentsView extends ConfigurationSection {


    private List<DocumentTypeRow> types;
    /**
     * The document types removed on this screen since it was read ("Retirer"): a type that documents are filed under, or
     * a health type, is not removed.
     */
    private final RemovedRows<DocumentTypeRow> removed = new RemovedRows<>();

    @Override
    public void load() {
        var current = opened().documentTypes();
        types = new ArrayList<>(current == null ? List.of() : current.stream().map(DocumentTypeRow::of).toList());

        removed.clear();
    }

    public void add() {
        types.add(new DocumentTypeRow());
        NextFocus.on("types:documentTypes:" + (types.size() - 1) + ":code");
    }

    public void remove(int index) {
        removed.remove(types, index);
        NextFocus.on("types:add");
    }

    /** A removal refused (still in use): the removed rows come back where they were ({@link RemovedRows}). */
    @Override
    protected void refused(List<FieldError> errors) {
        if (errors.stream().anyMatch(e -> "documentTypes".equals(e.field()))) {
            removed.putBack();
        }
    }

    public void save() {
        save("types", Texts.of("agent.config.documentTypes.saved"),
                c -> c.withDocumentTypes(types.stream().map(DocumentTypeRow::toDocumentType).toList()));
    }

    public List<DocumentTypeRow> getTypes() { return types; }

    /** The validities (label → name), labelled in the view's language. */
    public Map<String, String> getValidities() {
        return Texts.choices("agent.config.documentType.validity.", "SCHOOL_YEAR", "MONTHS", "UNTIL", "PERMANENT");
    }

    /** What another agent's save may not be overwritten with: the document types. */
    @Override
    protected Object part(CommuneConfiguration c) {
        return String.valueOf(c.documentTypes());
    }
}
