package fr.portailfamille.billing.wallet;

import fr.portailfamille.billing.Money;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The porte-monnaie's rules. A booking of an activity billed by a porte-monnaie régie is paid when it is
 * confirmed, at its price on the day booked ({@link fr.portailfamille.billing.Pricing}, as the invoice would bill
 * it); the money follows the booking's status afterwards: a free cancellation, an agent's refusal or an excused
 * absence gives it back, an unexcused absence (or a late cancellation) keeps it when the tariff bills those
 * absences, as the invoice would. The balance may never fall below the régie's floor through a booking.
 */
public final class WalletRules {

    /** How many weeks of bookings make the family's rhythm (the forecast's basis). */
    static final int RHYTHM_WEEKS = 4;
    /** The forecast looks at most this far ahead. */
    static final int HORIZON_DAYS = 366;
    private WalletRules() {
    }

    /**
     * Whether a booking in status {@code status} is paid by the porte-monnaie: {@code true} it must stay debited,
     * {@code false} its money goes back, empty while the status decides nothing yet (an absence whose medical
     * certificate waits for its review keeps what it was).
     *
     * @param unexcusedAbsenceBilled the tariff's rule for a day missed without excuse (or cancelled late)
     */
    public static Optional<Boolean> charged(BookingStatus status, boolean unexcusedAbsenceBilled) {
        return switch (Objects.requireNonNull(status, "status")) {
            case BOOKED, BOOKED_LATE, WAITING, PENDING_VALIDATION, PRESENT -> Optional.of(true);
            case CANCELLED_FREE, REFUSED, ABSENT_EXCUSED -> Optional.of(false);
            case ABSENT_BILLED -> Optional.of(unexcusedAbsenceBilled);
            case ABSENT_PENDING -> Optional.empty();
        };
    }

    /** What moves when a booking's status changes: a refund, a debit again (a day refunded then billed), or nothing. */
    public enum Move { NONE, REFUND, DEBIT_AGAIN }

    /**
     * The movement a booking needs once its status is {@code status}, knowing whether its money is now with the
     * régie ({@code debited}) or was given back.
     */
    public static Move after(BookingStatus status, boolean unexcusedAbsenceBilled, boolean debited) {
        Optional<Boolean> charged = charged(status, unexcusedAbsenceBilled);
        if (charged.isEmpty() || charged.get() == debited) {
            return Move.NONE;
        }
        return charged.get() ? Move.DEBIT_AGAIN : Move.REFUND;
    }

    /** Whether a booking of {@code priceCents} may be paid from {@code balanceCents} without going below {@code floorCents}. */
    public static boolean affordable(long balanceCents, long priceCents, long floorCents) {
        if (priceCents < 0) {
            throw new IllegalArgumentException("price " + priceCents);
        }
        return Math.subtractExact(balanceCents, priceCents) >= floorCents;
    }

    /**
     * The refusal of a booking the balance cannot pay, inviting the family to top it up, to be read in any language
     * (bundle {@code problems}, {@code billing.wallet.*}).
     */
    public static Message refusal(String regieLabel, long balanceCents, long priceCents, long floorCents) {
        Message price = Money.amount(priceCents);
        Message balance = Money.amount(balanceCents);
        if (floorCents == 0) {
            return Problems.of("billing.wallet.insufficient", price, regieLabel, balance);
        }
        return floorCents < 0
                ? Problems.of("billing.wallet.insufficient.overdraft", price, regieLabel, balance, Money.amount(-floorCents))
                : Problems.of("billing.wallet.insufficient.minimum", price, regieLabel, balance, Money.amount(floorCents));
    }

    /** The refusal of a booking for a family that has not activated the régie's porte-monnaie, in any language. */
    public static Message notActivated(String regieLabel) {
        return Problems.of("billing.wallet.notActivated", regieLabel);
    }

    /** A top-up's amount: from 1,00 € to 1 000,00 €; empty when acceptable, else the reason, in any language. */
    public static Optional<Message> topUpRefusal(Long cents) {
        if (cents == null) {
            return Optional.of(Problems.of("billing.wallet.topUp.required"));
        }
        if (cents < 100) {
            return Optional.of(Problems.of("billing.wallet.topUp.min"));
        }
        if (cents > 100_000) {
            return Optional.of(Problems.of("billing.wallet.topUp.max"));
        }
        return Optional.empty();
    }

    /**
     * Why a régisseur's withdrawal of {@code cents} from a porte-monnaie holding {@code balanceCents} is refused, or empty:
     * at most what a top-up may bring (1 000,00 €: « 5000 » typed for « 50 » is caught, not a family owing 4 950 €),
     * and, when the money is given back to the family ({@code givenBack}: cash, cheque, transfer), no more than the
     * balance. A rejected cheque or a correction ({@code givenBack} false) may go below zero: the family spent it.
     */
    public static Optional<Message> withdrawalRefusal(long cents, boolean givenBack, long balanceCents) {
        if (cents > 100_000) {
            return Optional.of(Problems.of("billing.wallet.withdraw.max"));
        }
        if (givenBack && cents > balanceCents) {
            return Optional.of(balanceCents <= 0 ? Problems.of("billing.wallet.withdraw.nothingToGiveBack")
                    : Problems.of("billing.wallet.withdraw.overBalance", Money.amount(balanceCents)));
        }
        return Optional.empty();
    }

