package fr.portailfamille.configuration;

import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.DeadlineCodec;
import fr.portailfamille.booking.Legend.LegendEntry;
import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.configuration.CommuneConfiguration.Closure;
import fr.portailfamille.configuration.CommuneConfiguration.Establishment;
import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.CommuneConfiguration.Unit;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules a commune configuration must follow before it is imported: required values, unique codes,
 * lengths of the database columns (V3, V5), consistent ages, times and dates, deadlines in
 * {@link DeadlineCodec} form, a legend that passes {@link fr.portailfamille.booking.Legend#validate()},
 * and the billing section's rules ({@link BillingRules}).
 * Field paths are those of the configuration file ({@link ConfigurationJson}).
 */
public final class ConfigurationRules {

    /** School holidays zones of mainland France. */
    public static final List<String> ZONES = List.of("A", "B", "C");
    public static final int MAX_AGE = 25;
    public static final int CGU_MAX_LENGTH = 20_000;

    private static final Pattern CODE = Pattern.compile("^[A-Z0-9_-]+$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ConfigurationRules() {
    }

    /**
     * Every problem of the configuration (texts of the bundle {@code problems}, {@code configuration.*}), in file
     * order; empty when it can be imported.
     */
    public static List<FieldError> validate(CommuneConfiguration conf) {
        List<FieldError> errors = new ArrayList<>();
        if (conf.zone() != null && !ZONES.contains(conf.zone())) {
            errors.add(Problems.error("zone", "configuration.zone"));
        }
        if (conf.cgu() != null && conf.cgu().length() > CGU_MAX_LENGTH) {
            errors.add(Problems.error("cgu", "configuration.cgu.tooLong"));
        }
        Set<String> establishments = new HashSet<>();
        for (int i = 0; i < conf.establishments().size(); i++) {
            Establishment e = conf.establishments().get(i);
            String at = "establishments[" + i + "]";
            code(errors, at, e.code(), 40, establishments, Problems.of("configuration.other.establishment"));
            text(errors, at + ".name", e.name(), Problems.of("configuration.what.name"), 120, true);
            required(errors, at + ".kind", e.kind(), Problems.of("configuration.what.establishmentKind"));
            text(errors, at + ".address", e.address(), Problems.of("configuration.what.address"), 200, false);
        }
        for (int i = 0; i < conf.periods().size(); i++) {
            Period p = conf.periods().get(i);
            String at = "periods[" + i + "]";
            required(errors, at + ".kind", p.kind(), Problems.of("configuration.what.periodKind"));
            text(errors, at + ".label", p.label(), Problems.of("configuration.what.label"), 80, true);
            required(errors, at + ".start", p.start(), Problems.of("configuration.what.start"));
            required(errors, at + ".end", p.end(), Problems.of("configuration.what.end"));
            if (p.start() != null && p.end() != null && p.end().isBefore(p.start())) {
                errors.add(Problems.error(at + ".end", "configuration.period.endBeforeStart"));
            }
        }
        Set<LocalDate> closed = new HashSet<>();
        for (int i = 0; i < conf.closures().size(); i++) {
            Closure c = conf.closures().get(i);
            String at = "closures[" + i + "]";
            if (required(errors, at + ".day", c.day(), Problems.of("configuration.what.day")) && !closed.add(c.day())) {
                errors.add(Problems.error(at + ".day", "configuration.closure.twice", DAY.format(c.day())));
            }
            text(errors, at + ".label", c.label(), Problems.of("configuration.what.label"), 120, true);
        }
        Set<String> activities = new HashSet<>();
        for (int i = 0; i < conf.activities().size(); i++) {
            activity(errors, "activities[" + i + "]", conf.activities().get(i), activities, establishments);
        }
        conf.legend().validate().forEach(m -> errors.add(new FieldError("legend", m)));
        for (DayState state : DayState.values()) {
            LegendEntry e = conf.legend().entry(state);
            if (e != null && e.label() != null && e.label().length() > 60) {
                errors.add(Problems.error("legend", "configuration.legend.labelTooLong", fr.portailfamille.booking.Legend.stateName(state)));
            }
        }
        if (conf.documentTypes() != null) {
            errors.addAll(fr.portailfamille.documents.DocumentTypeRules.validate(conf.documentTypes()));
        }
        if (conf.services() != null) {
            errors.addAll(fr.portailfamille.messaging.MessagingRules.validate(conf.services()));
        }
        if (conf.billing() != null) {
            BillingRules.validate(errors, conf.billing(), conf.activities());
        }
        return errors;
    }

    private static void activity(List<FieldError> errors, String at, Activity a, Set<String> codes,
                                 Set<String> establishments) {
        code(errors, at, a.code(), 40, codes, Problems.of("configuration.other.activity"));
        text(errors, at + ".name", a.name(), Problems.of("configuration.what.name"), 120, true);
        text(errors, at + ".description", a.description(), Problems.of("configuration.what.description"), 1000, false);
        required(errors, at + ".type", a.type(), Problems.of("configuration.what.activityType"));
        if (a.establishment() != null && !establishments.contains(a.establishment())) {
            errors.add(Problems.error(at + ".establishment", "configuration.establishment.unknown", a.establishment()));
        }
        age(errors, at + ".ages.min", a.minAge(), "configuration.age.min.range");
        age(errors, at + ".ages.max", a.maxAge(), "configuration.age.max.range");
        if (a.minAge() != null && a.maxAge() != null && a.minAge() > a.maxAge()) {
            errors.add(Problems.error(at + ".ages.max", "configuration.age.maxBelowMin"));
        }
        Set<String> levels = new HashSet<>();
        for (int j = 0; j < a.levels().size(); j++) {
            String level = a.levels().get(j);
            if (!SchoolLevel.isCode(level)) {
                errors.add(Problems.error(at + ".levels[" + j + "]", "configuration.level.unknown", level,
                        String.join(", ", SchoolLevel.codes())));
            } else if (!levels.add(level)) {
                errors.add(Problems.error(at + ".levels[" + j + "]", "configuration.level.twice", level));
            }
        }
        deadline(errors, at + ".booking.deadline", a.bookingDeadline(), Problems.of("configuration.what.bookingDeadline"));
        deadline(errors, at + ".booking.cancellation", a.cancellationDeadline(),
                Problems.of("configuration.what.cancellationDeadline"));
        required(errors, at + ".booking.late", a.latePolicy(), Problems.of("configuration.what.latePolicy"));
        for (int j = 0; j < a.documents().size(); j++) {
            text(errors, at + ".documents[" + j + "]", a.documents().get(j), Problems.of("configuration.what.document"),
                    120, true);
        }
        Set<String> units = new HashSet<>();
        for (int j = 0; j < a.units().size(); j++) {
            unit(errors, at + ".units[" + j + "]", a.units().get(j), units);
        }
    }

    private static void unit(List<FieldError> errors, String at, Unit u, Set<String> codes) {
        code(errors, at, u.code(), 20, codes, Problems.of("configuration.other.unit"));
        text(errors, at + ".label", u.label(), Problems.of("configuration.what.label"), 60, true);
        if (u.start() != null && u.end() != null && !u.start().isBefore(u.end())) {
            errors.add(Problems.error(at + ".end", "configuration.unit.endBeforeStart"));
        }
        if (u.capacity() < 0) {
            errors.add(Problems.error(at + ".capacity", "configuration.unit.capacityNegative"));
        }
        if (u.weekdays().isEmpty()) {
            errors.add(Problems.error(at + ".weekdays", "configuration.unit.noWeekday"));
        }
        Set<Integer> days = new HashSet<>();
        for (int k = 0; k < u.weekdays().size(); k++) {
            Integer day = u.weekdays().get(k);
            if (day < 1 || day > 7) {
                errors.add(Problems.error(at + ".weekdays[" + k + "]", "configuration.unit.weekdayInvalid", day));
            } else if (!days.add(day)) {
                errors.add(Problems.error(at + ".weekdays[" + k + "]", "configuration.unit.weekdayTwice", day));
            }
        }
    }

    private static void code(List<FieldError> errors, String at, String code, int max, Set<String> seen, Message other) {
        if (required(errors, at + ".code", code, Problems.of("configuration.what.code"))) {
            if (code.length() > max || !CODE.matcher(code).matches()) {
                errors.add(Problems.error(at + ".code", "configuration.code.format", code, max));
            } else if (!seen.add(code)) {
                errors.add(Problems.error(at + ".code", "configuration.code.taken", code, other));
            }
        }
    }

    private static void text(List<FieldError> errors, String at, String value, Message what, int max, boolean mandatory) {
        if (mandatory && !required(errors, at, value, what)) {
            return;
        }
        if (value != null && value.length() > max) {
            errors.add(Problems.error(at, "configuration.tooLong", what, max));
        }
    }

    /** An age out of 0 to {@link #MAX_AGE}: {@code key} says which (minimum or maximum). */
    private static void age(List<FieldError> errors, String at, Integer age, String key) {
        if (age != null && (age < 0 || age > MAX_AGE)) {
            errors.add(Problems.error(at, key, MAX_AGE));
        }
    }

    private static void deadline(List<FieldError> errors, String at, String text, Message what) {
        if (required(errors, at, text, what)) {
            try {
                DeadlineCodec.parse(text);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(at, e.getMessage()));
            }
        }
    }

    /** Whether the value is present (not null nor blank); records an error when it is not. */
    private static boolean required(List<FieldError> errors, String at, Object value, Message what) {
        if (value == null || value instanceof String s && s.isBlank()) {
            errors.add(Problems.error(at, "configuration.required", what));
            return false;
        }
        return true;
    }
}
