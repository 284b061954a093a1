package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.PricedLine.Applied;
import fr.portailfamille.billing.Tariff.BracketPrice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every tariff rule, on a commune with five brackets and 12-month QF proofs. */
class PricingTest {

    static final LocalDate DAY = LocalDate.parse("2026-10-15");
    static final BillingSettings SETTINGS = new BillingSettings(12, List.of("35170", "35131"), List.of(
            new QfBracket("T1", "Tranche 1", 0, 450),
            new QfBracket("T2", "Tranche 2", 451, 700),
            new QfBracket("T3", "Tranche 3", 701, 1000),
            new QfBracket("T4", "Tranche 4", 1001, 1500),
            new QfBracket("T5", "Tranche 5", 1501, null)));

    /** Cantine: 1,00 / 2,00 / 3,50 / 4,20 / 4,80 €, maximum 5,50 €, fratrie −10 % / −20 %, hors délai +20 %. */
    static Tariff cantine() {
        return new Tariff("CANTINE", null, LocalDate.parse("2026-09-01"), Tariff.Mode.BRACKETS, List.of(
                new BracketPrice("T1", 100L), new BracketPrice("T2", 200L), new BracketPrice("T3", 350L),
                new BracketPrice("T4", 420L), new BracketPrice("T5", 480L)), 550L, null, null, null, null,
                new BigDecimal("10"), new BigDecimal("20"), Adjustment.percent("20"), true, 549L);
    }

    /** Crèche-like: 0,25 % of monthly resources per day, floor 1,50 €, ceiling 6,00 €. */
    static Tariff effort() {
        return new Tariff("CRECHE", null, LocalDate.parse("2026-09-01"), Tariff.Mode.EFFORT_RATE, List.of(), null,
                new BigDecimal("0.25"), 150L, 600L, null, null, null, null, true, null);
    }

    static FamilyFacts qf(Integer qf) {
        return new FamilyFacts(qf, LocalDate.parse("2026-01-10"), QfSource.CAF, null, true);
    }

    static PricedLine price(Tariff t, FamilyFacts f, int rank, DayEvent e) {
        PricedLine line = Pricing.price(SETTINGS, t, f, rank, e);
        assertEquals(line.unitPriceCents(), line.baseCents() + line.applied().stream().mapToLong(Applied::deltaCents).sum(),
                "the steps add up to the price");
        return line;
    }

    static PricedLine present(Tariff t, FamilyFacts f) {
        return price(t, f, 1, DayEvent.present(1, t.activity(), "MIDI", DAY));
    }

    @Test
    void bracketEdgesAreIncluded() {
        assertEquals(100, present(cantine(), qf(0)).amountCents());
        assertEquals(100, present(cantine(), qf(450)).amountCents());
        PricedLine t2 = present(cantine(), qf(451));
        assertEquals(200, t2.amountCents());
        assertEquals("T2", t2.bracket());
        assertEquals("Tranche T2 (QF de 451 à 700)", t2.basis());
        assertEquals("Tranche T2", t2.label());
        assertEquals("Tranche T2 (QF de 451 à 700) : 2,00\u00a0€. Prix du 15/10/2026 : 2,00\u00a0€.", t2.reason());
        assertEquals(200, present(cantine(), qf(700)).amountCents());
        assertEquals(350, present(cantine(), qf(701)).amountCents());
        assertEquals(480, present(cantine(), qf(1501)).amountCents(), "the last bracket is open-ended");
        assertEquals(480, present(cantine(), qf(9999)).amountCents());
        assertEquals(Set.of(), present(cantine(), qf(451)).anomalies());
    }

    @Test
    void aMissingQfGivesTheMaximumTariff() {
        PricedLine line = present(cantine(), new FamilyFacts(null, null, null, null, true));
        assertEquals(550, line.amountCents());
        assertEquals("Tarif maximum : quotient familial absent", line.basis());
        assertEquals("Tarif maximum", line.label());
        assertEquals(Set.of(Anomaly.QF_MISSING), line.anomalies());
        assertTrue(line.billed());
    }

