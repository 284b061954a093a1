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

    /** Every problem of the configuration, in French, in file order; empty when it can be imported. */
    public static List<FieldError> validate(CommuneConfiguration conf) {
        List<FieldError> errors = new ArrayList<>();
        if (conf.zone() != null && !ZONES.contains(conf.zone())) {
            errors.add(new FieldError("zone", "La zone de vacances scolaires doit être A, B ou C."));
        }
        if (conf.cgu() != null && conf.cgu().length() > CGU_MAX_LENGTH) {
            errors.add(new FieldError("cgu", "Les conditions générales ne doivent pas dépasser 20 000 caractères."));
        }
        Set<String> establishments = new HashSet<>();
        for (int i = 0; i < conf.establishments().size(); i++) {
            Establishment e = conf.establishments().get(i);
            String at = "establishments[" + i + "]";
            code(errors, at, e.code(), 40, establishments, "un autre établissement");
            text(errors, at + ".name", e.name(), "Le nom", 120, true);
            required(errors, at + ".kind", e.kind(), "Le type d'établissement");
            text(errors, at + ".address", e.address(), "L'adresse", 200, false);
        }
        for (int i = 0; i < conf.periods().size(); i++) {
            Period p = conf.periods().get(i);
            String at = "periods[" + i + "]";
            required(errors, at + ".kind", p.kind(), "Le type de période");
            text(errors, at + ".label", p.label(), "Le libellé", 80, true);
            required(errors, at + ".start", p.start(), "La date de début");
            required(errors, at + ".end", p.end(), "La date de fin");
            if (p.start() != null && p.end() != null && p.end().isBefore(p.start())) {
                errors.add(new FieldError(at + ".end", "La date de fin ne peut pas précéder la date de début."));
            }
        }
        Set<LocalDate> closed = new HashSet<>();
        for (int i = 0; i < conf.closures().size(); i++) {
            Closure c = conf.closures().get(i);
            String at = "closures[" + i + "]";
            if (required(errors, at + ".day", c.day(), "Le jour") && !closed.add(c.day())) {
                errors.add(new FieldError(at + ".day", "Le " + DAY.format(c.day()) + " est déjà indiqué comme jour de fermeture."));
            }
            text(errors, at + ".label", c.label(), "Le libellé", 120, true);
        }
        Set<String> activities = new HashSet<>();
        for (int i = 0; i < conf.activities().size(); i++) {
            activity(errors, "activities[" + i + "]", conf.activities().get(i), activities, establishments);
        }
        conf.legend().validate().forEach(m -> errors.add(new FieldError("legend", m)));
        for (DayState state : DayState.values()) {
            LegendEntry e = conf.legend().entry(state);
            if (e != null && e.label() != null && e.label().length() > 60) {
                errors.add(new FieldError("legend", "Le libellé de l'état " + state + " ne doit pas dépasser 60 caractères."));
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
        code(errors, at, a.code(), 40, codes, "une autre activité");
        text(errors, at + ".name", a.name(), "Le nom", 120, true);
        text(errors, at + ".description", a.description(), "La description", 1000, false);
        required(errors, at + ".type", a.type(), "Le type d'activité");
        if (a.establishment() != null && !establishments.contains(a.establishment())) {
            errors.add(new FieldError(at + ".establishment", "Aucun établissement n'a le code « " + a.establishment() + " »."));
        }
        age(errors, at + ".ages.min", a.minAge(), "minimum");
        age(errors, at + ".ages.max", a.maxAge(), "maximum");
        if (a.minAge() != null && a.maxAge() != null && a.minAge() > a.maxAge()) {
            errors.add(new FieldError(at + ".ages.max", "L'âge maximum ne peut pas être inférieur à l'âge minimum."));
        }
        Set<String> levels = new HashSet<>();
        for (int j = 0; j < a.levels().size(); j++) {
            String level = a.levels().get(j);
            if (!SchoolLevel.isCode(level)) {
                errors.add(new FieldError(at + ".levels[" + j + "]", "Niveau scolaire inconnu : « " + level
                        + " » (niveaux possibles : " + String.join(", ", SchoolLevel.codes()) + ")."));
            } else if (!levels.add(level)) {
                errors.add(new FieldError(at + ".levels[" + j + "]", "Le niveau " + level + " est indiqué deux fois."));
            }
        }
        deadline(errors, at + ".booking.deadline", a.bookingDeadline(), "Le délai de réservation");
        deadline(errors, at + ".booking.cancellation", a.cancellationDeadline(), "Le délai d'annulation");
        required(errors, at + ".booking.late", a.latePolicy(), "La règle des réservations hors délai");
        for (int j = 0; j < a.documents().size(); j++) {
            text(errors, at + ".documents[" + j + "]", a.documents().get(j), "Le libellé du document", 120, true);
        }
        Set<String> units = new HashSet<>();
        for (int j = 0; j < a.units().size(); j++) {
            unit(errors, at + ".units[" + j + "]", a.units().get(j), units);
        }
    }

    private static void unit(List<FieldError> errors, String at, Unit u, Set<String> codes) {
        code(errors, at, u.code(), 20, codes, "une autre unité de cette activité");
        text(errors, at + ".label", u.label(), "Le libellé", 60, true);
        if (u.start() != null && u.end() != null && !u.start().isBefore(u.end())) {
            errors.add(new FieldError(at + ".end", "L'heure de fin doit être après l'heure de début."));
        }
        if (u.capacity() < 0) {
            errors.add(new FieldError(at + ".capacity", "La capacité ne peut pas être négative."));
        }
        if (u.weekdays().isEmpty()) {
            errors.add(new FieldError(at + ".weekdays", "Indiquez au moins un jour de la semaine."));
        }
        Set<Integer> days = new HashSet<>();
        for (int k = 0; k < u.weekdays().size(); k++) {
            Integer day = u.weekdays().get(k);
            if (day < 1 || day > 7) {
                errors.add(new FieldError(at + ".weekdays[" + k + "]",
                        "Jour de la semaine invalide : " + day + " (de 1 = lundi à 7 = dimanche)."));
            } else if (!days.add(day)) {
                errors.add(new FieldError(at + ".weekdays[" + k + "]", "Le jour " + day + " est indiqué deux fois."));
            }
        }
    }

    private static void code(List<FieldError> errors, String at, String code, int max, Set<String> seen, String other) {
        if (required(errors, at + ".code", code, "Le code")) {
            if (code.length() > max || !CODE.matcher(code).matches()) {
                errors.add(new FieldError(at + ".code", "Le code « " + code + " » doit faire de 1 à " + max
                        + " caractères : lettres majuscules sans accent, chiffres, « _ » ou « - »."));
            } else if (!seen.add(code)) {
                errors.add(new FieldError(at + ".code", "Le code « " + code + " » est déjà utilisé par " + other + "."));
            }
        }
    }

    private static void text(List<FieldError> errors, String at, String value, String what, int max, boolean mandatory) {
        if (mandatory && !required(errors, at, value, what)) {
            return;
        }
        if (value != null && value.length() > max) {
            errors.add(new FieldError(at, what + " ne doit pas dépasser " + max + " caractères."));
        }
    }

    private static void age(List<FieldError> errors, String at, Integer age, String which) {
        if (age != null && (age < 0 || age > MAX_AGE)) {
            errors.add(new FieldError(at, "L'âge " + which + " doit être compris entre 0 et " + MAX_AGE + " ans."));
        }
    }

    private static void deadline(List<FieldError> errors, String at, String text, String what) {
        if (required(errors, at, text, what)) {
            try {
                DeadlineCodec.parse(text);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(at, e.getMessage()));
            }
        }
    }

    /** Whether the value is present (not null nor blank); records an error when it is not. */
    private static boolean required(List<FieldError> errors, String at, Object value, String what) {
        if (value == null || value instanceof String s && s.isBlank()) {
            errors.add(new FieldError(at, what + " est obligatoire."));
            return false;
        }
        return true;
    }
}
