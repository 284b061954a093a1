package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.ConfigurationChanges;
import fr.portailfamille.platform.configuration.ConfigurationService;
import fr.portailfamille.platform.web.QueueModel;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.List;

/**
 * Page agent/configuration/journal: the configuration's saves, latest first (paged in SQL), each with who made it,
 * when, and what it changed: the sections in words and, in a list, the items added, removed or changed, then each value
 * changed with its value before and after.
 */
@Named
@ViewScoped
public class JournalView implements Serializable {

    private static final String SECTION = "agent.config.journal.section.";
    private static final String FIELD = "agent.config.journal.field.";
    private static final String CHOICE = "agent.config.choice.";
    /** The longest value shown (a text of terms of use is cut). */
    private static final int LONGEST = 80;
    /** What a long text's change shows before where the two texts part. */
    private static final int CONTEXT = 20;

    @Inject
    ConfigurationService configuration;

    @Inject
    UserView user;

    private QueueModel<ConfigurationService.JournalEntry> model;

    public QueueModel<ConfigurationService.JournalEntry> getModel() {
        if (model == null) {
            model = new QueueModel<>(() -> configuration.journalCount(user.require()),
                    (offset, limit, sort) -> configuration.journal(user.require(), offset, limit),
                    ConfigurationService.JournalEntry::id);
        }
        return model;
    }

    /** A section's name in words ("Tarifs" for {@code billing.tariffs}); an unknown one as the file names it. */
    public String section(String key) {
        try {
            return Texts.of(SECTION + key);
        } catch (java.util.MissingResourceException e) {
            return key;
        }
    }

    /**
     * What a change did, in words: "ajouté : A, B ; retiré : C ; modifié : D"; for a section that is no list, its value
     * before and after ("A → B") when it is one value, "valeur changée" when its fields follow ({@link #details}).
     */
    public String summary(ConfigurationChanges.SectionChange change) {
        if (!change.isList()) {
            List<ConfigurationChanges.Detail> details = change.details();
            return details.size() == 1 && details.get(0).path().isEmpty() ? values(details.get(0), null)
                    : Texts.of("agent.config.journal.changed");
        }
        StringBuilder out = new StringBuilder();
        part(out, "agent.config.journal.added", change.added());
        part(out, "agent.config.journal.removed", change.removed());
        part(out, "agent.config.journal.modified", change.changed());
        return out.length() == 0 ? Texts.of("agent.config.journal.reordered") : out.toString();
    }

    /**
     * Each value the change made, one line each: where (the item, then the fields in words) and the values before and
     * after — "CANTINE › moments › MIDI › capacité : 30 → 25", "CANTINE / MIDI (2026-09-01) › prix › T2 : 3,50 € → 3,60 €",
     * "CANTINE › moments › GOUTER : ajouté". A section's own value is in its {@link #summary}, not here.
     */
    public List<String> details(ConfigurationChanges.SectionChange change) {
        return change.details().stream().filter(d -> !d.path().isEmpty())
                .map(d -> String.join(Texts.of("agent.config.journal.path"), d.path().stream()
                        .map(step -> step(change.section(), step)).toList())
                        + Texts.of("common.colon") + values(d, words(change.section(), d.path()))).toList();
    }

    /**
     * The texts' prefix of a field whose values are codes the configuration's screens show in words (an activity's
     * type, a late policy, a tariff's mode…), {@code null} for any other; a {@code kind} is an establishment's, a period's
     * or a tariff adjustment's by its section.
     */
    static String words(String section, List<ConfigurationChanges.Step> path) {
        ConfigurationChanges.Step last = path.isEmpty() ? null : path.get(path.size() - 1);
        if (last == null || !last.field()) {
            return null;
        }
        return switch (last.name()) {
            case "type" -> section.equals("activities") ? CHOICE + "activityType." : null;
            case "late" -> CHOICE + "latePolicy.";
            case "mode" -> CHOICE + "tariffMode.";
            case "collection" -> CHOICE + "collection.";
            case "validity" -> "agent.config.documentType.validity.";
            case "kind" -> switch (section) {
                case "establishments" -> CHOICE + "establishmentKind.";
                case "periods" -> CHOICE + "periodKind.";
                case "billing.tariffs" -> CHOICE + "adjustmentKind.";
                default -> null;
            };
            default -> null;
        };
    }