    @Test
    void aProofOlderThanTheValidityGivesTheMaximumFromTheNextDay() {
        FamilyFacts f = new FamilyFacts(451, LocalDate.parse("2025-10-16"), QfSource.MSA, null, true);
        assertEquals(200, price(cantine(), f, 1, DayEvent.present(1, "CANTINE", "MIDI", LocalDate.parse("2026-10-15")))
                .amountCents(), "valid through the day before its anniversary");
        PricedLine next = price(cantine(), f, 1, DayEvent.present(1, "CANTINE", "MIDI", LocalDate.parse("2026-10-16")));
        assertEquals(550, next.amountCents());
        assertEquals("Tarif maximum : justificatif de QF expiré (valable 12 mois, du 16/10/2025)", next.basis());
        assertEquals(Set.of(Anomaly.QF_MISSING), next.anomalies());
    }

    @Test
    void anUndatedProofCountsOnlyWhenProofsNeverExpire() {
        FamilyFacts undated = new FamilyFacts(451, null, QfSource.AVIS_IMPOSITION, null, true);
        PricedLine line = present(cantine(), undated);
        assertEquals(550, line.amountCents());
        assertEquals("Tarif maximum : justificatif de QF non daté", line.basis());
        BillingSettings noExpiry = new BillingSettings(null, SETTINGS.residentPostcodes(), SETTINGS.brackets());
        assertEquals(200, Pricing.price(noExpiry, cantine(), undated, 1, DayEvent.present(1, "CANTINE", "MIDI", DAY)).amountCents());
    }

    @Test
    void effortRateBelowTheFloorIsRaisedToIt() {
        PricedLine line = present(effort(), new FamilyFacts(null, LocalDate.parse("2026-05-01"), QfSource.AVIS_IMPOSITION, 50_000L, true));
        assertEquals(150, line.amountCents(), "0,25 % of 500 € = 1,25 € < 1,50 €");
        assertEquals("Prix plancher", line.label());
        assertEquals("Taux d'effort 0,25\u00a0% de 500,00\u00a0€, relevé au prix plancher", line.basis());
    }

    @Test
    void effortRateAboveTheCeilingIsCappedAndMissingResourcesPayTheCeiling() {
        FamilyFacts rich = new FamilyFacts(null, LocalDate.parse("2026-05-01"), QfSource.AVIS_IMPOSITION, 300_000L, true);
        assertEquals(600, present(effort(), rich).amountCents(), "0,25 % of 3 000 € = 7,50 € > 6,00 €");
        assertEquals("Prix plafond", present(effort(), rich).label());
        PricedLine unknown = present(effort(), new FamilyFacts(700, LocalDate.parse("2026-05-01"), QfSource.CAF, null, true));
        assertEquals(600, unknown.amountCents());
        assertEquals("Tarif maximum : ressources mensuelles non déclarées", unknown.basis());
        assertEquals(Set.of(Anomaly.QF_MISSING), unknown.anomalies());
        PricedLine expired = present(effort(), new FamilyFacts(null, LocalDate.parse("2025-01-01"), QfSource.CAF, 140_200L, true));
        assertEquals(600, expired.amountCents(), "an expired proof of resources pays the ceiling too");
    }

    @Test
    void effortRateInBetweenIsRoundedHalfUpOnce() {
        PricedLine line = present(effort(), new FamilyFacts(null, LocalDate.parse("2026-05-01"), QfSource.AVIS_IMPOSITION, 140_200L, true));
        assertEquals(351, line.amountCents(), "0,25 % of 1 402 € = 3,505 € → 3,51 €");
        assertEquals(351, line.baseCents());
        assertEquals("Taux d'effort 0,25\u00a0%", line.label());
        PricedLine lower = present(effort(), new FamilyFacts(null, LocalDate.parse("2026-05-01"), QfSource.CAF, 140_199L, true));
        assertEquals(350, lower.amountCents(), "3,504975 € → 3,50 €");
    }

