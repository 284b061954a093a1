package fr.portailfamille.billing.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.wallet.WalletRules.Booked;
import fr.portailfamille.billing.wallet.WalletRules.Move;
import fr.portailfamille.billing.wallet.WalletRules.Warning;
import fr.portailfamille.booking.BookingStatus;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WalletRulesTest {

    @Test
    void aWithdrawalIsCappedAndWhatIsGivenBackNeverExceedsTheBalance() {
        assertEquals(Optional.empty(), WalletRules.withdrawalRefusal(100_000, false, 0), "1 000,00 € exactly");
        assertEquals("billing.wallet.withdraw.max", WalletRules.withdrawalRefusal(100_001, false, 500_000).orElseThrow().key(),
                "« 5000 » typed for « 50 »");
        assertEquals(Optional.empty(), WalletRules.withdrawalRefusal(4_000, false, 1_000),
                "a rejected cheque goes below zero: the family spent it");
        assertEquals(Optional.empty(), WalletRules.withdrawalRefusal(1_000, true, 1_000), "the whole balance given back");
        assertEquals("Une somme rendue à la famille ne peut pas dépasser le solde du porte-monnaie (10,00 €).",
                WalletRules.withdrawalRefusal(1_001, true, 1_000).orElseThrow().french().replace('\u00a0', ' '));
        assertEquals("billing.wallet.withdraw.nothingToGiveBack", WalletRules.withdrawalRefusal(100, true, -250).orElseThrow()
                .key());
    }

    @Test
    void everyStatusSaysWhetherTheDayStaysPaid() {
        for (BookingStatus s : List.of(BookingStatus.BOOKED, BookingStatus.BOOKED_LATE, BookingStatus.WAITING,
                BookingStatus.PENDING_VALIDATION, BookingStatus.PRESENT)) {
            assertEquals(Optional.of(true), WalletRules.charged(s, false), s.name());
        }
        for (BookingStatus s : List.of(BookingStatus.CANCELLED_FREE, BookingStatus.REFUSED, BookingStatus.ABSENT_EXCUSED)) {
            assertEquals(Optional.of(false), WalletRules.charged(s, true), s.name());
        }
        assertEquals(Optional.of(true), WalletRules.charged(BookingStatus.ABSENT_BILLED, true), "unexcused absence billed");
        assertEquals(Optional.of(false), WalletRules.charged(BookingStatus.ABSENT_BILLED, false), "the tariff forgives it");
        assertEquals(Optional.empty(), WalletRules.charged(BookingStatus.ABSENT_PENDING, true), "certificate under review");
        for (BookingStatus s : BookingStatus.values()) {
            WalletRules.charged(s, true); // every status has a rule
        }
    }

    @Test
    void theMoneyFollowsTheStatus() {
        assertEquals(Move.REFUND, WalletRules.after(BookingStatus.CANCELLED_FREE, true, true), "free cancellation");
        assertEquals(Move.NONE, WalletRules.after(BookingStatus.ABSENT_BILLED, true, true), "unexcused absence stays debited");
        assertEquals(Move.REFUND, WalletRules.after(BookingStatus.ABSENT_BILLED, false, true), "tariff does not bill it");
        assertEquals(Move.REFUND, WalletRules.after(BookingStatus.ABSENT_EXCUSED, true, true), "excused absence");
        assertEquals(Move.REFUND, WalletRules.after(BookingStatus.REFUSED, true, true), "refused by an agent");
        assertEquals(Move.NONE, WalletRules.after(BookingStatus.ABSENT_PENDING, true, true), "waits for the review");
        assertEquals(Move.NONE, WalletRules.after(BookingStatus.CANCELLED_FREE, true, false), "refunded once only");
        assertEquals(Move.DEBIT_AGAIN, WalletRules.after(BookingStatus.PRESENT, true, false), "refunded, then present");
        assertEquals(Move.DEBIT_AGAIN, WalletRules.after(BookingStatus.ABSENT_BILLED, true, false), "certificate refused");
        assertEquals(Move.NONE, WalletRules.after(BookingStatus.BOOKED, true, true));
    }

    @Test
    void aBookingMayNotTakeTheBalanceBelowTheFloor() {
        assertTrue(WalletRules.affordable(1000, 1000, 0), "down to the floor exactly");
        assertFalse(WalletRules.affordable(999, 1000, 0));
        assertTrue(WalletRules.affordable(0, 500, -500), "an overdraft the commune allows");
        assertFalse(WalletRules.affordable(0, 501, -500));
        assertFalse(WalletRules.affordable(2000, 1500, 1000), "a minimum kept on the account");
        assertTrue(WalletRules.affordable(2500, 1500, 1000));
        assertTrue(WalletRules.affordable(0, 0, 0), "a free day");
        assertThrows(IllegalArgumentException.class, () -> WalletRules.affordable(0, -1, 0));
        assertThrows(ArithmeticException.class, () -> WalletRules.affordable(Long.MIN_VALUE, 1, 0));
    }

    @Test
    void theRefusalSaysWhatItCostsWhatIsLeftAndToTopUp() {
        assertEquals("Solde du porte-monnaie insuffisant : cette réservation coûte " + Money.format(350)
                + ", votre solde « Régie cantine » est de " + Money.format(200) + ". Alimentez votre porte-monnaie (page Porte-monnaie) puis réservez à nouveau.",
                WalletRules.refusal("Régie cantine", 200, 350, 0).french());
        assertTrue(WalletRules.refusal("R", 0, 350, -1000).french().contains("(découvert autorisé jusqu'à " + Money.format(1000) + ")"));
        assertTrue(WalletRules.refusal("R", 0, 350, 500).french().contains("(solde minimum " + Money.format(500) + ")"));
        assertTrue(WalletRules.notActivated("Régie cantine").french().contains("activez-le et alimentez-le"));
    }

    @Test
    void aTopUpIsBetweenOneAndAThousandEuros() {
        assertTrue(WalletRules.topUpRefusal(null).isPresent());
        assertEquals("Le montant à verser doit être d'au moins 1,00 €.", WalletRules.topUpRefusal(99L).orElseThrow().french());
        assertEquals(Optional.empty(), WalletRules.topUpRefusal(100L));
        assertEquals(Optional.empty(), WalletRules.topUpRefusal(100_000L));
        assertTrue(WalletRules.topUpRefusal(100_001L).orElseThrow().french().contains("1 000,00"));
    }

    /** Mondays, Tuesdays and Thursdays at 3,50 € from {@code from} for {@code weeks} weeks. */
    static List<Booked> threeDaysAWeek(LocalDate monday, int weeks) {
        List<Booked> list = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            LocalDate m = monday.plusWeeks(w);
            list.add(new Booked(m, 350));
            list.add(new Booked(m.plusDays(1), 350));
            list.add(new Booked(m.plusDays(3), 350));
        }
        return list;
    }

    @Test
    void theRhythmIsTheLastFourWeeksOfBookingsByWeekday() {
        LocalDate monday = LocalDate.of(2027, 1, 4);
        // an old week at another price does not count: only the four weeks ending with the last booked day
        List<Booked> bookings = new ArrayList<>(List.of(new Booked(monday.minusWeeks(3), 9999)));
        bookings.addAll(threeDaysAWeek(monday, 4));
        Map<DayOfWeek, Long> rhythm = WalletRules.rhythm(bookings);
        assertEquals(Map.of(DayOfWeek.MONDAY, 350L, DayOfWeek.TUESDAY, 350L, DayOfWeek.THURSDAY, 350L), rhythm);
        assertEquals(Map.of(), WalletRules.rhythm(List.of()));
        // a day booked once in four weeks counts a quarter (rounded down)
        assertEquals(Map.of(DayOfWeek.WEDNESDAY, 87L), WalletRules.rhythm(List.of(new Booked(LocalDate.of(2027, 1, 6), 350))));
    }

    @Test
    void theNextTwoWeeksNeedOnlyTheDaysAfterThoseAlreadyPaid() {
        LocalDate monday = LocalDate.of(2027, 1, 4);
        List<Booked> fourWeeks = threeDaysAWeek(monday, 4); // the last paid day: Thursday of the fourth week
        LocalDate lastPaid = monday.plusWeeks(3).plusDays(3);
        // booked and paid eight weeks ahead: nothing more needed, no warning at a balance of 0
        assertEquals(0, WalletRules.twoWeeksNeed(fourWeeks, monday.minusWeeks(4)));
        assertEquals(WalletRules.Warning.NONE, WalletRules.warning(0, 0, WalletRules.twoWeeksNeed(fourWeeks,
                monday.minusWeeks(4)), false));
        // from the last paid day on: the two weeks of rhythm, in full
        assertEquals(2100, WalletRules.twoWeeksNeed(fourWeeks, lastPaid));
        // the paid days run out half-way: the second week only
        assertEquals(1050, WalletRules.twoWeeksNeed(fourWeeks, lastPaid.minusWeeks(1)));
        assertEquals(0, WalletRules.twoWeeksNeed(List.of(), monday));
    }

    @Test
    void theForecastSpendsTheRhythmAfterTheLastBookedDay() {
        LocalDate monday = LocalDate.of(2027, 2, 1);
        List<Booked> bookings = threeDaysAWeek(monday, 4); // last booked: Thursday 25 February 2027
        LocalDate today = LocalDate.of(2027, 2, 10);
        // 10,50 € pays one more week (Mon 1, Tue 2, Thu 4 March): covered until Sunday 7 March
        assertEquals(Optional.of(LocalDate.of(2027, 3, 7)), WalletRules.coveredUntil(1050, 0, bookings, today));
        // 10,49 €: Monday and Tuesday, not Thursday
        assertEquals(Optional.of(LocalDate.of(2027, 3, 3)), WalletRules.coveredUntil(1049, 0, bookings, today));
        // nothing above the floor: covered until the last booked day, already paid
        assertEquals(Optional.of(LocalDate.of(2027, 2, 28)), WalletRules.coveredUntil(500, 500, bookings, today));
        // an overdraft allowed spends further
        assertEquals(Optional.of(LocalDate.of(2027, 3, 7)), WalletRules.coveredUntil(0, -1050, bookings, today));
        assertEquals(Optional.of("À votre rythme de réservation, votre solde couvre les réservations jusqu'au"
                        + " dimanche 14 mars 2027."), WalletRules.forecastText(Optional.of(LocalDate.of(2027, 3, 14))));
    }

    @Test
    void noForecastWithoutBookingsOrBeyondAYear() {
        LocalDate today = LocalDate.of(2027, 2, 10);
        assertEquals(Optional.empty(), WalletRules.coveredUntil(5000, 0, List.of(), today));
        assertEquals(Optional.empty(), WalletRules.coveredUntil(5000, 0, List.of(new Booked(today, 0)), today), "free days");
        assertEquals(Optional.empty(), WalletRules.coveredUntil(10_000_000, 0,
                threeDaysAWeek(LocalDate.of(2027, 2, 1), 1), today));
        assertEquals(Optional.empty(), WalletRules.forecastText(Optional.empty()));
        assertEquals("At your rhythm of bookings, your balance covers the bookings until Sunday 14 March 2027.",
                WalletRules.forecast(Optional.of(LocalDate.of(2027, 3, 14))).orElseThrow().in(java.util.Locale.ENGLISH));
        // bookings long past: the projection starts today
        assertEquals(Optional.of(LocalDate.of(2027, 2, 14)),
                WalletRules.coveredUntil(350, 0, threeDaysAWeek(LocalDate.of(2026, 11, 2), 4), today));
    }

    @Test
    void theLowBalanceMailIsSentOncePerCrossing() {
        assertEquals(Warning.SEND, WalletRules.warning(2000, 0, 2100, false));
        assertEquals(Warning.NONE, WalletRules.warning(1500, 0, 2100, true), "already warned: not every day");
        assertEquals(Warning.CLEAR, WalletRules.warning(5000, 0, 2100, true), "topped up: a later crossing warns again");
        assertEquals(Warning.NONE, WalletRules.warning(5000, 0, 2100, false));
        assertEquals(Warning.NONE, WalletRules.warning(2100, 0, 2100, false), "exactly enough");
        assertEquals(Warning.SEND, WalletRules.warning(2500, 500, 2100, false), "the floor is not spendable");
        assertEquals(Warning.NONE, WalletRules.warning(0, 0, 0, false), "no rhythm, no warning");
        assertEquals(Warning.SEND, WalletRules.warning(-350, 0, 0, false), "below the floor: owed, whatever the rhythm");
        assertEquals(Warning.SEND, WalletRules.warning(-1100, -1000, 0, false), "below an overdraft's floor");
        assertEquals(Warning.NONE, WalletRules.warning(-900, -1000, 0, false), "within the overdraft, no rhythm");
        assertEquals(Warning.CLEAR, WalletRules.warning(0, 0, 0, true), "paid back: cleared");
    }

    @Test
    void theRefusalsReadInEnglish() {
        assertEquals("Not enough money in the prepaid account: this booking costs €3.50, your \"Régie cantine\""
                + " balance is €2.00 (overdraft allowed down to €10.00). Top up your prepaid"
                + " account (Prepaid account page), then book again.",
                WalletRules.refusal("Régie cantine", 200, 350, -1000).in(Locale.ENGLISH));
        assertTrue(WalletRules.refusal("R", -150, 350, -1000).in(Locale.ENGLISH).contains("balance is -€1.50"),
                "a balance in overdraft");
        assertTrue(WalletRules.notActivated("Régie cantine").in(Locale.ENGLISH).startsWith("Bookings of \"Régie cantine\" are paid"));
        assertEquals("The amount to pay in must be at least €1.00.", WalletRules.topUpRefusal(99L).orElseThrow().in(Locale.ENGLISH));
        assertEquals(Optional.empty(), WalletRules.topUpRefusal(100L));
    }
}
