package fr.portailfamille.booking;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The eleven national public holidays of France (jours fériés, Code du travail L3133-1).
 *
 * <p>Local extra holidays (Good Friday and 26 December in Alsace-Moselle, abolition of slavery days
 * overseas) are not included: a commune adds them to its {@link CommuneCalendar}.
 */
public final class FrenchPublicHolidays {

    /** One public holiday: its date and its French name. */
    public record PublicHoliday(LocalDate date, String name) {
    }

    private FrenchPublicHolidays() {
    }

    /**
     * The eleven public holidays of {@code year}, sorted by date. The list always has eleven
     * entries, even when two holidays fall on the same day (Ascension on 1 May in 2008).
     */
    public static List<PublicHoliday> of(int year) {
        LocalDate easter = easterSunday(year);
        List<PublicHoliday> days = new ArrayList<>(List.of(
                new PublicHoliday(LocalDate.of(year, Month.JANUARY, 1), "Jour de l'an"),
                new PublicHoliday(easter.plusDays(1), "Lundi de Pâques"),
                new PublicHoliday(LocalDate.of(year, Month.MAY, 1), "Fête du Travail"),
                new PublicHoliday(LocalDate.of(year, Month.MAY, 8), "Victoire 1945"),
                new PublicHoliday(easter.plusDays(39), "Ascension"),
                new PublicHoliday(easter.plusDays(50), "Lundi de Pentecôte"),
                new PublicHoliday(LocalDate.of(year, Month.JULY, 14), "Fête nationale"),
                new PublicHoliday(LocalDate.of(year, Month.AUGUST, 15), "Assomption"),
                new PublicHoliday(LocalDate.of(year, Month.NOVEMBER, 1), "Toussaint"),
                new PublicHoliday(LocalDate.of(year, Month.NOVEMBER, 11), "Armistice 1918"),
                new PublicHoliday(LocalDate.of(year, Month.DECEMBER, 25), "Noël")));
        days.sort(Comparator.comparing(PublicHoliday::date));
        return List.copyOf(days);
    }

    /** The dates of the public holidays of {@code year} (ten of them in the years two coincide). */
    public static Set<LocalDate> datesOf(int year) {
        Set<LocalDate> dates = new LinkedHashSet<>();
        of(year).forEach(h -> dates.add(h.date()));
        return Set.copyOf(dates);
    }

    /** The dates of the public holidays of every year from {@code fromYear} to {@code toYear}, included. */
    public static Set<LocalDate> datesOf(int fromYear, int toYear) {
        Set<LocalDate> dates = new LinkedHashSet<>();
        for (int y = fromYear; y <= toYear; y++) {
            dates.addAll(datesOf(y));
        }
        return Set.copyOf(dates);
    }

    /**
     * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
     */
    public static LocalDate easterSunday(int year) {
        if (year < 1583) {
            throw new IllegalArgumentException("Calendrier grégorien uniquement (à partir de 1583) : " + year);
        }
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