    @Test
    void nonResidentsPayTheirPriceOrTheSurcharge() {
        FamilyFacts outside = new FamilyFacts(451, LocalDate.parse("2026-01-10"), QfSource.CAF, null, false);
        Tariff price = withNonResident(cantine(), Adjustment.price(700));
        PricedLine p = present(price, outside);
        assertEquals(700, p.amountCents());
        assertEquals(List.of(new Applied("Tarif hors commune 7,00\u00a0€", 500)), p.applied());
        assertEquals(200, present(price, qf(451)).amountCents(), "residents keep their bracket's price");
        assertEquals(260, present(withNonResident(cantine(), Adjustment.percent("30")), outside).amountCents());
        PricedLine fixed = present(withNonResident(cantine(), Adjustment.fixed(150)), outside);
        assertEquals(350, fixed.amountCents());
        assertEquals("Tranche T2 · Majoration hors commune +1,50\u00a0€", fixed.label());
        assertEquals(200, present(cantine(), outside).amountCents(), "no non-resident rule: same price");
    }

    @Test
    void residencyComesFromThePostcodeUnlessAnAgentOverridesIt() {
        assertTrue(SETTINGS.isResident("35170", null));
        assertTrue(SETTINGS.isResident(" 35131 ", null));
        assertFalse(SETTINGS.isResident("75001", null));
        assertFalse(SETTINGS.isResident(null, null));
        assertTrue(SETTINGS.isResident("75001", true));
        assertFalse(SETTINGS.isResident("35170", false));
    }

    @Test
    void aCommuneThatListsNoPostcodeHasNoNonResidents() {
        BillingSettings none = new BillingSettings(12, List.of(), SETTINGS.brackets());
        assertTrue(none.isResident("75001", null), "a new commune's families are not all billed the non-resident price");
        assertTrue(none.isResident(null, null));
        assertFalse(none.isResident("75001", false), "an agent's override still counts");
    }

    @Test
    void siblingsFromTheSecondChildGetTheirReduction() {
        FamilyFacts f = qf(451);
        assertEquals(200, price(cantine(), f, 1, DayEvent.present(1, "CANTINE", "MIDI", DAY)).amountCents());
        PricedLine second = price(cantine(), f, 2, DayEvent.present(2, "CANTINE", "MIDI", DAY));
        assertEquals(180, second.amountCents());
        assertEquals(List.of(new Applied("Réduction fratrie 2e enfant \u221210\u00a0%", -20)), second.applied());
        assertEquals("Tranche T2 · Réduction fratrie 2e enfant \u221210\u00a0%", second.label());
        PricedLine third = price(cantine(), f, 3, DayEvent.present(3, "CANTINE", "MIDI", DAY));
        assertEquals(160, third.amountCents());
        assertEquals("Réduction fratrie 3e enfant \u221220\u00a0%", third.applied().get(0).label());
        PricedLine fourth = price(cantine(), f, 4, DayEvent.present(4, "CANTINE", "MIDI", DAY));
        assertEquals(160, fourth.amountCents(), "the 3rd child's reduction goes on");
        assertEquals("Réduction fratrie 4e enfant \u221220\u00a0%", fourth.applied().get(0).label());
    }

    @Test
    void aReductionIsRoundedHalfUpOnTheLine() {
        Tariff t = new Tariff("CANTINE", null, LocalDate.parse("2026-09-01"), Tariff.Mode.BRACKETS,
                List.of(new BracketPrice("T2", 345L)), 550L, null, null, null, null, new BigDecimal("10"), null, null, true, null);
        PricedLine second = price(t, qf(451), 2, DayEvent.present(2, "CANTINE", "MIDI", DAY));
        assertEquals(311, second.amountCents(), "3,45 € − 10 % = 3,105 € → 3,11 €");
        assertEquals(-34, second.applied().get(0).deltaCents());
    }

