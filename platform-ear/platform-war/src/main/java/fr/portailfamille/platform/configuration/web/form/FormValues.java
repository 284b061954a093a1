package fr.portailfamille.platform.configuration.web.form;

import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed texts as the configuration screens read them, and the rules' field paths as the screens show
 * them (next to their field, or in the summary when no field has them).
 */
public final class FormValues {

    private static final Pattern BILLING_ROW = Pattern.compile("^billing\\.(brackets|regies|tariffs)\\[(\\d+)](?:\\.(.+))?$");
    private static final Pattern PERCENT = Pattern.compile("\\d{1,4}(\\.\\d{1,6})?");

    private FormValues() {
    }

    /** The message of a time that is not "hh:mm". */
    public static String timeExpected() {
        return Texts.of("agent.config.error.time");
    }

    /** A unit's capacity left empty. */
    public static String capacityExpected() {
        return Texts.of("agent.config.error.capacity");
    }

    /** The message of an amount that is not euros ({@code typed} as typed). */
    public static String eurosExpected(String typed) {
        return Texts.of("agent.config.error.euros", typed);
    }

    /** The message of a percentage that is not a number ({@code typed} as typed). */
    public static String percentExpected(String typed) {
        return Texts.of("agent.config.error.percent", typed);
    }

    /**
     * Euros as typed ("3,50", "1 850 €") in cents, {@code null} when blank; an amount that cannot be read
     * adds an error at {@code at} and gives {@code null}.
     */
    public static Long euros(String typed, String at, List<FieldError> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        Optional<Long> cents = Money.parseEuros(typed, Texts.locale());
        if (cents.isEmpty()) {
            errors.add(new FieldError(at, eurosExpected(typed.strip())));
            return null;
        }
        return cents.get();
    }

    /** Cents as an agent types them back in the page's language ({@code 350} → "3,50", "3.50"), blank when {@code null}. */
    public static String euros(Long cents) {
        return Texts.typed(cents);
    }

    /**
     * A percentage as typed ("10", "2,5", "0,06 %"), {@code null} when blank; a text that is not a number
     * adds an error at {@code at} and gives {@code null} (its range is the rules').
     */
    public static BigDecimal percent(String typed, String at, List<FieldError> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip().replace("%", "").replace("\u00a0", "").replace(" ", "").replace(',', '.');
        if (!PERCENT.matcher(t).matches()) {
            errors.add(new FieldError(at, percentExpected(typed.strip())));
            return null;
        }
        return new BigDecimal(t);
    }

    /** A percentage as an agent types it back in the page's language ({@code 2.5} → "2,5", "2.5"), blank when {@code null}. */
    public static String percent(BigDecimal percent) {
        return percent == null ? "" : Money.percent(percent, Texts.locale());
    }

    /** Items separated by commas, semicolons, spaces or lines, in order; {@code null} gives none. */
    public static List<String> items(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Whole numbers separated by commas, spaces or lines ("15, 45"); any item that is not one adds an error
     * at {@code at}, and the list is then {@code null}.
     */
    public static List<Integer> wholeNumbers(String text, String at, List<FieldError> errors) {
        List<Integer> numbers = new ArrayList<>();
        for (String item : items(text)) {
            if (!item.matches("\\d{1,4}")) {
                errors.add(new FieldError(at, Texts.of("agent.config.error.days", item)));
                return null;
            }
            numbers.add(Integer.valueOf(item));
        }
        return numbers;
    }

    /**
     * The component path of a rule's field in the billing screens: settings fields by name, list items
     * on their list's field, a bracket's, régie's or tariff's field in its row ({@code bracketCodes}: the
     * commune's brackets in the order of a tariff's price fields); "" when no field shows it.
     */
    public static String billingPath(String field, List<String> bracketCodes) {
        if (field == null || !field.startsWith("billing.")) {
            return "";
        }
        String f = field.substring("billing.".length());
        if (f.equals("qfValidityMonths") || f.equals("certificateDays") || f.startsWith("residentPostcodes")
                || f.startsWith("reminderDays")) {
            return f.replaceAll("\\[\\d+]$", "");
        }
        Matcher m = BILLING_ROW.matcher(field);
        if (!m.matches() || m.group(3) == null) {
            return "";
        }
        String row = m.group(1) + "[" + m.group(2) + "].";
        String rest = m.group(3);
        String component = switch (m.group(1)) {
            case "brackets" -> rest;
            case "regies" -> switch (rest) {
                case "manager.name" -> "managerName";
                case "manager.email" -> "managerEmail";
                case "manager.phone" -> "managerPhone";
                case "walletFloorCents" -> "walletOverdraft";
                case "sepa.creditorId" -> "sepaCreditorId";
                case "sepa.name" -> "sepaName";
                case "sepa.iban" -> "sepaIban";
                case "sepa.bic" -> "sepaBic";
                case "sepa.debitDay" -> "sepaDebitDay";
                default -> rest.startsWith("activities") ? "activities" : rest;
            };
            default -> tariffComponent(rest, bracketCodes);
        };
        return component.isEmpty() ? "" : row + component;
    }

    private static String tariffComponent(String rest, List<String> bracketCodes) {
        if (rest.startsWith("pricesCents.")) {
            int k = bracketCodes.indexOf(rest.substring("pricesCents.".length()));
            return k < 0 ? "" : "prices[" + k + "].amount";
        }
        return switch (rest) {
            case "activity", "unit" -> "target";
            case "validFrom", "mode" -> rest;
            case "maximumCents" -> "maximum";
            case "effortRate.percent" -> "effortRate";
            case "effortRate.floorCents" -> "floor";
            case "effortRate.ceilingCents" -> "ceiling";
            case "nonResident.kind" -> "nonResidentKind";
            case "nonResident.percent", "nonResident.cents" -> "nonResidentValue";
            case "late.kind" -> "lateKind";
            case "late.percent", "late.cents" -> "lateValue";
            case "siblings.secondPercent" -> "siblingSecond";
            case "siblings.thirdPercent" -> "siblingThird";
            case "unbookedPresenceCents" -> "unbookedPresence";
            default -> "";
        };
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
        if (field.startsWith("billing.")) {
            return billingPath(field, List.of());
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
