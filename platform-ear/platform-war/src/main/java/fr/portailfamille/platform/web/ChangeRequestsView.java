package fr.portailfamille.platform.web;

import fr.portailfamille.platform.family.ChangeFields;
import fr.portailfamille.platform.family.ChangeRequest;
import fr.portailfamille.platform.family.FamilyFileService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "Liste des demandes": the family's change requests of the last month, filterable by type. */
@Named
@RequestScoped
public class ChangeRequestsView {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    FamilyFileService files;

    @Inject
    UserView user;

    private String type;
    private List<ChangeRequest> requests;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public List<ChangeRequest> getRequests() {
        if (requests == null) {
            ChangeRequest.Type filter = type == null || type.isBlank() ? null : parse(type);
            requests = files.myRequests(user.require(), filter);
        }
        return requests;
    }

    public Map<String, String> getTypes() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ChangeRequest.Type t : ChangeRequest.Type.values()) {
            m.put(capitalize(ChangeFields.label(t)), t.name());
        }
        return m;
    }

    public String label(ChangeRequest.Type t) {
        return capitalize(ChangeFields.label(t));
    }

    public static String statusLabel(ChangeRequest.Status s) {
        return switch (s) {
            case PENDING -> "En attente";
            case ACCEPTED -> "Acceptée";
            case REFUSED -> "Refusée";
        };
    }

    public String status(ChangeRequest r) {
        return statusLabel(r.getStatus());
    }

    /** "field: value" lines of a stored JSON object, with French field names. */
    @SuppressWarnings("unchecked")
    public static String describe(String json) {
        Map<String, Object> m = JSON.fromJson(json, LinkedHashMap.class);
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(fieldLabel(k)).append(" : ").append(v == null ? "—" : v).append('\n'));
        return sb.toString().trim();
    }

    public String values(String json) {
        return describe(json);
    }

    static String fieldLabel(String field) {
        return switch (field) {
            case "addressLine" -> "Adresse";
            case "postcode" -> "Code postal";
            case "city" -> "Commune";
            case "homePhone" -> "Téléphone du domicile";
            case "responsable1.mobilePhone" -> "Téléphone portable";
            case "responsable1.workPhone" -> "Téléphone professionnel";
            case "cafNumber" -> "Numéro CAF";
            case "quotientFamilial" -> "Quotient familial";
            case "iban" -> "IBAN";
            case "accountHolder" -> "Titulaire du compte";
            default -> field;
        };
    }

    private static ChangeRequest.Type parse(String t) {
        try {
            return ChangeRequest.Type.valueOf(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
