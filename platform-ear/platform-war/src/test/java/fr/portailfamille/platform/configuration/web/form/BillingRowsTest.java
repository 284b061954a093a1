package fr.portailfamille.platform.configuration.web.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.Adjustment;
import fr.portailfamille.billing.QfBracket;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.SepaCreditor;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.billing.Tariff.BracketPrice;
import fr.portailfamille.billing.Tariff.Mode;
import fr.portailfamille.problems.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The billing screens' rows and their records, amounts typed in euros, and rule paths next to their fields. */
class BillingRowsTest {

    static final List<QfBracket> BRACKETS = List.of(new QfBracket("T1", "Tranche 1", 0, 450),
            new QfBracket("T2", "Tranche 2", 451, 700), new QfBracket("T3", "Tranche 3", 701, null));

    static Tariff full() {
        return new Tariff("CANTINE", "MIDI", LocalDate.of(2026, 9, 1), Mode.BRACKETS,
                List.of(new BracketPrice("T1", 100L), new BracketPrice("T2", 220L), new BracketPrice("T3", 350L)), 450L,
                null, null, null, Adjustment.percent("20"), new BigDecimal("10"), new BigDecimal("2.5"), Adjustment.fixed(150),
                true, 549L);
    }

    @Test
    void aBracketRowGivesBackItsBracket() {
        for (QfBracket b : BRACKETS) {
            assertEquals(b, BracketRow.of(b).toBracket());
        }
        BracketRow typed = new BracketRow();
        typed.setCode(" t4 ");
        typed.setLabel(" ");
        typed.setMin(1401);
        assertEquals(new QfBracket("T4", null, 1401, null), typed.toBracket(), "code upper case, a blank label missing (the rules say so)");
    }

    @Test
    void aRegieRowGivesBackItsRegieBlankTextsAbsent() {
        List<FieldError> errors = new ArrayList<>();
        Regie r = new Regie("ALSH", "Régie garderie ALSH", "AL", "Claude Moreau", "regie@ville.fr", "02 99 00 00 00",
                List.of("PERI", "MERCREDI"), "Chèque à l'ordre du Trésor public", "123456", Regie.Collection.WALLET, -2050,
                new SepaCreditor("FR72ZZZ123456", "Ville – Régie ALSH", "FR7630006000011234567890189", "TRPUFRP1", 10));
        RegieRow shown = RegieRow.of(r);
        assertEquals("20,50", shown.getWalletOverdraft());
        assertEquals(r, shown.toRegie("regies[0]", errors));
        RegieRow fresh = new RegieRow();
        assertTrue(fresh.isFresh());
        fresh.setCode("cantine");
        fresh.setLabel("Régie restauration");
        fresh.setInvoicePrefix("rs");
        fresh.setManagerEmail("  ");
        fresh.setActivities(new ArrayList<>(List.of("CANTINE")));
        fresh.setSepaIban(" ");
        assertEquals(new Regie("CANTINE", "Régie restauration", "RS", null, null, null, List.of("CANTINE"), null),
                fresh.toRegie("regies[1]", errors), "invoicing after the fact, no overdraft, no SEPA creditor when its fields are blank");
        assertEquals(List.of(), errors);
    }

    @Test
    void aRegieRowKeepsIdentifiersCompactAndSaysWhatItCannotRead() {
        List<FieldError> errors = new ArrayList<>();
        RegieRow typed = new RegieRow();
        typed.setWalletOverdraft("dix");
        typed.setSepaIban("fr76 3000 6000 0112 3456 7890 189");
        typed.setSepaBic("trpufrp1");
        typed.setSepaDebitDay("le 10");
        Regie r = typed.toRegie("regies[2]", errors);
        assertEquals(new SepaCreditor(null, null, "FR7630006000011234567890189", "TRPUFRP1", 0), r.sepa());
        assertEquals(List.of(new FieldError("regies[2].walletOverdraft", FormValues.eurosExpected("dix")),
                new FieldError("regies[2].sepaDebitDay", "Jour attendu : un nombre de 1 à 28.")), errors);
        assertEquals("regies[0].sepaIban", FormValues.billingPath("billing.regies[0].sepa.iban", List.of()));
        assertEquals("regies[1].walletOverdraft", FormValues.billingPath("billing.regies[1].walletFloorCents", List.of()));
    }