    @Test
    void lateBookingsAreSurchargedInPercentOrFixed() {
        PricedLine percent = price(cantine(), qf(451), 1, DayEvent.bookedLate(1, "CANTINE", "MIDI", DAY));
        assertEquals(240, percent.amountCents());
        assertEquals(List.of(new Applied("Majoration hors délai +20\u00a0%", 40)), percent.applied());
        Tariff fixed = withLate(cantine(), Adjustment.fixed(150));
        PricedLine f = price(fixed, qf(451), 1, DayEvent.bookedLate(1, "CANTINE", "MIDI", DAY));
        assertEquals(350, f.amountCents());
        assertEquals("Majoration hors délai +1,50\u00a0€", f.applied().get(0).label());
        PricedLine secondLate = price(fixed, qf(451), 2, DayEvent.bookedLate(2, "CANTINE", "MIDI", DAY));
        assertEquals(330, secondLate.amountCents(), "the fixed surcharge comes after the sibling reduction: 1,80 € + 1,50 €");
        assertEquals(200, price(withLate(cantine(), null), qf(451), 1, DayEvent.bookedLate(1, "CANTINE", "MIDI", DAY))
                .amountCents(), "no surcharge configured");
        assertEquals(200, present(cantine(), qf(451)).amountCents(), "a booking in time is not surcharged");
    }

    @Test
    void excusedAbsencesAreNeverBilledUnexcusedOnesAsConfigured() {
        PricedLine excused = price(cantine(), qf(451), 1, DayEvent.absentExcused(1, "CANTINE", "MIDI", DAY));
        assertFalse(excused.billed());
        assertEquals(0, excused.amountCents());
        assertEquals("Absence justifiée : non facturée", excused.basis());
        PricedLine unexcused = price(cantine(), qf(451), 1, DayEvent.absentUnexcused(1, "CANTINE", "MIDI", DAY));
        assertTrue(unexcused.billed());
        assertEquals(200, unexcused.amountCents());
        assertEquals("Absence non justifiée · Tranche T2", unexcused.label());
        Tariff lenient = new Tariff("CANTINE", null, LocalDate.parse("2026-09-01"), Tariff.Mode.BRACKETS,
                cantine().prices(), 550L, null, null, null, null, null, null, null, false, null);
        PricedLine notBilled = price(lenient, qf(451), 1, DayEvent.absentUnexcused(1, "CANTINE", "MIDI", DAY));
        assertFalse(notBilled.billed());
        assertEquals(0, notBilled.amountCents());
    }

    @Test
    void anUnbookedPresencePaysThePenaltyPrice() {
        PricedLine line = price(cantine(), qf(451), 2, DayEvent.unbookedPresence(2, "CANTINE", "MIDI", DAY));
        assertEquals(549, line.amountCents(), "the penalty, without sibling reduction");
        assertEquals("Présence sans réservation", line.label());
        assertEquals("Présence sans réservation : tarif de pénalité de 5,49\u00a0€.", line.reason());
        assertEquals(Set.of(Anomaly.UNBOOKED_PRESENCE), line.anomalies());
        PricedLine normal = price(effort(), new FamilyFacts(null, LocalDate.parse("2026-05-01"), QfSource.CAF, 140_200L, true),
                1, DayEvent.unbookedPresence(1, "CRECHE", "JOUR", DAY));
        assertEquals(351, normal.amountCents(), "no penalty price: the normal price");
        assertEquals("Présence sans réservation · Taux d'effort 0,25\u00a0%", normal.label());
        PricedLine nothing = price(cantine(), qf(451), 1,
                new DayEvent(1, "CANTINE", "MIDI", DAY, false, false, Attendance.ABSENT_UNEXCUSED));
        assertFalse(nothing.billed());
    }

    @Test
    void aBookingWithoutPointageIsBilledAsBookedAndFlagged() {
        PricedLine line = price(cantine(), qf(451), 1, DayEvent.notRecorded(1, "CANTINE", "MIDI", DAY));
        assertEquals(200, line.amountCents());
        assertEquals(Set.of(Anomaly.NOT_RECORDED), line.anomalies());
        assertTrue(line.reason().startsWith("Réservation sans pointage : facturée comme réservée ; Tranche T2"), line.reason());
    }

