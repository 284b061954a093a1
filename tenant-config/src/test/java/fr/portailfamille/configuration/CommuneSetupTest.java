package fr.portailfamille.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.configuration.CommuneConfiguration.Establishment;
import fr.portailfamille.configuration.CommuneConfiguration.EstablishmentKind;
import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.CommuneConfiguration.PeriodKind;
import fr.portailfamille.configuration.CommuneSetup.Item;
import fr.portailfamille.configuration.CommuneSetup.Step;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommuneSetupTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    static final CommuneConfiguration MODEL = DefaultConfiguration.get(TODAY);

    static Map<Item, Boolean> done(CommuneConfiguration conf, LocalDate today) {
        return CommuneSetup.steps(conf, MODEL, today).stream().collect(Collectors.toMap(Step::item, Step::done));
    }

    @Test
    void aNewCommuneHasEverythingLeftToDoInOrder() {
        List<Step> steps = CommuneSetup.steps(MODEL, MODEL, TODAY);
        assertEquals(Arrays.asList(Item.values()), steps.stream().map(Step::item).toList());
        assertTrue(steps.stream().noneMatch(Step::done), steps.toString());
        assertFalse(CommuneSetup.complete(steps));
    }

    @Test
    void eachSettingTheCommuneMakesItsOwnIsDone() {
        CommuneConfiguration conf = MODEL.withTexts("B", "Conditions de la commune de Saint-Exemple.")
                .withEstablishments(List.of(new Establishment("jf", "École Jules Ferry", EstablishmentKind.ECOLE_PRIMAIRE, null)))
                .withCalendar(withHolidays(MODEL.periods(), LocalDate.of(2026, 12, 19), LocalDate.of(2027, 1, 3)), MODEL.closures());
        BillingConfiguration b = MODEL.billing();
        List<Regie> regies = b.regies().stream().map(r -> new Regie(r.code(), r.label(), r.invoicePrefix(), "M. Régisseur", null,
                null, r.activities(), r.paymentInstructions())).toList();
        List<Tariff> tariffs = new ArrayList<>(b.tariffs());
        Tariff first = tariffs.get(0);
        tariffs.set(0, new Tariff(first.activity(), first.unit(), first.validFrom(), first.mode(), first.prices(),
                first.maximumCents() + 10, first.effortRatePercent(), first.floorCents(), first.ceilingCents(), first.nonResident(),
                first.siblingSecondPercent(), first.siblingThirdPercent(), first.lateSurcharge(), first.unexcusedAbsenceBilled(),
                first.unbookedPresenceCents()));
        BillingSettings s = b.settings();
        conf = conf.withBilling(new BillingConfiguration(new BillingSettings(s.qfValidityMonths(), List.of("44000"), s.brackets(),
                s.reminderDays()), regies, tariffs));
        List<Step> steps = CommuneSetup.steps(conf, MODEL, TODAY);
        assertTrue(CommuneSetup.complete(steps), steps.toString());
    }

    @Test
    void theModelsTextPostedBackByABrowserIsStillTheModel() {
        String crlf = MODEL.cgu().replace("\n", "\r\n") + "\r\n";
        assertFalse(done(MODEL.withTexts("A", crlf), TODAY).get(Item.CGU), "a textarea posts CRLF: not a commune's own text");
        assertTrue(done(MODEL.withTexts("A", crlf), TODAY).get(Item.ZONE));
        assertFalse(done(MODEL.withTexts("A", "  "), TODAY).get(Item.CGU), "no CGU at all is not done either");
    }

    @Test
    void theModelsTariffsMovedToAnotherYearAreStillTheModels() {
        CommuneConfiguration later = DefaultConfiguration.get(LocalDate.of(2029, 10, 1));
        assertFalse(CommuneSetup.steps(later, MODEL, TODAY).get(Item.TARIFFS.ordinal()).done());
        BillingConfiguration b = MODEL.billing();
        CommuneConfiguration none = MODEL.withBilling(new BillingConfiguration(b.settings(), b.regies(), List.of()));
        assertFalse(done(none, TODAY).get(Item.TARIFFS), "no tariff at all is not done");
    }

    @Test
    void holidaysCountOnlyInTheSchoolYearRunningOrNext() {
        List<Period> lastYearOnly = withHolidays(MODEL.periods(), LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 4));
        assertFalse(done(MODEL.withCalendar(lastYearOnly, List.of()), TODAY).get(Item.HOLIDAYS), "last year's Christmas");
        List<Period> thisYear = withHolidays(MODEL.periods(), LocalDate.of(2027, 4, 10), LocalDate.of(2027, 4, 26));
        assertTrue(done(MODEL.withCalendar(thisYear, List.of()), TODAY).get(Item.HOLIDAYS));
        // in the summer between two years, the next one is asked for: its holidays, not the ended year's
        assertFalse(done(MODEL.withCalendar(thisYear, List.of()), LocalDate.of(2027, 7, 20)).get(Item.HOLIDAYS),
                "no school year to come");
        assertFalse(done(MODEL.withCalendar(List.of(), List.of()), TODAY).get(Item.HOLIDAYS), "no school year at all");
    }

    static List<Period> withHolidays(List<Period> periods, LocalDate from, LocalDate to) {
        List<Period> all = new ArrayList<>(periods);
        all.add(new Period(PeriodKind.VACANCES, "Vacances", from, to));
        return all;
    }
}