    @Test
    void aTariffRowShowsEurosAndPercentsAndGivesBackTheSameCents() {
        Tariff t = full();
        TariffRow row = TariffRow.of(t, BRACKETS);
        assertEquals("CANTINE/MIDI", row.getTarget());
        assertEquals(List.of("1,00", "2,20", "3,50"), row.getPrices().stream().map(TariffRow.PriceRow::getAmount).toList());
        assertEquals("QF de 451 à 700", row.getPrices().get(1).getRange());
        assertEquals("4,50", row.getMaximum());
        assertEquals("PERCENT", row.getNonResidentKind());
        assertEquals("20", row.getNonResidentValue());
        assertEquals("2,5", row.getSiblingThird());
        assertEquals("FIXED", row.getLateKind());
        assertEquals("1,50", row.getLateValue());
        assertEquals("5,49", row.getUnbookedPresence());
        List<FieldError> errors = new ArrayList<>();
        assertEquals(t, row.toTariff("tariffs[0]", errors));
        assertEquals(List.of(), errors);
    }

    @Test
    void anEffortRateTariffKeepsOnlyItsModesFields() {
        Tariff t = new Tariff("CRECHE", null, LocalDate.of(2027, 1, 1), Mode.EFFORT_RATE, List.of(), null,
                new BigDecimal("0.0619"), 22L, 410L, Adjustment.price(500), null, null, null, false, null);
        TariffRow row = TariffRow.of(t, BRACKETS);
        assertEquals("CRECHE", row.getTarget());
        assertEquals("0,0619", row.getEffortRate());
        assertEquals("0,22", row.getFloor());
        assertEquals("5,00", row.getNonResidentValue());
        row.getPrices().get(0).setAmount("3,00");
        row.setMaximum("9");
        List<FieldError> errors = new ArrayList<>();
        assertEquals(t, row.toTariff("tariffs[2]", errors), "prices typed for brackets do not count in effort-rate mode");
        assertEquals(List.of(), errors);
    }

    @Test
    void amountsThatAreNotEurosAreRefusedNextToTheirFieldAndKeptAsTyped() {
        TariffRow row = new TariffRow(BRACKETS);
        row.setTarget("CANTINE");
        row.setValidFrom(LocalDate.of(2026, 9, 1));
        row.getPrices().get(0).setAmount("1,00");
        row.getPrices().get(1).setAmount("abc");
        row.getPrices().get(2).setAmount("3,505");
        row.setMaximum("-4,50");
        row.setSiblingSecond("dix");
        row.setLateValue("20");
        List<FieldError> errors = new ArrayList<>();
        Tariff t = row.toTariff("tariffs[1]", errors);
        assertEquals(List.of(
                new FieldError("tariffs[1].prices[1].amount", "Montant invalide : « abc » (en euros, par ex. 3,50)."),
                new FieldError("tariffs[1].prices[2].amount", "Montant invalide : « 3,505 » (en euros, par ex. 3,50)."),
                new FieldError("tariffs[1].maximum", "Montant invalide : « -4,50 » (en euros, par ex. 3,50)."),
                new FieldError("tariffs[1].siblingSecond", "Pourcentage invalide : « dix » (un nombre, par ex. 10 ou 2,5)."),
                new FieldError("tariffs[1].lateKind", "Choisissez le type : pourcentage ou montant.")), errors);
        assertEquals(100L, t.priceOf("T1").orElseThrow());
        assertEquals("abc", row.getPrices().get(1).getAmount(), "what was typed stays");
        assertNull(t.lateSurcharge());
    }

