package fr.portailfamille.platform.booking;

/**
 * Whether a child's unit-day is on an issued invoice, as SQL: the invoicing run records each billed day as a bit of its
 * child's unit-month ({@code billed_month}: bit d - 1 for day d); a day billed is never billed again, nor taken back
 * by a booking's change. The one place that reads the bit, for the closures, the late certificates, the pointage and
 * the months to run again (billing's {@code DraftInvoices.refusedAfterRun}).
 */
public final class BilledDays {

    private BilledDays() {
    }

    /**
     * {@code exists (…)}: the unit-day of {@code child} and {@code unit} is billed, its month's first day
     * {@code month} and its day of the month {@code dayOfMonth} (each an SQL expression or parameter, e.g.
     * {@code "b.child_id"}, {@code "?3"}).
     */
    public static String billed(String child, String unit, String month, String dayOfMonth) {
        return "exists (select 1 from billed_month m where m.child_id = " + child + " and m.unit_id = " + unit
                + " and m.month = " + month + " and (m.days & (1 << (" + dayOfMonth + " - 1))) <> 0)";
    }
}
