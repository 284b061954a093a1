package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.platform.configuration.web.form.DocumentTypeRow;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    private static final Map<String, String> VALIDITIES = new LinkedHashMap<>();

    static {
        VALIDITIES.put("L'année scolaire (jusqu'au 31 août)", "SCHOOL_YEAR");
        VALIDITIES.put("Un nombre de mois", "MONTHS");
        VALIDITIES.put("Jusqu'à une date", "UNTIL");
        VALIDITIES.put("Sans limite", "PERMANENT");
    }

    private List<DocumentTypeRow> types;

    @Override
    public void load() {
        var current = configuration.current().documentTypes();
        types = new ArrayList<>(current == null ? List.of() : current.stream().map(DocumentTypeRow::of).toList());
    }

    public void add() {
        types.add(new DocumentTypeRow());
    }

    public void remove(int index) {
        types.remove(index);
    }

    public void save() {
        save("types", "Types de documents enregistrés.",
                c -> c.withDocumentTypes(types.stream().map(DocumentTypeRow::toDocumentType).toList()));
    }

    public List<DocumentTypeRow> getTypes() { return types; }

    public Map<String, String> getValidities() { return VALIDITIES; }
}