    /** A step of a detail's path in words: a field by its name, a legend's state by its meaning, another item as named. */
    static String step(String section, ConfigurationChanges.Step step) {
        if (section.equals("legend") && java.util.Arrays.stream(fr.portailfamille.booking.DayState.values())
                .anyMatch(s -> s.name().equals(step.name()))) {
            return LegendeView.meaning(step.name());
        }
        if (!step.field()) {
            return step.name();
        }
        try {
            return Texts.of(FIELD + step.name());
        } catch (java.util.MissingResourceException e) {
            return step.name();
        }
    }

    private static String values(ConfigurationChanges.Detail d, String words) {
        if (d.itemAdded()) {
            return Texts.of("agent.config.journal.item.added");
        }
        if (d.itemRemoved()) {
            return Texts.of("agent.config.journal.item.removed");
        }
        if (words == null && d.before() instanceof JsonString b && d.after() instanceof JsonString a) {
            // two long texts (terms of use) shown from a little before where they part, not both cut the same
            String was = line(b.getString()), is = line(a.getString());
            int at = differsAt(was, is);
            int from = at < LONGEST - CONTEXT ? 0 : at - CONTEXT;
            while (from > 0 && was.charAt(from - 1) != ' ') {
                from--; // from the start of a word
            }
            return Texts.of("agent.config.journal.values", cut(was, from), cut(is, from));
        }
        return Texts.of("agent.config.journal.values", value(d.before(), d.cents(), words), value(d.after(), d.cents(), words));
    }

    /** Where two texts first differ (the shorter's length when one begins the other). */
    static int differsAt(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /**
     * A value in words: an amount in cents as euros, a code as the screens name it ({@code words}: its texts' prefix),
     * yes or no, a list's values, a long text cut; none said so.
     */
    static String value(JsonValue v, boolean cents, String words) {
        return switch (v.getValueType()) {
            case NULL -> Texts.of("agent.config.journal.value.none");
            case TRUE -> Texts.of("agent.config.journal.value.true");
            case FALSE -> Texts.of("agent.config.journal.value.false");
            case STRING -> words == null ? cut(((JsonString) v).getString()) : Texts.word(words, ((JsonString) v).getString());
            case NUMBER -> cents && ((JsonNumber) v).isIntegral() ? Texts.amount(((JsonNumber) v).longValue())
                    : java.text.NumberFormat.getNumberInstance(Texts.locale()).format(((JsonNumber) v).bigDecimalValue());
            case ARRAY -> v.asJsonArray().isEmpty() ? Texts.of("agent.config.journal.value.none")
                    : String.join(", ", v.asJsonArray().stream().map(i -> value(i, cents, words)).toList());
            case OBJECT -> cut(v.toString());
        };
    }

    private static String cut(String text) {
        return cut(line(text), 0);
    }

    /** {@code line} from {@code from} ("…" before when not from its start), at most {@link #LONGEST} characters. */
    private static String cut(String line, int from) {
        String shown = from <= 0 ? line : "…" + line.substring(Math.min(from, line.length())).stripLeading();
        return shown.length() <= LONGEST ? shown : shown.substring(0, LONGEST - 1).strip() + "…";
    }

    /** A text on one line: its spaces and line breaks as single spaces. */
    private static String line(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static void part(StringBuilder out, String key, List<String> items) {
        if (!items.isEmpty()) {
            out.append(out.length() == 0 ? "" : " ; ").append(Texts.of(key, String.join(", ", items)));
        }
    }
}
