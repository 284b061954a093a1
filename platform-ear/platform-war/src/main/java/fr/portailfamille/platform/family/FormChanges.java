package fr.portailfamille.platform.family;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonPatchBuilder;
import jakarta.json.JsonPointer;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The differences between two versions of a family file, as JSON pointers into {@link FamilyForm}
 * ({@code /postcode}, {@code /responsable2/email}, {@code /children/0/allergies}), grouped by type of
 * change request. New children and changed contact lists are carried whole
 * ({@code /children/2}, {@code /children/0/contacts}). Accepted changes are applied as a JSON patch.
 */
public final class FormChanges {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    private static final Pattern CHILD = Pattern.compile("^/children/(\\d+)(/.*)?$");

    private FormChanges() {
    }

    /** Changed values, pointer → new value, per type of request. */
    public static Map<ChangeRequest.Type, Map<String, JsonValue>> diff(FamilyForm current, FamilyForm proposed) {
        Map<String, JsonValue> before = flatten(toJson(current));
        Map<String, JsonValue> after = flatten(toJson(proposed));
        Map<ChangeRequest.Type, Map<String, JsonValue>> changes = new EnumMap<>(ChangeRequest.Type.class);
        for (Map.Entry<String, JsonValue> e : after.entrySet()) {
            if (!e.getValue().equals(before.getOrDefault(e.getKey(), JsonValue.NULL))) {
                ChangeRequest.Type type = typeOf(e.getKey());
                if (type != null) {
                    changes.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(e.getKey(), e.getValue());
                }
            }
        }
        return changes;
    }

    /** The signed-in parent's own consent (responsable 1): its choice, applied at once, never a change request. */
    public static final java.util.Set<String> OWN_CONSENT = java.util.Set.of("/responsable1/consentEmail",
            "/responsable1/consentSms");

    /** The changes a family's edit of its validated file turns into requests: all but its own consent. */
    public static Map<ChangeRequest.Type, Map<String, JsonValue>> requested(FamilyForm current, FamilyForm proposed) {
        Map<ChangeRequest.Type, Map<String, JsonValue>> changes = diff(current, proposed);
        changes.values().forEach(values -> values.keySet().removeAll(OWN_CONSENT));
        changes.values().removeIf(Map::isEmpty);
        return changes;
    }

    /** The current values at the given pointers (what an agent sees on the left). */
    public static Map<String, JsonValue> valuesAt(FamilyForm form, Iterable<String> pointers) {
        JsonObject json = toJson(form);
        Map<String, JsonValue> values = new LinkedHashMap<>();
        for (String p : pointers) {
            JsonPointer pointer = Json.createPointer(p);
            values.put(p, pointer.containsValue(json) ? pointer.getValue(json) : JsonValue.NULL);
        }
        return values;
    }

    /** The form with the accepted values written in. */
    public static FamilyForm apply(FamilyForm form, Map<String, JsonValue> values) {
        JsonStructure json = toJson(form);
        JsonPatchBuilder patch = Json.createPatchBuilder();
        for (Map.Entry<String, JsonValue> e : values.entrySet()) {
            Matcher m = CHILD.matcher(e.getKey());
            boolean newChild = m.matches() && m.group(2) == null
                    && Integer.parseInt(m.group(1)) >= ((JsonObject) json).getJsonArray("children").size();
            patch.add(newChild ? "/children/-" : e.getKey(), e.getValue());
        }
        return fromJson(patch.build().apply(json).toString());
    }

    /** Whether the pointer is a whole child ({@code /children/2}): a new child is asked so. */
    public static boolean isWholeChild(String pointer) {
        Matcher m = CHILD.matcher(pointer);
        return m.matches() && m.group(2) == null;
    }

