package fr.portailfamille.configuration;

import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.booking.Legend;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Everything a commune sets up for its families, as one value: what {@link ConfigurationJson} reads and
 * writes and {@link ConfigurationStore} imports into and exports from a commune schema. Values are not
 * checked when built, so that {@link ConfigurationRules#validate} can list every problem at once; lists
 * are unmodifiable copies ({@code null} gives an empty list).
 *
 * @param zone school holidays zone {@code A}, {@code B} or {@code C}; {@code null} when not set
 * @param cgu conditions générales d'utilisation accepted at activity registration; {@code null} when none
 * @param establishments schools and accueils, by code
 * @param periods school years and school holidays
 * @param closures days every accueil of the commune is closed
 * @param activities what families book
 * @param legend labels and colours of the calendar states ({@code null} gives {@link Legend#defaults()})
 */
public record CommuneConfiguration(String zone, String cgu, List<Establishment> establishments, List<Period> periods,
        List<Closure> closures, List<Activity> activities, Legend legend) {

    public CommuneConfiguration {
        establishments = copy(establishments);
        periods = copy(periods);
        closures = copy(closures);
        activities = copy(activities);
        legend = legend == null ? Legend.defaults() : legend;
    }

    /** Kind of establishment ({@code establishment.kind}). */
    public enum EstablishmentKind {
        ECOLE_MATERNELLE, ECOLE_ELEMENTAIRE, ECOLE_PRIMAIRE, ACCUEIL_LOISIRS, RESTAURANT_SCOLAIRE, AUTRE
    }

    /** Kind of calendar period ({@code calendar_period.kind}). */
    public enum PeriodKind {
        /** School year: the days school-time activities run. */
        ANNEE_SCOLAIRE,
        /** School holidays of the commune's zone. */
        VACANCES
    }

    /** Type of activity ({@code activity.type}). */
    public enum ActivityType {
        PERISCOLAIRE, RESTAURATION, MERCREDI, ALSH_VACANCES, SEJOUR, SPORT;

        /** Whether activities of this type run during school holidays only (ALSH vacances, séjours). */
        public boolean isHolidayOnly() {
            return this == ALSH_VACANCES || this == SEJOUR;
        }

        /** {@link #isHolidayOnly()} of an {@code activity.type} value; false for an unknown one. */
        public static boolean holidayOnly(String type) {
            for (ActivityType t : values()) {
                if (t.name().equals(type)) {
                    return t.isHolidayOnly();
                }
            }
            return false;
        }
    }

    /**
     * A school or accueil.
     *
     * @param code unique code, {@code [A-Z0-9_-]{1,40}}
     * @param address postal address, {@code null} when unknown
     */
    public record Establishment(String code, String name, EstablishmentKind kind, String address) {
    }

    /** A school year or school holidays, both days included. */
    public record Period(PeriodKind kind, String label, LocalDate start, LocalDate end) {
    }

    /** A day every accueil of the commune is closed. */
    public record Closure(LocalDate day, String label) {
    }

    /**
     * An activity families register their children to and book.
     *
     * @param code unique code, {@code [A-Z0-9_-]{1,40}}
     * @param description shown to families, {@code null} when none
     * @param establishment code of the establishment it takes place in, {@code null} when none
     * @param minAge youngest age accepted, {@code null} when no limit
     * @param maxAge oldest age accepted, {@code null} when no limit
     * @param levels school levels accepted ({@link ConfigurationRules#LEVELS}); empty: every level
     * @param runsInHolidays whether it runs during school holidays
     * @param bookingDeadline {@link fr.portailfamille.booking.DeadlineCodec} text, e.g. {@code J-2@23:59}
     * @param cancellationDeadline {@link fr.portailfamille.booking.DeadlineCodec} text
     * @param latePolicy what happens to a booking made after the booking deadline
     * @param needsValidation whether an agent validates each booking
     * @param documents labels of the documents asked at registration, in order
     * @param units the bookable parts of a day
     */
    public record Activity(String code, String name, String description, ActivityType type, String establishment,
            Integer minAge, Integer maxAge, List<String> levels, boolean runsInHolidays, String bookingDeadline,
            String cancellationDeadline, LatePolicy latePolicy, boolean needsValidation, List<String> documents,
            List<Unit> units) {

        public Activity {
            levels = copy(levels);
            documents = copy(documents);
            units = copy(units);
        }
    }

    /**
     * A bookable part of an activity's day, with its own capacity.
     *
     * @param code unique within the activity, {@code [A-Z0-9_-]{1,20}}
     * @param start start time, {@code null} when not shown
     * @param end end time, {@code null} when not shown
     * @param weekdays ISO days it runs (1 = Monday … 7 = Sunday)
     */
    public record Unit(String code, String label, LocalTime start, LocalTime end, int capacity, List<Integer> weekdays) {

        public Unit {
            weekdays = copy(weekdays);
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
