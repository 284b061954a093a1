package fr.portailfamille.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * Days of one child and unit that have the same price: {@code line} is the price of the first of them (its
 * event's day), and every day of {@code days} costs the same, with the same label, bracket and anomalies. A
 * régie's drafts price such runs of days once each ({@link DraftReader}), not each day.
 *
 * @param line the price of the first day
 * @param days the days, each at {@code line}'s price
 */
public record PricedDays(PricedLine line, List<LocalDate> days) {

    public PricedDays {
        days = List.copyOf(days);
    }

    /** One day priced. */
    public static PricedDays of(PricedLine line) {
        return new PricedDays(line, List.of(line.event().day()));
    }
}