    /** Which request a pointer belongs to; null for what a family never changes (ids). */
    public static ChangeRequest.Type typeOf(String pointer) {
        Matcher m = CHILD.matcher(pointer);
        if (m.matches()) {
            String rest = m.group(2);
            if (rest == null) {
                return ChangeRequest.Type.ENFANT;
            }
            if (rest.startsWith("/contacts")) {
                return ChangeRequest.Type.CONTACTS;
            }
            return switch (rest) {
                case "/allergies", "/pai", "/diet", "/doctorName", "/doctorPhone", "/glasses", "/medicalNotes" ->
                        ChangeRequest.Type.SANTE;
                case "/photoConsent", "/mayLeaveAlone" -> ChangeRequest.Type.AUTORISATIONS;
                case "/id" -> null;
                // identity of a known child (name, birth date, school): part of the child's record
                default -> ChangeRequest.Type.ENFANT;
            };
        }
        if (pointer.startsWith("/responsable2") || pointer.equals("/withResponsable2")) {
            return ChangeRequest.Type.CONJOINT;
        }
        return switch (pointer) {
            case "/addressLine", "/postcode", "/city", "/situation" -> ChangeRequest.Type.ADRESSE;
            case "/homePhone", "/responsable1/mobilePhone", "/responsable1/workPhone" -> ChangeRequest.Type.TELEPHONES;
            case "/cafNumber", "/quotientFamilial", "/qfSource", "/qfProofDate", "/monthlyResourcesCents",
                 "/monthlyResources" -> ChangeRequest.Type.CAF;
            case "/iban", "/accountHolder" -> ChangeRequest.Type.BANQUE;
            default -> pointer.startsWith("/responsable1") ? ChangeRequest.Type.TELEPHONES : null;
        };
    }

    static final java.util.Set<String> HEALTH = java.util.Set.of("allergies", "pai", "diet", "doctorName",
            "doctorPhone", "glasses", "medicalNotes");

    /** The health fields of a child's values, as a PostgreSQL text array literal (for counting in SQL). */
    static String healthFieldsArray() {
        return "{" + String.join(",", new java.util.TreeSet<>(HEALTH)) + "}";
    }

    /** Whether a change carries health data: the health fields of a child, or a new child that has some. */
    public static boolean touchesHealth(ChangeRequest.Type type, Map<String, JsonValue> values) {
        if (type == ChangeRequest.Type.SANTE) {
            return true;
        }
        return type == ChangeRequest.Type.ENFANT && values.values().stream()
                .filter(v -> v instanceof JsonObject).map(v -> (JsonObject) v)
                .anyMatch(child -> HEALTH.stream().map(child::get).anyMatch(v -> v != null
                        && v.getValueType() != JsonValue.ValueType.NULL && v.getValueType() != JsonValue.ValueType.FALSE));
    }

    /** The pointer of a rule's field path ({@code children[0].birthDate} → {@code /children/0/birthDate}). */
    public static String pointerOf(String fieldPath) {
        return "/" + fieldPath.replaceAll("\\[(\\d+)]", "/$1").replace('.', '/');
    }

    public static String toJsonText(Map<String, JsonValue> values) {
        var b = Json.createObjectBuilder();
        values.forEach(b::add);
        return b.build().toString();
    }

    public static Map<String, JsonValue> fromJsonText(String text) {
        return new LinkedHashMap<>(Json.createReader(new StringReader(text)).readObject());
    }

    static JsonObject toJson(FamilyForm form) {
        return Json.createReader(new StringReader(JSON.toJson(form))).readObject();
    }

    static FamilyForm fromJson(String json) {
        return JSON.fromJson(json, FamilyForm.class);
    }

    /**
     * Leaves of the form: scalars by pointer; a child absent from the other version and a contacts
     * list are kept whole, so that they are requested, shown and applied as one thing.
     */
    static Map<String, JsonValue> flatten(JsonObject form) {
        Map<String, JsonValue> leaves = new LinkedHashMap<>();
        walk("", form, leaves);
        return leaves;
    }

    private static void walk(String path, JsonValue value, Map<String, JsonValue> leaves) {
        if (path.matches("/children/\\d+/contacts")) {
            leaves.put(path, value);
        } else if (value instanceof JsonObject o) {
            boolean unsavedChild = path.matches("/children/\\d+")
                    && o.getOrDefault("id", JsonValue.NULL).getValueType() == JsonValue.ValueType.NULL;
            if (unsavedChild) {
                leaves.put(path, value); // a child not stored yet: a new child, as a whole
                return;
            }
            o.forEach((k, v) -> walk(path + "/" + k, v, leaves));
        } else if (value instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                walk(path + "/" + i, a.get(i), leaves);
            }
        } else {
            leaves.put(path, value);
        }
    }
}
