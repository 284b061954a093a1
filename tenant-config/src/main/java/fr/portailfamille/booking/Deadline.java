package fr.portailfamille.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A booking or cancellation deadline, in one of the three forms communes use.
 *
 * <p>{@link #limitFor} gives the last moment a request for a day is allowed, in the commune's local
 * time. Deadlines are set to the minute and the whole limit minute is allowed: with a limit of
 * 23:59, a request at 23:59:59 is on time, one at 00:00 the next day is late (see {@link #allows}).
 */
public sealed interface Deadline {

    /** The last moment (commune local time) a request for {@code day} is allowed. */
    LocalDateTime limitFor(LocalDate day, CommuneCalendar cal);

    /** The deadline in French, as shown to parents: {@code 2 jours ouvrés avant, 10h00}. */
    String describe();

    /** The deadline in words, to be read in any language ({@code 2 jours ouvrés avant, 10h00}; "2 working days before, 10:00"). */
    fr.portailfamille.problems.Message text();

    /** The time of a deadline in the reader's language. */
    private static fr.portailfamille.problems.Message time(LocalTime at) {
        return fr.portailfamille.problems.Problems.dateTime("format.time", at);
    }

    /** Whether a request made at {@code now} for {@code day} meets this deadline (limit minute included). */
    default boolean allows(LocalDateTime now, LocalDate day, CommuneCalendar cal) {
        LocalDateTime firstLateMoment = limitFor(day, cal).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        return now.isBefore(firstLateMoment);
    }

    /**
     * "J-n à HH:MM" in calendar days: with {@code DaysBefore(2, 23:59)}, bookings for a Thursday close
     * on the Tuesday at 23:59. {@code days = 0} means the same day at {@code at}.
     */
    record DaysBefore(int days, LocalTime at) implements Deadline {
        public DaysBefore {
            requireValid(days, at);
        }

        @Override
        public LocalDateTime limitFor(LocalDate day, CommuneCalendar cal) {
            return day.minusDays(days).atTime(at);
        }

        @Override
        public String describe() {
            String when = switch (days) {
                case 0 -> "le jour même";
                case 1 -> "la veille";
                default -> days + " jours avant";
            };
            return when + ", " + FrenchText.time(at);
        }

        @Override
        public fr.portailfamille.problems.Message text() {
            return switch (days) {
                case 0 -> fr.portailfamille.problems.Problems.of("deadline.sameDay", Deadline.time(at));
                case 1 -> fr.portailfamille.problems.Problems.of("deadline.dayBefore", Deadline.time(at));
                default -> fr.portailfamille.problems.Problems.of("deadline.daysBefore", days, Deadline.time(at));
            };
        }
    }

    /**
     * "J-n jours ouvrés": counts {@code days} working days backwards from the day, skipping weekends
     * and public holidays ({@link CommuneCalendar#isWorkingDay}); closures and school holidays are
     * still counted as working days (the town hall works). For a Monday with 2 working days at 10:00,
     * the limit is the previous Thursday at 10:00; for the Tuesday after Easter Monday, the previous
     * Thursday too. {@code days = 0} means the day itself at {@code at}, whatever it is.
     */
    record WorkingDaysBefore(int days, LocalTime at) implements Deadline {
        public WorkingDaysBefore {
            requireValid(days, at);
        }

        @Override
        public LocalDateTime limitFor(LocalDate day, CommuneCalendar cal) {
            LocalDate d = day;
            int counted = 0;
            while (counted < days) {
                d = d.minusDays(1);
                if (cal.isWorkingDay(d)) {
                    counted++;
                }
            }
            return d.atTime(at);
        }

        @Override
        public String describe() {
            if (days == 0) {
                return "le jour même, " + FrenchText.time(at);
            }
            return days + (days == 1 ? " jour ouvré avant, " : " jours ouvrés avant, ") + FrenchText.time(at);
        }

        @Override
        public fr.portailfamille.problems.Message text() {
            return switch (days) {
                case 0 -> fr.portailfamille.problems.Problems.of("deadline.sameDay", Deadline.time(at));
                case 1 -> fr.portailfamille.problems.Problems.of("deadline.workingDayBefore", Deadline.time(at));
                default -> fr.portailfamille.problems.Problems.of("deadline.workingDaysBefore", days, Deadline.time(at));
            };
        }
    }

    /**
     * "mardi 23h59 pour la semaine suivante": a request for any day of a week (Monday to Sunday) must
     * be made by {@code weekday} at {@code at} of the week before. With Tuesday 23:59, bookings for
     * Wednesday 9 December 2026 (week of Monday 7 December) close on Tuesday 1 December 2026 at 23:59.
     */
    record WeeklyCutoff(DayOfWeek weekday, LocalTime at) implements Deadline {
        public WeeklyCutoff {
            Objects.requireNonNull(weekday, "weekday");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public LocalDateTime limitFor(LocalDate day, CommuneCalendar cal) {
            LocalDate mondayOfPreviousWeek = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
            return mondayOfPreviousWeek.with(TemporalAdjusters.nextOrSame(weekday)).atTime(at);
        }

        @Override
        public String describe() {
            return FrenchText.weekday(weekday) + " " + FrenchText.time(at) + " pour la semaine suivante";
        }

        @Override
        public fr.portailfamille.problems.Message text() {
            // the weekday's name in the reader's language: a date that falls on it (1 January 2024 was a Monday)
            return fr.portailfamille.problems.Problems.of("deadline.weekly", fr.portailfamille.problems.Problems.dateTime(
                    "format.weekday", LocalDate.of(2024, 1, 1).plusDays(weekday.getValue() - 1L)), Deadline.time(at));
        }
    }

    private static void requireValid(int days, LocalTime at) {
        Objects.requireNonNull(at, "at");
        if (days < 0) {
            throw new IllegalArgumentException("Le nombre de jours d'un délai ne peut pas être négatif : " + days);
        }
    }
}
