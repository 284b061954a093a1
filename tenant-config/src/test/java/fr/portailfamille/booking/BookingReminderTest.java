package fr.portailfamille.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Booking-deadline reminders: usual bookers, the coming period, its deadline, the French sentence. */
class BookingReminderTest {

    private static final CommuneCalendar CAL = CommuneCalendar.french(2026, 2027, Set.of(), List.of());
    private static final Deadline TUESDAY = new Deadline.WeeklyCutoff(DayOfWeek.TUESDAY, LocalTime.of(23, 59));
    private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek().getValue() <= 5 && !CAL.isPublicHoliday(d);
    /** Mondays of November 2026: 2, 9, 16, 23. */
    private static final List<LocalDate> USUAL = List.of(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 10),
            LocalDate.of(2026, 11, 23));

    private static Optional<BookingReminder.Due> at(LocalDateTime now, List<LocalDate> booked) {
        return BookingReminder.due(now, TUESDAY, CAL, WEEKDAYS, booked);
    }

    @Test
    void aUsualBookerIsRemindedBeforeTheWeeklyCutoff() {
        BookingReminder.Due due = at(LocalDateTime.of(2026, 11, 30, 8, 0), USUAL).orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 7), due.periodStart());
        assertEquals(LocalDateTime.of(2026, 12, 1, 23, 59), due.closesAt());
        assertEquals("Les réservations de la semaine prochaine ferment demain à 23h59", due.text());
        assertEquals("Les réservations de la semaine prochaine ferment aujourd'hui à 23h59",
                at(LocalDateTime.of(2026, 12, 1, 20, 0), USUAL).orElseThrow().text());
    }

    @Test
    void onSundayTheWeekAfterTomorrowIsNamedByItsDate() {
        // Sunday 29 November: the week starting tomorrow closed on 24 November; the next one closes on Tuesday
        assertEquals("Les réservations de la semaine du 7 décembre ferment mardi à 23h59",
                at(LocalDateTime.of(2026, 11, 29, 8, 0), USUAL).orElseThrow().text());
    }

    @Test
    void notTooEarlyAndNeverAfterTheDeadline() {
        assertTrue(at(LocalDateTime.of(2026, 11, 28, 8, 0), USUAL).isEmpty(), "mardi 23h59 : plus de 3 jours");
        assertTrue(at(LocalDateTime.of(2026, 12, 2, 0, 0), USUAL).isEmpty(), "fermé depuis minuit : rien");
        assertTrue(at(LocalDateTime.of(2026, 12, 1, 23, 59, 30), USUAL).isPresent(), "la minute limite est encore permise");
    }

    @Test
    void onlyUsualBookersWhoHaveNotBookedYet() {
        LocalDateTime monday = LocalDateTime.of(2026, 11, 30, 8, 0);
        assertTrue(at(monday, List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24))).isEmpty(),
                "une seule semaine sur quatre");
        assertTrue(at(monday, List.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 23))).isEmpty(),
                "le 2 novembre est hors des quatre semaines avant le 7 décembre");
        assertTrue(at(monday, List.of()).isEmpty());
        List<LocalDate> alreadyBooked = new java.util.ArrayList<>(USUAL);
        alreadyBooked.add(LocalDate.of(2026, 12, 10));
        assertTrue(at(monday, alreadyBooked).isEmpty(), "la semaine est déjà réservée");
        assertTrue(BookingReminder.usualBooker(USUAL, LocalDate.of(2026, 12, 7)));
        assertFalse(BookingReminder.booked(USUAL, LocalDate.of(2026, 12, 7)));
    }

    @Test
    void aWeekWithoutRunningDaysIsSkippedAndDaysBeforeDeadlinesUseTheFirstRunningDay() {
        // J-2 at 10:00, the activity runs on Wednesdays only: Wednesday 9 December closes Monday 7 at 10:00
        Deadline j2 = new Deadline.DaysBefore(2, LocalTime.of(10, 0));
        Predicate<LocalDate> wednesdays = d -> d.getDayOfWeek() == DayOfWeek.WEDNESDAY;
        List<LocalDate> booked = List.of(LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 25));
        BookingReminder.Due due = BookingReminder.due(LocalDateTime.of(2026, 12, 5, 9, 0), j2, CAL, wednesdays, booked)
                .orElseThrow();
        assertEquals(LocalDateTime.of(2026, 12, 7, 10, 0), due.closesAt());
        assertEquals("Les réservations de la semaine prochaine ferment lundi à 10h00", due.text());
        // a holiday week with no running day: nothing to remind
        Predicate<LocalDate> closedNextWeek = d -> wednesdays.test(d) && !d.equals(LocalDate.of(2026, 12, 9));
        assertTrue(BookingReminder.due(LocalDateTime.of(2026, 12, 5, 9, 0), j2, CAL, closedNextWeek, booked).isEmpty());
    }
}
