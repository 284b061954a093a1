package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Reminders at 15 and 45 days after the due date, each level once, the highest when several are due. */
class RemindersTest {

    static final LocalDate DUE = LocalDate.of(2026, 11, 30);
    static final List<Integer> DELAYS = List.of(15, 45);

    @Test
    void aLevelIsDueOnceItsDelayHasPassedAndSentOnce() {
        assertEquals(OptionalInt.empty(), Reminders.levelDue(DUE, DUE, DELAYS, 0));
        assertEquals(OptionalInt.empty(), Reminders.levelDue(DUE, DUE.plusDays(14), DELAYS, 0));
        assertEquals(OptionalInt.of(1), Reminders.levelDue(DUE, DUE.plusDays(15), DELAYS, 0));
        // sent: not again
        assertEquals(OptionalInt.empty(), Reminders.levelDue(DUE, DUE.plusDays(30), DELAYS, 1));
        assertEquals(OptionalInt.of(2), Reminders.levelDue(DUE, DUE.plusDays(45), DELAYS, 1));
        assertEquals(OptionalInt.empty(), Reminders.levelDue(DUE, DUE.plusDays(400), DELAYS, 2));
    }

    @Test
    void whenSeveralAreDueOnlyTheHighestIsSent() {
        assertEquals(OptionalInt.of(2), Reminders.levelDue(DUE, DUE.plusDays(60), DELAYS, 0));
    }

    @Test
    void noDelaysOrNoDueDateNoReminder() {
        assertEquals(OptionalInt.empty(), Reminders.levelDue(DUE, DUE.plusDays(100), List.of(), 0));
        assertEquals(OptionalInt.empty(), Reminders.levelDue(null, DUE.plusDays(100), DELAYS, 0));
        assertEquals(0L, Reminders.daysLate(DUE, DUE.minusDays(3)));
        assertEquals(31L, Reminders.daysLate(DUE, LocalDate.of(2026, 12, 31)));
    }
}
