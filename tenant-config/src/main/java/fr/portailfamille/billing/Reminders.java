package fr.portailfamille.billing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;

/**
 * When an unpaid invoice is reminded (relance): the commune configures delays in days after the due
 * date (e.g. 15 and 45), level {@code n} being the {@code n}-th delay. Each level is sent once; a level
 * is due once its delay has passed and no level as high was sent. When several are due at once (the job
 * did not run for weeks), only the highest is sent: a family receives one reminder, the latest.
 */
public final class Reminders {

    private Reminders() {
    }

    /** Days past the due date on {@code today} (0 before or on it; 0 without a due date). */
    public static long daysLate(LocalDate dueDate, LocalDate today) {
        return dueDate == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
    }

    /**
     * The level to send today, if any.
     *
     * @param delays      the configured delays in days after the due date, increasing
     * @param highestSent the highest level already sent for the invoice (0: none)
     */
    public static OptionalInt levelDue(LocalDate dueDate, LocalDate today, List<Integer> delays, int highestSent) {
        long late = daysLate(dueDate, today);
        int due = 0;
        for (int i = 0; i < delays.size(); i++) {
            if (late >= delays.get(i) && delays.get(i) > 0) {
                due = i + 1;
            }
        }
        return due > highestSent ? OptionalInt.of(due) : OptionalInt.empty();
    }
}
