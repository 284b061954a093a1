package fr.portailfamille.platform.news;

import fr.portailfamille.platform.kernel.PlatformTime;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates of news as pages write them, in the commune's time zone (Europe/Paris), the day in words in the page's language. */
public final class NewsDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH'h'mm", Locale.FRENCH);

    private NewsDates() {
    }

    /** "2 décembre 2026", "2 December 2026": the day in words in {@code locale}; empty for none. */
    public static String day(OffsetDateTime t, Locale locale) {
        return t == null ? "" : DAY.withLocale(locale).format(t.atZoneSameInstant(PlatformTime.ZONE));
    }

    /** "02/12/2026 10h30"; empty for none. */
    public static String dayTime(OffsetDateTime t) {
        return t == null ? "" : DAY_TIME.format(t.atZoneSameInstant(PlatformTime.ZONE));
    }

    /** A date-time typed on a page (the commune's local time) as an instant; null stays null. */
    public static OffsetDateTime of(LocalDateTime local) {
        return local == null ? null : local.atZone(PlatformTime.ZONE).toOffsetDateTime();
    }

    /** An instant as the page's local date-time; null stays null. */
    public static LocalDateTime local(OffsetDateTime t) {
        return PlatformTime.local(t);
    }
}
