package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Pricing.Memo} (a run's drafts) gives exactly what {@link Pricing#price} gives, day by day: price,
 * basis, label, steps, anomalies and the reason with its own date, whatever the kind of day, even when the
 * family's QF proof expires in the middle of the month.
 */
class PricingMemoTest {

    static final LocalDate FIRST = LocalDate.parse("2026-10-01");

    static List<DayEvent> month(long child, String activity) {
        List<DayEvent> events = new ArrayList<>();
        for (int d = 0; d < 31; d++) {
            LocalDate day = FIRST.plusDays(d);
            events.add(switch (d % 6) {
                case 0 -> DayEvent.present(child, activity, "MIDI", day);
                case 1 -> DayEvent.bookedLate(child, activity, "MIDI", day);
                case 2 -> DayEvent.absentUnexcused(child, activity, "MIDI", day);
                case 3 -> DayEvent.absentExcused(child, activity, "MIDI", day);
                case 4 -> DayEvent.unbookedPresence(child, activity, "MIDI", day);
                default -> DayEvent.notRecorded(child, activity, "MIDI", day);
            });
        }
        return events;
    }

    @Test
    void everyDayIsPricedAsTheRulesPriceItAlone() {
        Tariff penalty = PricingTest.withNonResident(PricingTest.cantine(), Adjustment.percent("25"));
        Tariff noPenalty = new Tariff("CANTINE", null, LocalDate.parse("2026-09-01"), Tariff.Mode.BRACKETS,
                penalty.prices(), 550L, null, null, null, Adjustment.fixed(40), penalty.siblingSecondPercent(),
                penalty.siblingThirdPercent(), Adjustment.fixed(100), false, null);
        List<FamilyFacts> families = List.of(
                PricingTest.qf(451),
                new FamilyFacts(451, LocalDate.parse("2025-10-16"), QfSource.CAF, null, false),   // expires on the 16th
                new FamilyFacts(null, null, null, null, true),
                new FamilyFacts(700, null, QfSource.MSA, null, false),
                new FamilyFacts(null, LocalDate.parse("2025-10-20"), QfSource.AVIS_IMPOSITION, 140_200L, true));
        int compared = 0;
        for (FamilyFacts family : families) {
            for (Tariff tariff : List.of(penalty, noPenalty, PricingTest.effort())) {
                Pricing.Memo memo = new Pricing.Memo(PricingTest.SETTINGS, family);
                for (int rank = 1; rank <= 3; rank++) {
                    for (DayEvent e : month(rank, tariff.activity())) {
                        PricedLine alone = Pricing.price(PricingTest.SETTINGS, tariff, family, rank, e);
                        assertEquals(alone, memo.price(tariff, rank, e), family + " " + tariff.activity() + " " + e);
                        compared++;
                    }
                }
            }
        }
        assertEquals(5 * 3 * 3 * 31, compared);
    }

    @Test
    void theProofExpiringMidMonthChangesThePriceFromTheNextDay() {
        FamilyFacts family = new FamilyFacts(451, LocalDate.parse("2025-10-16"), QfSource.CAF, null, true);
        Pricing.Memo memo = new Pricing.Memo(PricingTest.SETTINGS, family);
        PricedLine valid = memo.price(PricingTest.cantine(), 1, DayEvent.present(1, "CANTINE", "MIDI", LocalDate.parse("2026-10-15")));
        PricedLine expired = memo.price(PricingTest.cantine(), 1, DayEvent.present(1, "CANTINE", "MIDI", LocalDate.parse("2026-10-16")));
        assertEquals(200, valid.amountCents());
        assertEquals(550, expired.amountCents());
        assertTrue(expired.reason().endsWith("Prix du 16/10/2026 : 5,50\u00a0€."), expired.reason());
    }

    @Test
    void familiesOfEqualFactsShareTheirCasesAndGetWhatTheRulesGiveEach() {
        Tariff tariff = PricingTest.withNonResident(PricingTest.cantine(), Adjustment.percent("25"));
        Pricing.Memo.Run run = new Pricing.Memo.Run();
        List<FamilyFacts> families = List.of(PricingTest.qf(451), new FamilyFacts(451, null, null, null, true),
                new FamilyFacts(451, LocalDate.parse("2025-10-16"), QfSource.CAF, null, false),
                new FamilyFacts(451, LocalDate.parse("2025-10-16"), QfSource.CAF, null, false), new FamilyFacts(null, null, null, null, true));
        int compared = 0;
        for (FamilyFacts family : families) {
            Pricing.Memo memo = new Pricing.Memo(PricingTest.SETTINGS, family, run);
            for (int rank = 1; rank <= 3; rank++) {
                // each family's own children: the shared case's line comes back with this child's event
                for (DayEvent e : month(compared + rank, tariff.activity())) {
                    assertEquals(Pricing.price(PricingTest.SETTINGS, tariff, family, rank, e), memo.price(tariff, rank, e),
                            family + " " + e);
                }
            }
            compared += 10;
        }
        assertEquals(50, compared);
    }
}
