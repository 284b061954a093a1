package fr.portailfamille.platform.configuration.web.form;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Typed texts as the configuration screens read them, and the rules' field paths as the screens show
 * them (next to their field, or in the summary when no field has them).
 */
public final class FormValues {

    /** The message of a time that is not "hh:mm". */
    public static final String TIME_EXPECTED = "Heure attendue au format hh:mm.";

    private FormValues() {
    }

    /** Whether {@code text} is blank or a time "hh:mm". */
    public static boolean isTime(String text) {
        try {
            time(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** "hh:mm" as a time, {@code null} when blank. */
    public static LocalTime time(String text) {
        return text == null || text.isBlank() ? null : LocalTime.parse(text.strip());
    }

    /** A code as stored: stripped, upper case; {@code null} stays null. */
    public static String upper(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** One line per item, blank lines dropped; {@code null} gives none. */
    public static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Checked weekday values ("1" … "7") as ISO days, in order; {@code null} gives none. */
    public static List<Integer> weekdays(List<String> checked) {
        return checked == null ? List.of() : checked.stream().map(Integer::valueOf).sorted().toList();
    }

    /** The component path of a rule's field: "activities[0].booking.deadline" → "activities[0].bookingDeadline". */
    public static String componentPath(String field) {
        if (field == null) {
            return "";
        }
        String path = field.replace(".booking.deadline", ".bookingDeadline").replace(".booking.cancellation", ".cancellationDeadline")
                .replace(".booking.late", ".latePolicy").replace(".ages.min", ".minAge").replace(".ages.max", ".maxAge")
                .replaceAll("\\.(documents|levels|weekdays)\\[\\d+]$", ".$1");
        return !path.contains("[") || path.endsWith("]") || path.endsWith(".units") ? "" : path;
    }

    /** The new-activity form's field of a rule's path about the added activity ("" otherwise). */
    public static String newActivityField(String field, String prefix) {
        if (field == null || !field.startsWith(prefix + ".")) {
            return "";
        }
        String f = field.substring(prefix.length() + 1);
        return switch (f) {
            case "code", "name", "type" -> f;
            case "units[0].code" -> "unitCode";
            case "units[0].label" -> "unitLabel";
            case "units[0].start" -> "unitStart";
            case "units[0].end" -> "unitEnd";
            case "units[0].capacity" -> "capacity";
            default -> f.startsWith("units[0].weekdays") ? "weekdays" : "";
        };
    }
}
