package fr.portailfamille.configuration;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.documents.DocumentType;
import fr.portailfamille.messaging.InboxService;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * @param billing QF brackets, régies and tariffs; {@code null} when the file has no billing section (a
 *     file of format 1, or a commune that never configured billing): an import then leaves the
 *     commune's billing as it is
 * @param documentTypes the documents the commune asks families for (Mes documents); {@code null} when the file has
 *     no {@code documentTypes} key (an older file): an import then leaves the commune's types as they are
 * @param services the commune's services families write to (Boîte de réception); {@code null} when the file has no
 *     {@code services} key (an older file): an import then leaves the commune's services as they are
 */
public record CommuneConfiguration(String zone, String cgu, List<Establishment> establishments, List<Period> periods,
        List<Closure> closures, List<Activity> activities, Legend legend, BillingConfiguration billing,
        List<DocumentType> documentTypes, List<InboxService> services) {

    /** A configuration without services (an older file). */
    public CommuneConfiguration(String zone, String cgu, List<Establishment> establishments, List<Period> periods,
            List<Closure> closures, List<Activity> activities, Legend legend, BillingConfiguration billing,
            List<DocumentType> documentTypes) {
        this(zone, cgu, establishments, periods, closures, activities, legend, billing, documentTypes, null);
    }

    /** A configuration without document types (an older file). */
    public CommuneConfiguration(String zone, String cgu, List<Establishment> establishments, List<Period> periods,
            List<Closure> closures, List<Activity> activities, Legend legend, BillingConfiguration billing) {
        this(zone, cgu, establishments, periods, closures, activities, legend, billing, null);
    }

    /** A configuration without billing section. */
    public CommuneConfiguration(String zone, String cgu, List<Establishment> establishments, List<Period> periods,
            List<Closure> closures, List<Activity> activities, Legend legend) {
        this(zone, cgu, establishments, periods, closures, activities, legend, null);
    }

    public CommuneConfiguration {
        establishments = copy(establishments);
        periods = copy(periods);
        closures = copy(closures);
        activities = copy(activities);
        legend = legend == null ? Legend.defaults() : legend;
        documentTypes = documentTypes == null ? null : List.copyOf(documentTypes);
        services = services == null ? null : List.copyOf(services);
    }

    /** This configuration with other services ({@code null}: none in the file). */
    public CommuneConfiguration withServices(List<InboxService> services) {
        return new CommuneConfiguration(zone, cgu, establishments, periods, closures, activities, legend, billing,
                documentTypes, services);
    }

    /** This configuration with other document types ({@code null}: none in the file). */
    public CommuneConfiguration withDocumentTypes(List<DocumentType> documentTypes) {
        return new CommuneConfiguration(zone, cgu, establishments, periods, closures,
                renamedDocuments(this.documentTypes, documentTypes, activities), legend, billing, documentTypes, services);
    }

    /**
     * {@code activities} with the documents they ask for by a type's label renamed with it (same code, another label):
     * the activity keeps naming the type — its health flag, its validity in Mes documents — rather than a label nobody
     * has any more.
     */
    static List<Activity> renamedDocuments(List<DocumentType> before, List<DocumentType> after, List<Activity> activities) {
        if (before == null || after == null || activities == null) {
            return activities;
        }
        java.util.Map<String, String> relabel = new java.util.HashMap<>();
        for (DocumentType was : before) {
            for (DocumentType is : after) {
                if (was.code() != null && was.code().equals(is.code()) && was.label() != null && is.label() != null
                        && !was.label().strip().equalsIgnoreCase(is.label().strip())) {
                    relabel.put(was.label().strip().toLowerCase(java.util.Locale.ROOT), is.label().strip());
                }
            }
        }
        if (relabel.isEmpty()) {
            return activities;
        }
        return activities.stream().map(a -> a.withDocuments(a.documents().stream()
                .map(d -> relabel.getOrDefault(d.strip().toLowerCase(java.util.Locale.ROOT), d)).toList())).toList();
    }

    /** This configuration with other texts (zone, CGU). */
    public CommuneConfiguration withTexts(String zone, String cgu) {
        return new CommuneConfiguration(zone, cgu, establishments, periods, closures, activities, legend, billing, documentTypes, services);
    }

    /** This configuration with other establishments. */
    public CommuneConfiguration withEstablishments(List<Establishment> establishments) {
        return new CommuneConfiguration(zone, cgu, establishments, periods, closures, activities, legend, billing, documentTypes, services);
    }

    /** This configuration with another calendar (periods and closures). */
    public CommuneConfiguration withCalendar(List<Period> periods, List<Closure> closures) {
        return new CommuneConfiguration(zone, cgu, establishments, periods, closures, activities, legend, billing, documentTypes, services);
    }

    /**
     * This configuration with other activities; the billing no longer refers to activities or units
     * that are gone ({@link BillingConfiguration#keeping}).
     */
    public CommuneConfiguration withActivities(List<Activity> activities) {
        Map<String, Set<String>> units = new HashMap<>();
        copy(activities).forEach(a -> units.put(a.code(), a.units().stream().map(Unit::code).collect(Collectors.toSet())));
        return new CommuneConfiguration(zone, cgu, establishments, periods, closures, activities, legend,
                billing == null ? null : billing.keeping(units), documentTypes, services);
    }

    /**
     * This configuration with its calendar moved by whole years so that its (first) school year is the one of
     * {@code today}: the school year running that day, or the next one in the summer between two. Its periods and
     * closures move by as many years, a label's "2026-2027" with them. Unchanged without a school year. A calendar
     * written once (the default and demo ones) thus stays current: an expired school year would leave a new commune's
     * school-time activities with no day to book.
     */
    public CommuneConfiguration inSchoolYearOf(LocalDate today) {
        Period year = periods.stream().filter(p -> p.kind() == PeriodKind.ANNEE_SCOLAIRE)
                .min(java.util.Comparator.comparing(Period::start)).orElse(null);
        if (year == null) {
            return this;
        }
        int base = year.start().getYear();
        // the year started last on the school year's first day and month; once it has ended, the next one
        int shift = today.getYear() - base - (today.isBefore(year.start().withYear(today.getYear())) ? 1 : 0);
        if (today.isAfter(year.end().plusYears(shift))) {
            shift++;
        }
        if (shift == 0) {
            return this;
        }
        int by = shift;
        String was = base + "-" + (base + 1);
        String now = (base + by) + "-" + (base + by + 1);
        return withCalendar(periods.stream().map(p -> new Period(p.kind(), p.label().replace(was, now), p.start().plusYears(by),
                        p.end().plusYears(by))).toList(),
                closures.stream().map(c -> new Closure(c.day().plusYears(by), c.label())).toList());
    }

    /** This configuration with another legend. */
    public CommuneConfiguration withLegend(Legend legend) {
        return new CommuneConfiguration(zone, cgu, establishments, periods, closures, activities, legend, billing, documentTypes, services);
    }

    /** This configuration with another billing section ({@code null}: none). */
    public CommuneConfiguration withBilling(BillingConfiguration billing) {
        return new CommuneConfiguration(zone, cgu, establishments, periods, closures, activities, legend, billing, documentTypes, services);
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
        public boolean holidayOnly() {
            return this == ALSH_VACANCES || this == SEJOUR;
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
     * @param levels school levels accepted ({@link SchoolLevel} codes); empty: every level
     * @param runsInHolidays whether it runs during school holidays
     * @param bookingDeadline {@link fr.portailfamille.booking.DeadlineCodec} text, e.g. {@code J-2@23:59}
     * @param cancellationDeadline {@link fr.portailfamille.booking.DeadlineCodec} text
     * @param latePolicy what happens to a booking made after the booking deadline
     * @param needsValidation whether an agent validates each booking
     * @param documents labels of the documents asked at registration, in order
     * @param units the bookable parts of a day
     * @param lastDay the last day it runs ({@code null}: it runs on): none of its units runs after it, and no new
     *                registration is taken once it has passed
     */
    public record Activity(String code, String name, String description, ActivityType type, String establishment,
            Integer minAge, Integer maxAge, List<String> levels, boolean runsInHolidays, String bookingDeadline,
            String cancellationDeadline, LatePolicy latePolicy, boolean needsValidation, List<String> documents,
            List<Unit> units, LocalDate lastDay) {

        public Activity {
            levels = copy(levels);
            documents = copy(documents);
            units = copy(units);
        }

        /** An activity that runs on (no last day). */
        public Activity(String code, String name, String description, ActivityType type, String establishment,
                        Integer minAge, Integer maxAge, List<String> levels, boolean runsInHolidays, String bookingDeadline,
                        String cancellationDeadline, LatePolicy latePolicy, boolean needsValidation, List<String> documents,
                        List<Unit> units) {
            this(code, name, description, type, establishment, minAge, maxAge, levels, runsInHolidays, bookingDeadline,
                    cancellationDeadline, latePolicy, needsValidation, documents, units, null);
        }

        /** This activity asking for other documents at registration. */
        public Activity withDocuments(List<String> documents) {
            return new Activity(code, name, description, type, establishment, minAge, maxAge, levels, runsInHolidays,
                    bookingDeadline, cancellationDeadline, latePolicy, needsValidation, documents, units, lastDay);
        }

        /** Whether it no longer takes registrations on {@code today}: its last day has passed. */
        public boolean endedBy(LocalDate today) {
            return lastDay != null && lastDay.isBefore(today);
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