    /** A booking already paid: its day and what it debited. */
    public record Booked(LocalDate day, long cents) {
    }

    /**
     * The family's rhythm: what its bookings cost on each weekday, on average over the {@value #RHYTHM_WEEKS} weeks
     * that end with its last booked day (cents per weekday, rounded down).
     */
    public static Map<DayOfWeek, Long> rhythm(List<Booked> bookings) {
        Map<DayOfWeek, Long> perWeekday = new EnumMap<>(DayOfWeek.class);
        Optional<LocalDate> last = bookings.stream().map(Booked::day).max(LocalDate::compareTo);
        if (last.isEmpty()) {
            return perWeekday;
        }
        LocalDate from = last.get().minusWeeks(RHYTHM_WEEKS).plusDays(1);
        for (Booked b : bookings) {
            if (!b.day().isBefore(from)) {
                perWeekday.merge(b.day().getDayOfWeek(), b.cents(), Math::addExact);
            }
        }
        perWeekday.replaceAll((d, total) -> total / RHYTHM_WEEKS);
        return perWeekday;
    }

    /**
     * The run-out forecast: the days already booked are paid; from the day after the last of them (or
     * {@code today}), the family's {@link #rhythm} is spent day by day from what the balance holds above the floor.
     *
     * @param bookings the family's paid bookings of this porte-monnaie (the forecast reads the last weeks of them)
     * @return the last day the balance covers ("jusqu'au …"), empty when there is no rhythm to project or when it
     *     covers more than a year
     */
    public static Optional<LocalDate> coveredUntil(long balanceCents, long floorCents, List<Booked> bookings, LocalDate today) {
        Map<DayOfWeek, Long> rhythm = rhythm(bookings);
        if (rhythm.values().stream().allMatch(c -> c == 0)) {
            return Optional.empty();
        }
        LocalDate lastBooked = bookings.stream().map(Booked::day).max(LocalDate::compareTo).orElse(today);
        LocalDate day = lastBooked.isBefore(today) ? today : lastBooked;
        long left = balanceCents - floorCents;
        for (int i = 0; i < HORIZON_DAYS; i++) {
            LocalDate next = day.plusDays(1);
            long cost = rhythm.getOrDefault(next.getDayOfWeek(), 0L);
            if (cost > left) {
                return Optional.of(day);
            }
            left -= cost;
            day = next;
        }
        return Optional.empty();
    }

    /**
     * What the two weeks after {@code today} still need at the family's rhythm: the days after its last paid booking
     * only (those before are paid already). A family that booked and paid the next two weeks needs nothing more: no
     * low-balance warning while its forecast says its balance covers them.
     */
    public static long twoWeeksNeed(List<Booked> bookings, LocalDate today) {
        Map<DayOfWeek, Long> rhythm = rhythm(bookings);
        LocalDate lastBooked = bookings.stream().map(Booked::day).max(LocalDate::compareTo).orElse(today);
        LocalDate day = lastBooked.isBefore(today) ? today : lastBooked;
        long need = 0;
        for (LocalDate d = day.plusDays(1); !d.isAfter(today.plusWeeks(2)); d = d.plusDays(1)) {
            need = Math.addExact(need, rhythm.getOrDefault(d.getDayOfWeek(), 0L));
        }
        return need;
    }

    /** "Votre solde couvre les réservations jusqu'au jeudi 14 mars 2027." (empty forecast: nothing to say). */
    public static Optional<String> forecastText(Optional<LocalDate> coveredUntil) {
        return forecast(coveredUntil).map(Message::french);
    }

    /** {@link #forecastText}, to be read in the reader's language (the family's and the régisseur's pages). */
    public static Optional<Message> forecast(Optional<LocalDate> coveredUntil) {
        return coveredUntil.map(d -> Problems.of("wallet.forecast", Problems.dateTime("format.longDay", d)));
    }

    /** Whether to warn the family of a low balance, to clear a past warning, or nothing. */
    public enum Warning { SEND, CLEAR, NONE }

    /**
     * The low-balance warning, once per crossing: sent when what the balance holds above the floor falls below
     * what the next two weeks need and the family was not warned yet; cleared once the balance covers them again
     * (a later crossing warns again). A balance below the floor is low whatever the rhythm: a day marked present after
     * its absence was given back, or a top-up taken back, leaves the family owing the régie, and it is told so.
     */
    public static Warning warning(long balanceCents, long floorCents, long twoWeeksNeedCents, boolean warned) {
        boolean low = balanceCents < floorCents || twoWeeksNeedCents > 0 && balanceCents - floorCents < twoWeeksNeedCents;
        if (low) {
            return warned ? Warning.NONE : Warning.SEND;
        }
        return warned ? Warning.CLEAR : Warning.NONE;
    }
}
