package fr.portailfamille.configuration;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a save changed in a commune's configuration, section by section, as the configuration file writes them
 * ({@link ConfigurationJson}; the billing's parts each a section of their own: {@code billing.tariffs}…): the
 * configuration's journal keeps each change's sections with their values before and after, and tells agents which
 * items were added, removed or changed (an activity by its code, a tariff by its activity, unit and start, a closure
 * by its day).
 */
public final class ConfigurationChanges {

    private ConfigurationChanges() {
    }

    /** One section changed: its name ({@code activities}, {@code billing.tariffs}…) and its values before and after. */
    public record SectionChange(String section, JsonValue before, JsonValue after) {

        public SectionChange {
            Objects.requireNonNull(section, "section");
            before = before == null ? JsonValue.NULL : before;
            after = after == null ? JsonValue.NULL : after;
        }

        /** The items of a list only after the change, by their identifiers (empty for a section that is no list). */
        public List<String> added() {
            Map<String, JsonValue> b = items(before), a = items(after);
            return a.keySet().stream().filter(k -> !b.containsKey(k)).toList();
        }

        /** The items of a list only before the change. */
        public List<String> removed() {
            Map<String, JsonValue> b = items(before), a = items(after);
            return b.keySet().stream().filter(k -> !a.containsKey(k)).toList();
        }

        /** The items of a list on both sides but not the same. */
        public List<String> changed() {
            Map<String, JsonValue> b = items(before), a = items(after);
            return a.keySet().stream().filter(k -> b.containsKey(k) && !b.get(k).equals(a.get(k))).toList();
        }

        /** Whether the section is a list of items (then {@link #added}, {@link #removed}, {@link #changed} say how). */
        public boolean isList() {
            return before.getValueType() == JsonValue.ValueType.ARRAY || after.getValueType() == JsonValue.ValueType.ARRAY;
        }

        /**
         * Each value the change made, field by field: in a list, inside each item {@link #changed} (its name first in
         * the path); in a section that is no list, from the section itself (an empty path: the section's own value).
         * An item of a list inside an item (an activity's unit) added or removed is one detail, its whole value on one
         * side; a group of fields (a tariff's effort rate) is told field by field, even when it was or becomes none.
         */
        public List<Detail> details() {
            List<Detail> out = new ArrayList<>();
            if (isList()) {
                Map<String, JsonValue> b = items(before), a = items(after);
                for (String id : changed()) {
                    diff(List.of(new Step(id, false)), b.get(id), a.get(id), out);
                }
            } else {
                diff(List.of(), before, after, out);
            }
            return out;
        }
    }

    /** A step of a {@link Detail}'s path: a field as the file names it ({@code capacity}), or an item by its name ({@code MIDI}). */
    public record Step(String name, boolean field) {

        public Step {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * One value a change made: where (the item, then the fields down to the value) and the value before and after
     * ({@link JsonValue#NULL} for none: an item added has no value before, one removed none after).
     */
    public record Detail(List<Step> path, JsonValue before, JsonValue after) {

        public Detail {
            path = List.copyOf(path);
        }

        /** Whether the detail is a whole item added to a list (its value only after) or removed from it. */
        public boolean itemAdded() {
            return !path.isEmpty() && !path.get(path.size() - 1).field() && before == JsonValue.NULL;
        }

        public boolean itemRemoved() {
            return !path.isEmpty() && !path.get(path.size() - 1).field() && after == JsonValue.NULL;
        }

        /** Whether the value is an amount in cents: under a field of the file named {@code cents} or {@code …Cents}. */
        public boolean cents() {
            for (int i = path.size() - 1; i >= 0; i--) {
                if (path.get(i).field()) {
                    String name = path.get(i).name();
                    if (name.equals("cents") || name.endsWith("Cents")) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static void diff(List<Step> path, JsonValue before, JsonValue after, List<Detail> out) {
        if (same(before, after)) {
            return;
        }
        boolean objects = (before instanceof JsonObject || before == JsonValue.NULL) && (after instanceof JsonObject || after == JsonValue.NULL);
        if (objects) {
            JsonObject b = before instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            JsonObject a = after instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            for (String key : keys(b, a)) {
                diff(with(path, new Step(key, true)), b.getOrDefault(key, JsonValue.NULL), a.getOrDefault(key, JsonValue.NULL), out);
            }
        } else if (named(before) && named(after)) {
            Map<String, JsonValue> b = items(before), a = items(after);
            Set<String> ids = new LinkedHashSet<>(a.keySet());
            ids.addAll(b.keySet());
            for (String id : ids) {
                JsonValue was = b.getOrDefault(id, JsonValue.NULL), is = a.getOrDefault(id, JsonValue.NULL);
                if (was == JsonValue.NULL || is == JsonValue.NULL) {
                    out.add(new Detail(with(path, new Step(id, false)), was, is));
                } else {
                    diff(with(path, new Step(id, false)), was, is, out);
                }
            }
        } else {
            out.add(new Detail(path, before, after));
        }
    }

    /** Whether {@code v} is a list whose items are each named ({@link #identifier}; an empty list is). */
    private static boolean named(JsonValue v) {
        return v instanceof JsonArray array && array.stream().allMatch(i -> i instanceof JsonObject o && identifier(o) != null);
    }

    private static List<Step> with(List<Step> path, Step step) {
        List<Step> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    /** The sections {@code after} changes in {@code before}, in the file's order; empty when the save changes nothing. */
    public static List<SectionChange> between(CommuneConfiguration before, CommuneConfiguration after) {
        return between(object(ConfigurationJson.write(before)), object(ConfigurationJson.write(after)));
    }

    static List<SectionChange> between(JsonObject before, JsonObject after) {
        List<SectionChange> changes = new ArrayList<>();
        for (String key : keys(before, after)) {
            if (key.equals("format") || key.equals("version")) {
                continue;
            }
            JsonValue b = before.getOrDefault(key, JsonValue.NULL), a = after.getOrDefault(key, JsonValue.NULL);
            if (key.equals("billing") && (b instanceof JsonObject || a instanceof JsonObject)) {
                JsonObject bb = b instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
                JsonObject ab = a instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
                for (String part : keys(bb, ab)) {
                    add(changes, "billing." + part, bb.getOrDefault(part, JsonValue.NULL), ab.getOrDefault(part, JsonValue.NULL));
                }
            } else {
                add(changes, key, b, a);
            }
        }
        return changes;
    }

    /** The changes as the journal stores them: {@code [{"section": …, "before": …, "after": …}, …]}. */
    public static String toJson(List<SectionChange> changes) {
        var array = Json.createArrayBuilder();
        changes.forEach(c -> array.add(Json.createObjectBuilder().add("section", c.section())
                .add("before", c.before()).add("after", c.after())));
        return array.build().toString();
    }

    /** The changes the journal stored ({@link #toJson}). */
    public static List<SectionChange> fromJson(String json) {
        List<SectionChange> changes = new ArrayList<>();
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            for (JsonValue v : r.readArray()) {
                JsonObject o = v.asJsonObject();
                changes.add(new SectionChange(o.getString("section"), o.get("before"), o.get("after")));
            }
        }
        return changes;
    }

    private static void add(List<SectionChange> changes, String section, JsonValue before, JsonValue after) {
        if (!same(before, after)) {
            changes.add(new SectionChange(section, before, after));
        }
    }

    /** Whether two values say the same: equal, or both nothing (none, an empty list, an empty group). */
    private static boolean same(JsonValue before, JsonValue after) {
        return before.equals(after) || nothing(before) && nothing(after);
    }

    private static boolean nothing(JsonValue v) {
        return v == JsonValue.NULL || v instanceof JsonArray a && a.isEmpty() || v instanceof JsonObject o && o.isEmpty();
    }

    private static Set<String> keys(JsonObject before, JsonObject after) {
        Set<String> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        return keys;
    }

    private static JsonObject object(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    /**
     * A list's items by identifier, in order; an item without one by its place ("n° 2"); two items of the same name
     * each kept, the second by its name and its rank ("Sortie (2)").
     */
    private static Map<String, JsonValue> items(JsonValue list) {
        Map<String, JsonValue> items = new LinkedHashMap<>();
        if (list instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                JsonValue item = array.get(i);
                String id = item instanceof JsonObject o ? identifier(o) : plain(item);
                String key = id == null ? "n° " + (i + 1) : id;
                for (int rank = 2; items.containsKey(key); rank++) {
                    key = id + " (" + rank + ")";
                }
                items.put(key, item);
            }
        }
        return items;
    }

    /**
     * What names an item: a tariff its activity, unit (none for the whole activity) and start; a calendar period its
     * label and start (each year has its "Vacances de la Toussaint"); others their code, day, label or name.
     */
    private static String identifier(JsonObject o) {
        if (o.containsKey("activity") && o.containsKey("unit") && o.containsKey("validFrom")) {
            String unit = o.get("unit") == JsonValue.NULL ? "" : " / " + plain(o.get("unit"));
            return plain(o.get("activity")) + unit + " (" + plain(o.get("validFrom")) + ")";
        }
        if (!o.containsKey("code") && o.get("label") instanceof jakarta.json.JsonString label
                && o.get("start") instanceof jakarta.json.JsonString start) {
            return label.getString() + " (" + start.getString() + ")";
        }
        for (String key : List.of("code", "day", "label", "name")) {
            if (o.get(key) instanceof jakarta.json.JsonString s) {
                return s.getString();
            }
        }
        return null;
    }

    private static String plain(JsonValue v) {
        return v instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(v);
    }
}