    @Test
    void everyStepIsInTheReason() {
        FamilyFacts outside = new FamilyFacts(451, LocalDate.parse("2026-01-10"), QfSource.CAF, null, false);
        PricedLine line = price(withNonResident(cantine(), Adjustment.percent("30")), outside, 2,
                DayEvent.bookedLate(2, "CANTINE", "MIDI", DAY));
        // 2,00 → 2,60 (+30 %) → 2,34 (−10 %) → 2,808 (+20 %) → 2,81
        assertEquals(281, line.amountCents());
        assertEquals(List.of(new Applied("Majoration hors commune +30\u00a0%", 60),
                new Applied("Réduction fratrie 2e enfant \u221210\u00a0%", -26),
                new Applied("Majoration hors délai +20\u00a0%", 47)), line.applied());
        assertEquals("Tranche T2 (QF de 451 à 700) : 2,00\u00a0€ ; Majoration hors commune +30\u00a0% (+0,60\u00a0€) ;"
                + " Réduction fratrie 2e enfant \u221210\u00a0% (-0,26\u00a0€) ; Majoration hors délai +20\u00a0% (+0,47\u00a0€)."
                + " Prix du 15/10/2026 : 2,81\u00a0€.", line.reason());
    }

    @Test
    void theBasisIsReadInThePagesLanguageItsFrenchTheLinesWords() {
        inWords(cantine(), qf(451), DAY, "Tranche T2 (QF de 451 à 700)", "Bracket T2 (QF from 451 to 700)", null, null);
        inWords(cantine(), qf(1501), DAY, "Tranche T5 (QF à partir de 1501)", "Bracket T5 (QF from 1501 up)", null, null);
        inWords(cantine(), new FamilyFacts(null, null, null, null, true), DAY, "Tarif maximum : quotient familial absent",
                "Maximum price: family quotient not provided", "quotient familial absent", "family quotient not provided");
        inWords(cantine(), new FamilyFacts(451, LocalDate.parse("2025-10-16"), QfSource.MSA, null, true), LocalDate.parse("2026-10-16"),
                "Tarif maximum : justificatif de QF expiré (valable 12 mois, du 16/10/2025)",
                "Maximum price: QF proof expired (valid 12 months, dated 16/10/2025)",
                "justificatif de QF expiré (valable 12 mois, du 16/10/2025)", "QF proof expired (valid 12 months, dated 16/10/2025)");
        inWords(cantine(), new FamilyFacts(451, null, QfSource.AVIS_IMPOSITION, null, true), DAY,
                "Tarif maximum : justificatif de QF non daté", "Maximum price: QF proof not dated",
                "justificatif de QF non daté", "QF proof not dated");
        Tariff noT5 = new Tariff("CANTINE", null, LocalDate.parse("2026-09-01"), Tariff.Mode.BRACKETS,
                cantine().prices().subList(0, 4), 550L, null, null, null, null, null, null, null, true, null);
        inWords(noT5, qf(1600), DAY, "Tarif maximum : aucune tranche tarifaire pour le QF 1600",
                "Maximum price: no price bracket for QF 1600", "aucune tranche tarifaire pour le QF 1600", "no price bracket for QF 1600");
    }

    @Test
    void theEffortRatesBasisIsReadInThePagesLanguage() {
        LocalDate proof = LocalDate.parse("2026-05-01");
        inWords(effort(), new FamilyFacts(null, proof, QfSource.CAF, 185_050L, true), DAY,
                "Taux d'effort 0,25\u00a0% de 1\u00a0850,50\u00a0€", "Effort rate 0.25% of €1,850.50", null, null);
        inWords(effort(), new FamilyFacts(null, proof, QfSource.CAF, 50_000L, true), DAY,
                "Taux d'effort 0,25\u00a0% de 500,00\u00a0€, relevé au prix plancher",
                "Effort rate 0.25% of €500.00, raised to the floor price", null, null);
        inWords(effort(), new FamilyFacts(null, proof, QfSource.CAF, 300_000L, true), DAY,
                "Taux d'effort 0,25\u00a0% de 3\u00a0000,00\u00a0€, limité au prix plafond",
                "Effort rate 0.25% of €3,000.00, capped at the ceiling price", null, null);
        inWords(effort(), new FamilyFacts(700, proof, QfSource.CAF, null, true), DAY,
                "Tarif maximum : ressources mensuelles non déclarées", "Maximum price: monthly resources not declared",
                "ressources mensuelles non déclarées", "monthly resources not declared");
        inWords(effort(), new FamilyFacts(null, LocalDate.parse("2025-01-01"), QfSource.CAF, 140_200L, true), DAY,
                "Tarif maximum : justificatif de QF expiré (valable 12 mois, du 01/01/2025)",
                "Maximum price: QF proof expired (valid 12 months, dated 01/01/2025)",
                "justificatif de QF expiré (valable 12 mois, du 01/01/2025)", "QF proof expired (valid 12 months, dated 01/01/2025)");
    }

