package fr.portailfamille.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The days that matter to a commune's bookings: its public holidays (jours fériés), its closures
 * (accueil fermé: bridge days, strikes, works…) and the school holidays of its zone.
 *
 * @param publicHolidays public holidays, usually {@link FrenchPublicHolidays#datesOf(int, int)} plus
 *     local ones
 * @param closures days the commune's accueils are closed
 * @param schoolHolidays school holiday ranges of the commune's zone, with their labels
 */
public record CommuneCalendar(Set<LocalDate> publicHolidays, Set<LocalDate> closures, List<DateRange> schoolHolidays) {

    public CommuneCalendar {
        publicHolidays = Set.copyOf(Objects.requireNonNull(publicHolidays, "publicHolidays"));
        closures = Set.copyOf(Objects.requireNonNull(closures, "closures"));
        schoolHolidays = List.copyOf(Objects.requireNonNull(schoolHolidays, "schoolHolidays"));
    }

    /**
     * A calendar with the French public holidays of {@code fromYear} to {@code toYear} (included)
     * and the given closures and school holidays.
     */
    public static CommuneCalendar french(int fromYear, int toYear, Set<LocalDate> closures,
            List<DateRange> schoolHolidays) {
        return new CommuneCalendar(FrenchPublicHolidays.datesOf(fromYear, toYear), closures, schoolHolidays);
    }

    /** Monday to Friday and not a public holiday. Closures and school holidays are still working days. */
    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isPublicHoliday(day);
    }

    public boolean isPublicHoliday(LocalDate day) {
        return publicHolidays.contains(day);
    }

    public boolean isClosed(LocalDate day) {
        return closures.contains(day);
    }

    /** The school holiday range containing {@code day} (the first one listed if ranges overlap). */
    public Optional<DateRange> holidayOf(LocalDate day) {
        return schoolHolidays.stream().filter(r -> r.contains(day)).findFirst();
    }

    public boolean isSchoolHoliday(LocalDate day) {
        return holidayOf(day).isPresent();
    }
}
