package fr.portailfamille.platform.family.web;

import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.family.FormChanges;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Change-request values in words: "Enfant 1 – Allergies : arachide", "Code postal : 87100". */
public final class ChangeDescriptions {

    private static final Pattern CHILD = Pattern.compile("^/children/(\\d+)(?:/(.*))?$");
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("situation", "Situation familiale"), Map.entry("addressLine", "Adresse"),
            Map.entry("postcode", "Code postal"), Map.entry("city", "Commune"),
            Map.entry("homePhone", "Téléphone du domicile"), Map.entry("mobilePhone", "Téléphone portable"),
            Map.entry("workPhone", "Téléphone professionnel"), Map.entry("cafNumber", "Numéro CAF"),
            Map.entry("quotientFamilial", "Quotient familial"), Map.entry("iban", "IBAN"),
            Map.entry("accountHolder", "Titulaire du compte"), Map.entry("withResponsable2", "Second responsable"),
            Map.entry("civility", "Civilité"), Map.entry("lastName", "Nom"), Map.entry("firstName", "Prénom"),
            Map.entry("birthDate", "Date de naissance"), Map.entry("email", "Courriel"),
            Map.entry("profession", "Profession"), Map.entry("employer", "Employeur"),
            Map.entry("consentEmail", "Accord courriel"), Map.entry("consentSms", "Accord SMS"),
            Map.entry("sex", "Sexe"), Map.entry("birthPlace", "Lieu de naissance"), Map.entry("school", "École"),
            Map.entry("schoolClass", "Classe"), Map.entry("photoConsent", "Photos autorisées"),
            Map.entry("mayLeaveAlone", "Part seul"), Map.entry("allergies", "Allergies"), Map.entry("pai", "PAI"),
            Map.entry("diet", "Régime"), Map.entry("doctorName", "Médecin"), Map.entry("doctorPhone", "Téléphone du médecin"),
            Map.entry("glasses", "Lunettes"), Map.entry("medicalNotes", "Observations médicales"),
            Map.entry("contacts", "Personnes autorisées"), Map.entry("qfSource", "Justificatif du quotient"),
            Map.entry("qfProofDate", "Date du justificatif"), Map.entry("monthlyResourcesCents", "Ressources mensuelles"));

    private ChangeDescriptions() {
    }

    /** One line per value of a stored change (JSON object: pointer → value). */
    public static String describe(String json) {
        return String.join("\n", lines(json)).trim();
    }

    /** The values of a stored change in words, one per value ("Téléphone portable : 06 12 34 56 78"); none for no text. */
    public static List<String> lines(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        FormChanges.fromJsonText(json).forEach((pointer, value) -> lines.add(label(pointer, value) + " : "
                + (pointer.endsWith("/monthlyResourcesCents") ? euros(value) : text(value))));
        return lines;
    }

    /** Cents as euros in French ("1 850,50 €"). */
    private static String euros(JsonValue v) {
        return v instanceof JsonNumber n ? Money.format(n.longValue()) : text(v);
    }

    static String label(String pointer, JsonValue value) {
        Matcher m = CHILD.matcher(pointer);
        if (m.matches()) {
            String child = "Enfant " + (Integer.parseInt(m.group(1)) + 1);
            return m.group(2) == null ? child : child + " – " + field(m.group(2));
        }
        String prefix = pointer.startsWith("/responsable2/") ? "Conjoint – " : "";
        return prefix + field(pointer.substring(pointer.lastIndexOf('/') + 1));
    }

    private static String field(String name) {
        String last = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
        return LABELS.getOrDefault(last, last);
    }

    static String text(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return "—";
        }
        return switch (v.getValueType()) {
            case TRUE -> "oui";
            case FALSE -> "non";
            case STRING -> ((JsonString) v).getString();
            case ARRAY -> {
                StringBuilder sb = new StringBuilder();
                for (JsonValue item : (JsonArray) v) {
                    sb.append(sb.isEmpty() ? "" : " ; ").append(text(item));
                }
                yield sb.isEmpty() ? "aucune" : sb.toString();
            }
            case OBJECT -> {
                JsonObject o = (JsonObject) v;
                if (o.containsKey("relation")) {
                    yield str(o, "name") + " (" + str(o, "relation") + ", " + str(o, "phone") + ")";
                }
                yield (str(o, "firstName") + " " + str(o, "lastName")).trim() + ", né(e) le " + str(o, "birthDate")
                        + ", " + str(o, "school");
            }
            default -> v.toString();
        };
    }

    private static String str(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? s.getString() : "";
    }
}