    @Test
    void theNonResidentStepFollowsTheBasisInThePagesLanguage() {
        FamilyFacts outside = new FamilyFacts(451, LocalDate.parse("2026-01-10"), QfSource.CAF, null, false);
        inWords(withNonResident(cantine(), Adjustment.price(700)), outside, DAY,
                "Tranche T2 (QF de 451 à 700) ; Tarif hors commune 7,00\u00a0€", "Bracket T2 (QF from 451 to 700); Non-resident price €7.00",
                null, null);
        inWords(withNonResident(cantine(), Adjustment.percent("12.5")), outside, DAY,
                "Tranche T2 (QF de 451 à 700) ; Majoration hors commune +12,5\u00a0%",
                "Bracket T2 (QF from 451 to 700); Non-resident surcharge +12.5%", null, null);
        inWords(withNonResident(cantine(), Adjustment.fixed(150)), new FamilyFacts(null, null, null, null, false), DAY,
                "Tarif maximum : quotient familial absent ; Majoration hors commune +1,50\u00a0€",
                "Maximum price: family quotient not provided; Non-resident surcharge +€1.50",
                "quotient familial absent", "family quotient not provided");
        inWords(withNonResident(cantine(), Adjustment.price(700)), qf(451), DAY, "Tranche T2 (QF de 451 à 700)",
                "Bracket T2 (QF from 451 to 700)", null, null);
    }

    /**
     * {@link Pricing#inWords} of a booked, attended day: in French exactly what the line stores (its basis, then its steps'
     * labels after " ; "), and in English.
     */
    static void inWords(Tariff t, FamilyFacts f, LocalDate day, String french, String english, String frenchReason,
            String englishReason) {
        PricedLine line = price(t, f, 1, DayEvent.present(1, t.activity(), "MIDI", day));
        StringBuilder stored = new StringBuilder(line.basis());
        line.applied().forEach(a -> stored.append(" ; ").append(a.label()));
        assertEquals(french, stored.toString(), "the line's words");
        Pricing.InWords w = Pricing.inWords(SETTINGS, t, f, day);
        assertEquals(french, w.basis().french());
        assertEquals(english, w.basis().in(Locale.ENGLISH));
        assertEquals(frenchReason, w.maximumReason() == null ? null : w.maximumReason().french());
        assertEquals(englishReason, w.maximumReason() == null ? null : w.maximumReason().in(Locale.ENGLISH));
    }

    static Tariff withNonResident(Tariff t, Adjustment a) {
        return new Tariff(t.activity(), t.unit(), t.validFrom(), t.mode(), t.prices(), t.maximumCents(), t.effortRatePercent(),
                t.floorCents(), t.ceilingCents(), a, t.siblingSecondPercent(), t.siblingThirdPercent(), t.lateSurcharge(),
                t.unexcusedAbsenceBilled(), t.unbookedPresenceCents());
    }

    static Tariff withLate(Tariff t, Adjustment a) {
        return new Tariff(t.activity(), t.unit(), t.validFrom(), t.mode(), t.prices(), t.maximumCents(), t.effortRatePercent(),
                t.floorCents(), t.ceilingCents(), t.nonResident(), t.siblingSecondPercent(), t.siblingThirdPercent(), a,
                t.unexcusedAbsenceBilled(), t.unbookedPresenceCents());
    }
}
