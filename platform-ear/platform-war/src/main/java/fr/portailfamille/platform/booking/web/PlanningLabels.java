package fr.portailfamille.platform.booking.web;

import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Days and months of "Mon planning" in words, in the page's language (French first, English when the
 * browser asks for it): "mardi 8 septembre", "septembre 2026", the weekday columns.
 */
@Named
@ApplicationScoped
public class PlanningLabels {

    /**
     * The month of {@code mois} ("2026-09"), this month when absent or malformed; at most the last month that may be
     * booked ({@link fr.portailfamille.booking.BookingRules#HORIZON_YEARS} ahead: the calendar beyond is not known).
     */
    public static YearMonth month(String mois) {
        YearMonth now = YearMonth.now(PlatformTime.ZONE);
        try {
            YearMonth asked = mois == null ? now : YearMonth.parse(mois);
            YearMonth last = now.plusYears(fr.portailfamille.booking.BookingRules.HORIZON_YEARS);
            return asked.isAfter(last) ? last : asked;
        } catch (DateTimeParseException e) {
            return now;
        }
    }

    /** "mardi 8 septembre 2026". */
    public String fullDay(LocalDate day) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale()).format(day);
    }

    /** "mardi 8 septembre": the start of a cell's accessible name. */
    public String dayMonth(LocalDate day) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM", locale()).format(day);
    }

    /** "mardi 8". */
    public String dayLabel(LocalDate day) {
        return day(day);
    }

    /** "mardi 8", for the beans' messages. */
    static String day(LocalDate day) {
        return DateTimeFormatter.ofPattern("EEEE d", locale()).format(day);
    }

    /** "septembre 2026". */
    public String monthLabel(YearMonth month) {
        return DateTimeFormatter.ofPattern("MMMM yyyy", locale()).format(month);
    }

    /** "Mardi". */
    public String weekdayLabel(DayOfWeek d) {
        String s = d.getDisplayName(TextStyle.FULL, locale());
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "mar.", the column heading on a phone. */
    public String weekdayShort(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, locale());
    }

    /** A legend label as it follows a colon in a sentence: "Réservable" → "réservable". */
    public String lower(String label) {
        return label == null || label.isEmpty() ? "" : label.substring(0, 1).toLowerCase(locale()) + label.substring(1);
    }

    /** The page's language ({@link Texts#locale}). */
    static Locale locale() {
        return Texts.locale();
    }
}
