package fr.portailfamille.platform.kernel;

import fr.portailfamille.booking.CommuneZone;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The platform's time zone and clock, the one place "now" and "today" are read from: the communes' zone
 * ({@link CommuneZone#ZONE}, Europe/Paris), whatever the process's default zone (UTC on most servers).
 *
 * <p>One zone for all communes: communes of mainland France. Overseas communes would need a zone per commune; that is
 * not yet supported. Services keep a field {@code Clock clock = PlatformTime.clock();} that tests replace, and read
 * their day with {@link #today(Clock)} and {@link #now(Clock)}: a clock of any zone gives the platform zone's day.
 */
public final class PlatformTime {

    /** The platform's time zone: Europe/Paris. */
    public static final ZoneId ZONE = CommuneZone.ZONE;

    /** {@link #ZONE} as an SQL literal, for {@code at time zone}: {@code 'Europe/Paris'}. */
    public static final String SQL_ZONE = "'" + ZONE.getId() + "'";

    private PlatformTime() {
    }

    /** The system clock in {@link #ZONE}. */
    public static Clock clock() {
        return Clock.system(ZONE);
    }

    /** Today in {@link #ZONE}. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The day of {@code clock}'s instant in {@link #ZONE}, whatever the clock's own zone. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The date and time now in {@link #ZONE}. */
    public static LocalDateTime now() {
        return LocalDateTime.now(ZONE);
    }

    /** The date and time of {@code clock}'s instant in {@link #ZONE}, whatever the clock's own zone. */
    public static LocalDateTime now(Clock clock) {
        return LocalDateTime.ofInstant(clock.instant(), ZONE);
    }

    /**
     * {@code at} as a date and time in {@link #ZONE}, whatever offset it was read with (an instant read from PostgreSQL
     * by JDBC carries UTC's); null stays null.
     */
    public static LocalDateTime local(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ZONE).toLocalDateTime();
    }

    /** The day of {@code at} in {@link #ZONE} (23:30 UTC on 31 December is 1 January); null stays null. */
    public static LocalDate day(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ZONE).toLocalDate();
    }

    /** {@code instant} with the offset of {@link #ZONE} at that instant (the same instant). */
    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
