package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.billing.Tariff.BracketPrice;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TariffsTest {

    static Tariff tariff(String unit, String from, long t2) {
        return new Tariff("CANTINE", unit, LocalDate.parse(from), Tariff.Mode.BRACKETS, List.of(new BracketPrice("T2", t2)),
                550L, null, null, null, null, null, null, null, true, null);
    }

    static final Tariff SEPTEMBER = tariff(null, "2026-09-01", 200);
    static final Tariff MID_JANUARY = tariff(null, "2027-01-15", 220);
    static final Tariff SOIR = tariff("SOIR", "2026-11-01", 90);
    static final List<Tariff> ALL = List.of(MID_JANUARY, SEPTEMBER, SOIR);

    @Test
    void theTariffInForceIsTheLatestStartedOne() {
        assertEquals(Optional.empty(), Tariffs.inForce(ALL, "CANTINE", "MIDI", LocalDate.parse("2026-08-31")));
        assertEquals(Optional.of(SEPTEMBER), Tariffs.inForce(ALL, "CANTINE", "MIDI", LocalDate.parse("2026-09-01")));
        assertEquals(Optional.of(SEPTEMBER), Tariffs.inForce(ALL, "CANTINE", "MIDI", LocalDate.parse("2027-01-14")));
        assertEquals(Optional.of(MID_JANUARY), Tariffs.inForce(ALL, "CANTINE", "MIDI", LocalDate.parse("2027-01-15")));
        assertEquals(Optional.empty(), Tariffs.inForce(ALL, "MERCREDI", "MIDI", LocalDate.parse("2027-01-15")));
    }

    @Test
    void anUnexcusedAbsenceIsBilledAsTheTariffInForceSaysAndWithoutTariffAsIfItWere() {
        Tariff free = new Tariff("CANTINE", "SOIR", LocalDate.parse("2027-03-01"), Tariff.Mode.BRACKETS,
                List.of(new BracketPrice("T2", 90L)), 550L, null, null, null, null, null, null, null, false, null);
        List<Tariff> tariffs = List.of(SEPTEMBER, SOIR, free);
        assertEquals(true, Tariffs.unexcusedAbsenceBilled(tariffs, "CANTINE", "SOIR", LocalDate.parse("2027-02-28")));
        assertEquals(false, Tariffs.unexcusedAbsenceBilled(tariffs, "CANTINE", "SOIR", LocalDate.parse("2027-03-01")));
        assertEquals(true, Tariffs.unexcusedAbsenceBilled(tariffs, "CANTINE", "MIDI", LocalDate.parse("2027-03-01")),
                "the activity's tariff, not the other unit's");
        assertEquals(true, Tariffs.unexcusedAbsenceBilled(tariffs, "CANTINE", "MIDI", LocalDate.parse("2026-08-31")),
                "no tariff in force yet");
        assertEquals(true, Tariffs.unexcusedAbsenceBilled(List.of(), "MERCREDI", "MATIN", LocalDate.parse("2027-03-01")));
    }

    @Test
    void aUnitsOwnTariffWinsOnceInForce() {
        assertEquals(Optional.of(SEPTEMBER), Tariffs.inForce(ALL, "CANTINE", "SOIR", LocalDate.parse("2026-10-31")));
        assertEquals(Optional.of(SOIR), Tariffs.inForce(ALL, "CANTINE", "SOIR", LocalDate.parse("2026-11-01")));
        assertEquals(Optional.of(SOIR), Tariffs.inForce(ALL, "CANTINE", "SOIR", LocalDate.parse("2027-02-01")));
    }

    @Test
    void aTariffChangeMidMonthPricesEachDayWithItsTariff() {
        BillingSettings settings = new BillingSettings(null, List.of(), List.of(new QfBracket("T2", "Tranche 2", 0, null)));
        FamilyFacts family = new FamilyFacts(500, null, QfSource.CAF, null, true);
        List<PricedLine> month = LocalDate.parse("2027-01-12").datesUntil(LocalDate.parse("2027-01-19"))
                .map(d -> DayEvent.present(7, "CANTINE", "MIDI", d))
                .map(e -> Pricing.price(settings, Tariffs.inForce(ALL, "CANTINE", "MIDI", e.day()).orElseThrow(), family, 1, e))
                .toList();
        InvoiceDraft draft = InvoiceCalculator.draft(month);
        assertEquals(2, draft.lines().size());
        assertEquals(3, draft.lines().get(0).quantity());
        assertEquals(200, draft.lines().get(0).unitPriceCents());
        assertEquals(4, draft.lines().get(1).quantity());
        assertEquals(220, draft.lines().get(1).unitPriceCents());
        assertEquals(3 * 200 + 4 * 220, draft.totalCents());
    }

    @Test
    void aGridReshapedKeepsItsPricesDropsTheGoneBracketAndStartsANewOneAtTheMaximum() {
        Tariff grid = new Tariff("CANTINE", null, LocalDate.parse("2026-09-01"), Tariff.Mode.BRACKETS, List.of(
                new BracketPrice("T1", 100L), new BracketPrice("T2", 200L), new BracketPrice("T3", 300L)), 550L, null, null,
                null, null, null, null, null, true, null);
        Tariff reshaped = grid.forBrackets(List.of("T1", "T3", "T4"));
        assertEquals(List.of(new BracketPrice("T1", 100L), new BracketPrice("T3", 300L), new BracketPrice("T4", 550L)),
                reshaped.prices());
        assertEquals(grid.maximumCents(), reshaped.maximumCents());
        Tariff rate = new Tariff("CRECHE", null, LocalDate.parse("2026-09-01"), Tariff.Mode.EFFORT_RATE, List.of(), null,
                new java.math.BigDecimal("0.25"), 150L, 1800L, null, null, null, null, true, null);
        assertEquals(rate, rate.forBrackets(List.of("T1")), "an effort rate has no grid");
    }
}
