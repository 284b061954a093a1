package fr.portailfamille.platform.billing;

import fr.portailfamille.billing.Attendance;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.DayEvent;
import fr.portailfamille.billing.FamilyFacts;
import fr.portailfamille.billing.PricedLine;
import fr.portailfamille.billing.Pricing;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.billing.Tariffs;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The price of a family's planning selection before "Confirmer", by the invoice's rules ({@link Pricing}:
 * QF bracket or maximum, residency, sibling rank in the month, late-booking surcharge): each booking's
 * price with its surcharge apart, and the total. An estimate: the invoice, made from what happens
 * (attendance, excused absences), is what the family pays. Pure.
 */
public final class SelectionEstimate implements Serializable {

    /**
     * A booking of the selection to price.
     *
     * @param key the selection's key of the unit-day
     * @param late whether it would be booked after the deadline (surcharged)
     * @param waiting whether it would go on the waiting list: priced, billed only if a seat frees, not in the total
     */
    public record Item(String key, String activity, String unit, LocalDate day, boolean late, boolean waiting)
            implements Serializable {

        /** A booking that takes a seat. */
        public Item(String key, String activity, String unit, LocalDate day, boolean late) {
            this(key, activity, unit, day, late, false);
        }
    }

    /**
     * A priced booking.
     *
     * @param priceCents the unit-day's price, {@code null} when no tariff is in force for it
     * @param surchargeCents the late-booking surcharge included in the price (0 when none)
     * @param label how the price was found, e.g. "Tranche T2 · Majoration hors délai +20 %"
     * @param bracketCode the QF bracket the price was found by, {@code null} without (maximum tariff, effort rate…)
     * @param waiting a day for the waiting list: its price is billed only if a seat frees (not in the total)
     */
    public record Line(String key, Long priceCents, long surchargeCents, String label, String bracketCode, boolean waiting)
            implements Serializable {

        public Long getPriceCents() { return priceCents; }
        public boolean isWaiting() { return waiting; }
        public long getSurchargeCents() { return surchargeCents; }
        public String getLabel() { return label; }
    }

    /**
     * The porte-monnaie that pays the selection when its activity's régie is paid in advance: each day is debited at
     * « Confirmer », a day put on the waiting list too (held, given back if no seat frees).
     *
     * @param availableCents what a booking may still take: the balance above the régie's floor
     */
    public record Prepaid(String regieLabel, boolean active, long availableCents) implements Serializable {
    }

    static final String LATE = "Majoration hors délai";

    private final Map<String, Line> lines;
    private final Prepaid prepaid;
    private final long totalCents;
    private final long surchargeCents;
    private final long waitingCents;
    private final boolean incomplete;

    private SelectionEstimate(Map<String, Line> lines, Prepaid prepaid) {
        this.lines = lines;
        this.prepaid = prepaid;
        // paid in advance, a waiting day is taken now as the others are: in the total
        java.util.function.Predicate<Line> taken = l -> prepaid != null || !l.waiting();
        this.totalCents = sum(lines, taken, Line::priceCents);
        this.surchargeCents = sum(lines, taken, Line::surchargeCents);
        this.waitingCents = sum(lines, Line::waiting, Line::priceCents);
        this.incomplete = lines.values().stream().anyMatch(l -> l.priceCents() == null);
    }

    private static long sum(Map<String, Line> lines, java.util.function.Predicate<Line> which, Function<Line, Long> amount) {
        return lines.values().stream().filter(which).map(amount).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).reduce(0, Math::addExact);
    }

    /** The same prices paid by porte-monnaie {@code wallet} at « Confirmer » (the waiting list's days in the total). */
    public SelectionEstimate paidFrom(Prepaid wallet) {
        return new SelectionEstimate(lines, wallet);
    }

    /** Whether a porte-monnaie pays the selection at « Confirmer ». */
    public boolean isPrepaid() { return prepaid != null; }

    /** The porte-monnaie's régie, {@code null} when the selection is invoiced after the fact. */
    public String getWalletLabel() { return prepaid == null ? null : prepaid.regieLabel(); }

    /** Whether the porte-monnaie that pays the selection is activated (else every day of it is refused). */
    public boolean isWalletActive() { return prepaid == null || prepaid.active(); }

    /**
     * What the porte-monnaie lacks to pay the total at « Confirmer » (0 when covered or invoiced after the fact): the
     * last days of the selection would be refused for it.
     */
    public long getShortfallCents() {
        return prepaid == null || !prepaid.active() ? 0 : Math.max(0, totalCents - Math.max(0, prepaid.availableCents()));
    }

    /**
     * Prices {@code items} for a child.
     *
     * @param rank the child's rank among the family's children billed in a month (1 = eldest)
     */
    public static SelectionEstimate of(BillingSettings settings, List<Tariff> tariffs, FamilyFacts facts,
            Function<YearMonth, Integer> rank, List<Item> items) {
        Map<String, Line> lines = new HashMap<>();
        for (Item i : items) {
            Optional<Tariff> tariff = Tariffs.inForce(tariffs, i.activity(), i.unit(), i.day());
            if (tariff.isEmpty()) {
                lines.put(i.key(), new Line(i.key(), null, 0, "Tarif non communiqué", null, i.waiting()));
                continue;
            }
            PricedLine p = Pricing.price(settings, tariff.get(), facts, rank.apply(YearMonth.from(i.day())),
                    new DayEvent(0, i.activity(), i.unit(), i.day(), true, i.late(), Attendance.PRESENT));
            long surcharge = p.applied().stream().filter(a -> a.label().startsWith(LATE)).mapToLong(PricedLine.Applied::deltaCents).sum();
            lines.put(i.key(), new Line(i.key(), p.unitPriceCents(), surcharge, p.label(), p.bracket(), i.waiting()));
        }
        return new SelectionEstimate(lines, null);
    }

    /** The line of a unit-day of the selection, {@code null} when not priced (a cancellation, a refusal). */
    public Line line(String key) {
        return lines.get(key);
    }

    public List<Line> lines() {
        return new ArrayList<>(lines.values());
    }

    /** The price of the bookings that take a seat (the waiting list's days apart, unless a porte-monnaie pays them). */
    public long getTotalCents() { return totalCents; }
    /** The late surcharges in {@link #getTotalCents()}. */
    public long getSurchargeCents() { return surchargeCents; }
    /** The price of the days that would go on the waiting list, billed only if a seat frees. */
    public long getWaitingCents() { return waitingCents; }
    /** Whether some booking has no tariff (the total leaves it out). */
    public boolean isIncomplete() { return incomplete; }
    public boolean isEmpty() { return lines.isEmpty(); }

    /** The ranks by month of a child among its siblings billed then ({@link fr.portailfamille.billing.Siblings#ranks}). */
    public static Function<YearMonth, Integer> ranks(Map<YearMonth, Integer> byMonth) {
        Map<YearMonth, Integer> copy = new HashMap<>(byMonth);
        return m -> copy.getOrDefault(m, 1);
    }
}
