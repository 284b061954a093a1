package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.family.FormChanges;
import fr.portailfamille.platform.web.Texts;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Change-request values in words: "Enfant 1 – Allergies : arachide", "Code postal : 87100", from the page's bundle
 * ({@code demandes.change.*}, {@link Words}: {@code Texts::of} on a page).
 */
public final class ChangeDescriptions {

    private static final Pattern CHILD = Pattern.compile("^/children/(\\d+)(?:/(.*))?$");
    /** The fields a change may name, each with its label {@code demandes.change.field.<name>} in the bundle. */
    private static final Set<String> FIELDS = Set.of("situation", "addressLine", "postcode", "city", "homePhone",
            "mobilePhone", "workPhone", "cafNumber", "quotientFamilial", "iban", "accountHolder", "withResponsable2",
            "civility", "lastName", "firstName", "birthDate", "email", "profession", "employer", "consentEmail",
            "consentSms", "sex", "birthPlace", "school", "schoolClass", "photoConsent", "mayLeaveAlone", "allergies",
            "pai", "diet", "doctorName", "doctorPhone", "glasses", "medicalNotes", "contacts", "qfSource",
            "qfProofDate", "monthlyResourcesCents");

    /** Where the words come from: a bundle key and its arguments, the text ({@code Texts::of} on a page). */
    @FunctionalInterface
    public interface Words {
        String of(String key, Object... args);

        /** An amount of euros in the same language: the page's ({@link Texts#amount(long)}). */
        default String amount(long cents) {
            return Texts.amount(cents);
        }
    }

    private ChangeDescriptions() {
    }

    /** One line per value of a stored change (JSON object: pointer → value). */
    public static String describe(String json, Words words) {
        return describe(json, words, List.of());
    }

    /**
     * {@link #describe(String, Words)} naming the family's children ({@code children}: their first names in the file's
     * order, which a change's positions follow): « Enfant 2 (Léa) – PAI : oui », the agent then checks the right child.
     */
    public static String describe(String json, Words words, List<String> children) {
        return String.join("\n", lines(json, words, children)).trim();
    }

    /** The values of a stored change in words, one per value ("Téléphone portable : 06 12 34 56 78"); none for no text. */
    public static List<String> lines(String json, Words words) {
        return lines(json, words, List.of());
    }

    private static List<String> lines(String json, Words words, List<String> children) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        FormChanges.fromJsonText(json).forEach((pointer, value) -> lines.add(words.of("demandes.change.line",
                label(pointer, words, children),
                pointer.endsWith("/monthlyResourcesCents") ? euros(value, words) : coded(pointer, value, words))));
        return lines;
    }

    /** The fields whose values are codes ("DIVORCES", "AVIS_IMPOSITION"), each read in words as {@code family.<field>.<code>}. */
    private static final Set<String> CODED = Set.of("situation", "qfSource", "civility", "sex");

    /** A code in words ("Divorcé(e)s", "Divorced"); the code itself when the bundle has no word for it; other values as text. */
    private static String coded(String pointer, JsonValue value, Words words) {
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (CODED.contains(field) && value instanceof JsonString code && !code.getString().isBlank()) {
            try {
                return words.of("family." + field + "." + code.getString().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (java.util.MissingResourceException unknown) {
                return code.getString();
            }
        }
        return text(value, words);
    }

    /** Cents as euros in the words' language ("1 850,50 €", "€1,850.50"). */
    private static String euros(JsonValue v, Words words) {
        return v instanceof JsonNumber n ? words.amount(n.longValue()) : text(v, words);
    }

    static String label(String pointer, Words words, List<String> children) {
        Matcher m = CHILD.matcher(pointer);
        if (m.matches()) {
            int position = Integer.parseInt(m.group(1));
            String name = position < children.size() ? children.get(position) : null;
            String number = name == null || name.isBlank() ? String.valueOf(position + 1)
                    : words.of("demandes.change.childNamed", String.valueOf(position + 1), name.strip());
            return m.group(2) == null ? words.of("demandes.change.child", number)
                    : words.of("demandes.change.childField", number, field(m.group(2), words));
        }
        String field = field(pointer.substring(pointer.lastIndexOf('/') + 1), words);
        return pointer.startsWith("/responsable2/") ? words.of("demandes.change.partnerField", field) : field;
    }

    private static String field(String name, Words words) {
        String last = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
        return FIELDS.contains(last) ? words.of("demandes.change.field." + last) : last;
    }

    static String text(JsonValue v, Words words) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return "—";
        }
        return switch (v.getValueType()) {
            case TRUE -> words.of("demandes.change.yes");
            case FALSE -> words.of("demandes.change.no");
            case STRING -> ((JsonString) v).getString();
            case ARRAY -> {
                StringBuilder sb = new StringBuilder();
                for (JsonValue item : (JsonArray) v) {
                    sb.append(sb.isEmpty() ? "" : " ; ").append(text(item, words));
                }
                yield sb.isEmpty() ? words.of("demandes.change.none") : sb.toString();
            }
            case OBJECT -> {
                JsonObject o = (JsonObject) v;
                if (o.containsKey("relation")) {
                    yield str(o, "name") + " (" + str(o, "relation") + ", " + str(o, "phone") + ")";
                }
                yield words.of("demandes.change.newChild", (str(o, "firstName") + " " + str(o, "lastName")).trim(),
                        str(o, "birthDate"), str(o, "school"));
            }
            default -> v.toString();
        };
    }

    private static String str(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? s.getString() : "";
    }
}
