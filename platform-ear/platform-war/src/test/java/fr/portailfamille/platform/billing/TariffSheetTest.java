package fr.portailfamille.platform.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.Adjustment;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.FamilyFacts;
import fr.portailfamille.billing.QfBracket;
import fr.portailfamille.billing.QfSource;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.problems.Message;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TariffSheetTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final BillingSettings SETTINGS = new BillingSettings(12, List.of("35000"), List.of(
            new QfBracket("T1", "Tranche 1", 0, 450), new QfBracket("T2", "Tranche 2", 451, 700),
            new QfBracket("T3", "Tranche 3", 701, null)));
    static final Tariff CANTINE = new Tariff("CANTINE", null, LocalDate.of(2026, 9, 1), Tariff.Mode.BRACKETS,
            List.of(new Tariff.BracketPrice("T1", 100L), new Tariff.BracketPrice("T2", 220L), new Tariff.BracketPrice("T3", 360L)),
            450L, null, null, null, Adjustment.price(500), new BigDecimal("10"), new BigDecimal("20"), Adjustment.percent("20"),
            true, 549L);

    static List<String> read(List<Message> texts, Locale locale) {
        return texts.stream().map(m -> m.in(locale)).toList();
    }

    static FamilyFacts family(Integer qf, LocalDate proof, boolean resident) {
        return new FamilyFacts(qf, proof, qf == null ? null : QfSource.CAF, null, resident);
    }

    @Test
    void theFamilysBracketIsMarkedAndItsPriceIsTheBracketsAtTheEdge() {
        TariffSheet s = TariffSheet.of(SETTINGS, CANTINE, family(451, LocalDate.of(2026, 6, 1), true), TODAY, "Cantine", "Midi");
        assertEquals(220L, s.priceCents());
        assertFalse(s.maximum());
        assertNull(s.maximumReason());
        assertEquals(List.of("T1", "T2", "T3"), s.rows().stream().limit(3).map(TariffSheet.Row::code).toList());
        assertEquals(List.of(false, true, false, false), s.rows().stream().map(TariffSheet.Row::family).toList());
        assertEquals("QF de 451 à 700", s.rows().get(1).range().french());
        // the bracket's own label (the commune's words) the same in every language; its bounds in the reader's
        assertEquals("Tranche 2", s.rows().get(1).label().in(Locale.ENGLISH));
        assertEquals("QF from 451 to 700", s.rows().get(1).range().in(Locale.ENGLISH));
        assertEquals("QF à partir de 701", s.rows().get(2).range().french());
        assertEquals("QF from 701 up", s.rows().get(2).range().in(Locale.ENGLISH));
        // the maximum tariff is the grid's last row
        assertEquals(new TariffSheet.Row(null, Message.literal("Tarif maximum"), Message.literal("QF inconnu ou justificatif expiré"),
                450L, false), s.rows().get(3));
        assertEquals("Tarif maximum", s.rows().get(3).label().french());
        assertEquals("QF inconnu ou justificatif expiré", s.rows().get(3).range().french());
        assertEquals("Maximum price", s.rows().get(3).label().in(Locale.ENGLISH));
        assertEquals("QF unknown or proof expired", s.rows().get(3).range().in(Locale.ENGLISH));
        assertEquals("Tranche T2 (QF de 451 à 700)", s.basis().french());
        assertEquals("Bracket T2 (QF from 451 to 700)", s.basis().in(Locale.ENGLISH));
    }

    @Test
    void withoutQfTheMaximumAppliesAndTheSheetSaysWhy() {
        TariffSheet s = TariffSheet.of(SETTINGS, CANTINE, family(null, null, true), TODAY, "Cantine", "Midi");
        assertTrue(s.maximum());
        assertEquals(450L, s.priceCents());
        assertEquals("quotient familial absent", s.maximumReason().french());
        assertEquals("family quotient not provided", s.maximumReason().in(Locale.ENGLISH));
        assertEquals("Tarif maximum : quotient familial absent", s.basis().french());
        assertEquals("Maximum price: family quotient not provided", s.basis().in(Locale.ENGLISH));
        assertTrue(s.rows().get(3).family(), "the maximum row is the family's");
        assertEquals(1, s.rows().stream().filter(TariffSheet.Row::family).count());
    }

    @Test
    void anExpiredProofGivesTheMaximumWithItsDate() {
        TariffSheet s = TariffSheet.of(SETTINGS, CANTINE, family(300, LocalDate.of(2025, 11, 1), true), TODAY, "Cantine", "Midi");
        assertTrue(s.maximum());
        assertEquals(450L, s.priceCents());
        assertEquals("justificatif de QF expiré (valable 12 mois, du 01/11/2025)", s.maximumReason().french());
        assertEquals("QF proof expired (valid 12 months, dated 01/11/2025)", s.maximumReason().in(Locale.ENGLISH));
        assertEquals("Maximum price: QF proof expired (valid 12 months, dated 01/11/2025)", s.basis().in(Locale.ENGLISH));
    }

    @Test
    void aNonResidentPaysTheNonResidentPriceAndTheRulesAreInWords() {
        TariffSheet s = TariffSheet.of(SETTINGS, CANTINE, family(300, LocalDate.of(2026, 6, 1), false), TODAY, "Cantine", "Midi");
        assertEquals(500L, s.priceCents());
        assertEquals("Tranche T1 (QF de 0 à 450) ; Tarif hors commune 5,00\u00a0€", s.basis().french());
        assertEquals("Bracket T1 (QF from 0 to 450); Non-resident price €5.00", s.basis().in(Locale.ENGLISH));
        assertEquals(List.of("Votre famille habite hors de la commune : tarif hors commune de 5,00\u00a0€.",
                "Réduction fratrie (enfants facturés le même mois, de l'aîné au plus jeune) : 2e enfant \u221210\u00a0%,"
                        + " 3e enfant et suivants \u221220\u00a0%.",
                "Réservation hors délai : majoration de 20\u00a0%.",
                "Absence non justifiée : facturée ; absence justifiée : non facturée.",
                "Présence sans réservation : 5,49\u00a0€ l'unité."), read(s.notes(), Locale.FRENCH));
        assertEquals(read(s.notes(), Locale.FRENCH), s.notes().stream().map(Message::french).toList());
        assertEquals(List.of("Your family lives outside the commune: non-resident price of €5.00.",
                "Sibling discount (children billed in the same month, from the eldest to the youngest): 2nd child \u221210%,"
                        + " 3rd child and next \u221220%.",
                "Late booking: 20% surcharge.",
                "Unexcused absence: billed; excused absence: not billed.",
                "Presence without booking: €5.49 per unit."), read(s.notes(), Locale.ENGLISH));
    }

    @Test
    void aResidentReadsTheNonResidentPriceAndTheOtherAdjustmentsInWords() {
        Tariff t = new Tariff("CANTINE", null, LocalDate.of(2026, 9, 1), Tariff.Mode.BRACKETS,
                List.of(new Tariff.BracketPrice("T1", 100L)), 450L, null, null, null, Adjustment.percent("12.5"),
                null, new BigDecimal("7.5"), Adjustment.fixed(150), false, null);
        TariffSheet s = TariffSheet.of(SETTINGS, t, family(300, LocalDate.of(2026, 6, 1), true), TODAY, "Cantine", "Midi");
        assertEquals(List.of("Familles hors commune : majoration de 12,5\u00a0%.",
                "Réduction fratrie (enfants facturés le même mois, de l'aîné au plus jeune) : 3e enfant et suivants \u22127,5\u00a0%.",
                "Réservation hors délai : majoration de 1,50\u00a0€.",
                "Absence : non facturée."), read(s.notes(), Locale.FRENCH));
        assertEquals(List.of("Families living outside the commune: 12.5% surcharge.",
                "Sibling discount (children billed in the same month, from the eldest to the youngest): 3rd child and next \u22127.5%.",
                "Late booking: €1.50 surcharge.",
                "Absence: not billed."), read(s.notes(), Locale.ENGLISH));
        assertEquals("prix de 5,00\u00a0€", TariffSheet.describe(Adjustment.price(500), false).french());
        assertEquals("price of €5.00", TariffSheet.describe(Adjustment.price(500), false).in(Locale.ENGLISH));
    }

    @Test
    void anEffortRateShowsItsRateFloorCeilingAndTheComputedPrice() {
        Tariff creche = new Tariff("CRECHE", "HEURE", LocalDate.of(2026, 1, 1), Tariff.Mode.EFFORT_RATE, List.of(), null,
                new BigDecimal("0.06"), 50L, 300L, null, null, null, null, false, null);
        // 0,06 % of 2 500,00 € = 1,50 €
        TariffSheet s = TariffSheet.of(SETTINGS, creche, new FamilyFacts(600, LocalDate.of(2026, 6, 1), QfSource.CAF, 250000L, true),
                TODAY, "Crèche", "Heure");
        assertTrue(s.effortRate());
        assertEquals(List.of(), s.rows());
        assertEquals(150L, s.priceCents());
        assertEquals("Taux d'effort 0,06\u00a0% de 2\u00a0500,00\u00a0€", s.basis().french());
        assertEquals("Effort rate 0.06% of €2,500.00", s.basis().in(Locale.ENGLISH));
        assertEquals("Taux d'effort de 0,06\u00a0% des ressources mensuelles, entre 0,50\u00a0€ (plancher) et 3,00\u00a0€ (plafond) par unité.",
                s.effortText().french());
        assertEquals("Effort rate of 0.06% of the monthly resources, between €0.50 (floor) and €3.00 (ceiling) per unit.",
                s.effortText().in(Locale.ENGLISH));
        assertEquals(List.of("Absence : non facturée."), read(s.notes(), Locale.FRENCH));
        assertEquals(List.of("Absence: not billed."), read(s.notes(), Locale.ENGLISH));
        // resources not declared: the ceiling, as the maximum
        TariffSheet none = TariffSheet.of(SETTINGS, creche, family(600, LocalDate.of(2026, 6, 1), true), TODAY, "Crèche", "Heure");
        assertTrue(none.maximum());
        assertEquals(300L, none.priceCents());
        assertEquals("ressources mensuelles non déclarées", none.maximumReason().french());
        assertEquals("monthly resources not declared", none.maximumReason().in(Locale.ENGLISH));
        assertEquals("Maximum price: monthly resources not declared", none.basis().in(Locale.ENGLISH));
    }
}