    @Test
    void eurosAsPeopleTypeThem() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(350L, FormValues.euros("3,50", "x", errors));
        assertEquals(350L, FormValues.euros(" 3.5 € ", "x", errors));
        assertEquals(185050L, FormValues.euros("1 850,50", "x", errors));
        assertNull(FormValues.euros("  ", "x", errors));
        assertEquals(List.of(), errors);
        assertEquals("3,50", FormValues.euros(350L));
        assertEquals("", FormValues.euros((Long) null));
        assertEquals(new BigDecimal("0.06"), FormValues.percent("0,06 %", "x", errors));
        assertNull(FormValues.percent("1e3", "y", errors));
        assertEquals(List.of(new FieldError("y", "Pourcentage invalide : « 1e3 » (un nombre, par ex. 10 ou 2,5).")), errors);
    }

    @Test
    void aNewGridFromADateCopiesEverythingButTheDate() {
        TariffRow row = TariffRow.of(full(), BRACKETS);
        TariffRow copy = row.copy();
        assertNull(copy.getValidFrom());
        copy.setValidFrom(LocalDate.of(2027, 1, 1));
        copy.getPrices().get(0).setAmount("1,10");
        assertEquals("1,00", row.getPrices().get(0).getAmount(), "the copy's prices are its own");
        Tariff t = copy.toTariff("tariffs[1]", new ArrayList<>());
        assertEquals(LocalDate.of(2027, 1, 1), t.validFrom());
        assertEquals(110L, t.priceOf("T1").orElseThrow());
        assertEquals(full().lateSurcharge(), t.lateSurcharge());
    }

    @Test
    void reminderDelaysAndPostcodesAsTyped() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(List.of(15, 45), FormValues.wholeNumbers("15, 45", "reminderDays", errors));
        assertEquals(List.of(), FormValues.wholeNumbers("", "reminderDays", errors));
        assertEquals(List.of(), errors);
        assertNull(FormValues.wholeNumbers("15, quinze", "reminderDays", errors));
        assertEquals("reminderDays", errors.get(0).field());
        assertEquals(List.of("35000", "35200", "35510"), FormValues.items("35000, 35200;\n35510"));
    }

    @Test
    void billingRulePathsLandNextToTheirFields() {
        List<String> codes = List.of("T1", "T2", "T3");
        assertEquals("qfValidityMonths", FormValues.componentPath("billing.qfValidityMonths"));
        assertEquals("residentPostcodes", FormValues.componentPath("billing.residentPostcodes[1]"));
        assertEquals("reminderDays", FormValues.componentPath("billing.reminderDays[0]"));
        assertEquals("brackets[2].min", FormValues.componentPath("billing.brackets[2].min"));
        assertEquals("regies[0].invoicePrefix", FormValues.componentPath("billing.regies[0].invoicePrefix"));
        assertEquals("regies[1].managerEmail", FormValues.componentPath("billing.regies[1].manager.email"));
        assertEquals("regies[1].activities", FormValues.componentPath("billing.regies[1].activities[3]"));
        assertEquals("", FormValues.componentPath("billing.regies"), "a régie in use: in the summary");
        assertEquals("tariffs[0].prices[1].amount", FormValues.billingPath("billing.tariffs[0].pricesCents.T2", codes));
        assertEquals("", FormValues.billingPath("billing.tariffs[0].pricesCents.T9", codes));
        assertEquals("", FormValues.billingPath("billing.tariffs[0].pricesCents", codes), "a missing price: in the summary");
        assertEquals("tariffs[3].target", FormValues.billingPath("billing.tariffs[3].unit", codes));
        assertEquals("tariffs[3].maximum", FormValues.billingPath("billing.tariffs[3].maximumCents", codes));
        assertEquals("tariffs[0].ceiling", FormValues.billingPath("billing.tariffs[0].effortRate.ceilingCents", codes));
        assertEquals("tariffs[0].nonResidentValue", FormValues.billingPath("billing.tariffs[0].nonResident.cents", codes));
        assertEquals("tariffs[0].lateKind", FormValues.billingPath("billing.tariffs[0].late.kind", codes));
        assertEquals("tariffs[0].siblingThird", FormValues.billingPath("billing.tariffs[0].siblings.thirdPercent", codes));
        assertEquals("tariffs[0].unbookedPresence", FormValues.billingPath("billing.tariffs[0].unbookedPresenceCents", codes));
        assertEquals("", FormValues.billingPath("activities[0].name", codes));
    }
}
