package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.platform.configuration.web.form.DocumentTypeRow;
import fr.portailfamille.platform.web.NextFocus;
import fr.portailfamille.platform.web.Texts;
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

    @Override
    public void load() {
        var current = opened().documentTypes();
        types = new ArrayList<>(current == null ? List.of() : current.stream().map(DocumentTypeRow::of).toList());
    }

    public void add() {
        types.add(new DocumentTypeRow());
        NextFocus.on("types:documentTypes:" + (types.size() - 1) + ":code");
    }

    public void remove(int index) {
        types.remove(index);
        NextFocus.on("types:add");
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
