package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.billing.InvoiceDraft.Line;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A family's month: two children, bookings in time and late, absences, an unbooked presence. */
class InvoiceCalculatorTest {

    static final LocalDate D1 = LocalDate.parse("2026-10-05");
    static final LocalDate D2 = LocalDate.parse("2026-10-06");
    static final LocalDate D3 = LocalDate.parse("2026-10-08");
    static final LocalDate D4 = LocalDate.parse("2026-10-09");

    @Test
    void linesGroupDaysByChildActivityUnitAndPriceAndTotalsAreSumsOfLines() {
        Map<Long, Integer> ranks = Siblings.ranks(List.of(new Siblings.Child(20, LocalDate.parse("2019-03-02")),
                new Siblings.Child(10, LocalDate.parse("2017-06-30"))));
        FamilyFacts family = PricingTest.qf(451);
        Tariff cantine = PricingTest.cantine();
        List<DayEvent> events = List.of(
                DayEvent.present(10, "CANTINE", "MIDI", D1), DayEvent.present(10, "CANTINE", "MIDI", D2),
                DayEvent.bookedLate(10, "CANTINE", "MIDI", D3), DayEvent.absentExcused(10, "CANTINE", "MIDI", D4),
                DayEvent.present(20, "CANTINE", "MIDI", D1), DayEvent.absentUnexcused(20, "CANTINE", "MIDI", D2),
                DayEvent.unbookedPresence(20, "CANTINE", "MIDI", D3), DayEvent.present(20, "CANTINE", "MIDI", D4));
        List<PricedLine> priced = new ArrayList<>();
        events.forEach(e -> priced.add(Pricing.price(PricingTest.SETTINGS, cantine, family, ranks.get(e.childId()), e)));

        InvoiceDraft draft = InvoiceCalculator.draft(priced);
        assertEquals(List.of(
                new Line(10, "CANTINE", "MIDI", "Tranche T2", 200, 2, 400, "T2", List.of(D1, D2)),
                new Line(10, "CANTINE", "MIDI", "Tranche T2 · Majoration hors délai +20\u00a0%", 240, 1, 240, "T2", List.of(D3)),
                new Line(20, "CANTINE", "MIDI", "Tranche T2 · Réduction fratrie 2e enfant \u221210\u00a0%", 180, 2, 360, "T2",
                        List.of(D1, D4)),
                new Line(20, "CANTINE", "MIDI", "Absence non justifiée · Tranche T2 · Réduction fratrie 2e enfant \u221210\u00a0%",
                        180, 1, 180, "T2", List.of(D2)),
                new Line(20, "CANTINE", "MIDI", "Présence sans réservation", 549, 1, 549, null, List.of(D3))), draft.lines());
        assertEquals(1, draft.notBilled().size());
        assertEquals(D4, draft.notBilled().get(0).event().day());
        assertEquals(400 + 240 + 360 + 180 + 549, draft.totalCents());
        assertEquals(640, draft.totalFor(10));
        assertEquals(1089, draft.totalFor(20));
        assertEquals(Map.of("CANTINE", 1729L), draft.totalsByActivity());
    }

    @Test
    void theTotalIsTheSumOfRoundedLinesNotTheRoundedSum() {
        FamilyFacts family = new FamilyFacts(null, LocalDate.parse("2026-05-01"), QfSource.CAF, 140_200L, true);
        List<PricedLine> days = List.of(D1, D2, D3).stream()
                .map(d -> Pricing.price(PricingTest.SETTINGS, PricingTest.effort(), family, 1, DayEvent.present(1, "CRECHE", "JOUR", d)))
                .toList();
        InvoiceDraft draft = InvoiceCalculator.draft(days);
        assertEquals(1, draft.lines().size());
        assertEquals(351, draft.lines().get(0).unitPriceCents(), "3,505 € a day → 3,51 €");
        assertEquals(1053, draft.totalCents(), "3 × 3,51 €, not 3 × 3,505 € = 10,515 € → 10,52 €");
    }

    @Test
    void siblingsAreRankedEldestFirst() {
        assertEquals(Map.of(3L, 1, 1L, 2, 2L, 3, 4L, 4), Siblings.ranks(List.of(
                new Siblings.Child(1, LocalDate.parse("2018-01-01")), new Siblings.Child(2, LocalDate.parse("2018-01-01")),
                new Siblings.Child(3, LocalDate.parse("2015-05-05")), new Siblings.Child(4, null))));
    }

    @Test
    void anEmptyMonthIsAnEmptyDraft() {
        InvoiceDraft draft = InvoiceCalculator.draft(List.of());
        assertEquals(List.of(), draft.lines());
        assertEquals(0, draft.totalCents());
    }
}
