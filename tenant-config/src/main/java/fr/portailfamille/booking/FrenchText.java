package fr.portailfamille.booking;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** French formatting of dates and times for user-facing texts (and, as arguments of a text, in any language). */
final class FrenchText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRENCH);
    private static final DateTimeFormatter DAY_WITH_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.FRENCH);

    private FrenchText() {
    }

    /** {@code 23h59}, {@code 7h15}. */
    static String time(LocalTime t) {
        return t.getHour() + "h" + String.format(Locale.ROOT, "%02d", t.getMinute());
    }

    /** {@code mardi}. */
    static String weekday(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.FRENCH);
    }

    /** {@code mardi 1 décembre}, with the year only when it is not the year of {@code today}. */
    static String day(LocalDate day, LocalDate today) {
        return (day.getYear() == today.getYear() ? DAY : DAY_WITH_YEAR).format(day);
    }

    /** {@code mardi 1 décembre à 23h59}, with the year only when it is not the year of {@code today}. */
    static String dateTime(LocalDateTime at, LocalDate today) {
        return day(at.toLocalDate(), today) + " à " + time(at.toLocalTime());
    }

    /** {@link #time} as an argument of a text, in the reader's language ({@code 23h59}, {@code 23:59}). */
    static Message timeText(LocalTime t) {
        return Problems.dateTime("format.time", t);
    }

    /**
     * {@link #dateTime} as an argument of a text, in the reader's language ({@code mardi 1 décembre à 23h59},
     * {@code Tuesday 1 December at 23:59}).
     */
    static Message dateTimeText(LocalDateTime at, LocalDate today) {
        return Problems.dateTime(at.getYear() == today.getYear() ? "format.dayAndTime" : "format.dayYearAndTime", at);
    }
}
