package fr.portailfamille.platform.billing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.Adjustment;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.FamilyFacts;
import fr.portailfamille.billing.QfBracket;
import fr.portailfamille.billing.QfSource;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.platform.billing.FamilyPricing;
import fr.portailfamille.platform.billing.TariffSheet;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.web.PageInLanguage;
import fr.portailfamille.platform.web.UserView;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Consulter les tarifs" reads how the price was found and why the maximum applies in the page's language. */
class TarifsViewTest {

    private PageInLanguage view;

    @AfterEach
    void noMoreRequest() {
        if (view != null) {
            view.release();
        }
    }

    static final BillingSettings SETTINGS = new BillingSettings(12, List.of("35000"), List.of(
            new QfBracket("T1", "Tranche 1", 0, 450), new QfBracket("T2", "Tranche 2", 451, 700)));
    /** 1,00 / 2,20 €, maximum 4,50 €, non-residents 5,00 €. */
    static final Tariff CANTINE = new Tariff("CANTINE", null, LocalDate.of(2026, 9, 1), Tariff.Mode.BRACKETS,
            List.of(new Tariff.BracketPrice("T1", 100L), new Tariff.BracketPrice("T2", 220L)), 450L, null, null, null,
            Adjustment.price(500), null, null, null, true, null);

    /** The page of a family with {@code facts} on 2 December 2026: the cantine's sheet. */
    static TarifsView page(FamilyFacts facts) {
        return page(facts, CANTINE);
    }

    static TarifsView page(FamilyFacts facts, Tariff tariff) {
        TariffSheet sheet = TariffSheet.of(SETTINGS, tariff, facts, LocalDate.of(2026, 12, 2), "Cantine", "Midi");
        TarifsView page = new TarifsView();
        page.user = new UserView() {
            @Override
            public SignedInUser require() {
                return null;
            }
        };
        page.pricing = new FamilyPricing() {
            @Override
            public Tarifs tarifs(SignedInUser user) {
                return new Tarifs(List.of(sheet), List.of(), facts, 12);
            }
        };
        page.load();
        return page;
    }

    @Test
    void anEnglishPageReadsTheBasisAndTheMaximumsReasonInEnglish() {
        view = new PageInLanguage(Locale.ENGLISH);
        TarifsView missing = page(new FamilyFacts(null, null, null, null, true));
        assertTrue(missing.isMaximum());
        assertEquals("family quotient not provided", missing.getMaximumReason());
        assertEquals("Maximum price: family quotient not provided", missing.text(missing.getSheets().get(0).getBasis()));
        TarifsView expired = page(new FamilyFacts(300, LocalDate.of(2025, 11, 1), QfSource.CAF, null, true));
        assertEquals("QF proof expired (valid 12 months, dated 01/11/2025)", expired.getMaximumReason());
        TarifsView outside = page(new FamilyFacts(451, LocalDate.of(2026, 6, 1), QfSource.CAF, null, false));
        assertEquals("", outside.getMaximumReason());
        assertEquals("Bracket T2 (QF from 451 to 700); Non-resident price €5.00", outside.text(outside.getSheets().get(0).getBasis()));
    }

    @Test
    void aFrenchPageReadsTheLinesFrench() {
        view = new PageInLanguage(Locale.FRENCH);
        TarifsView missing = page(new FamilyFacts(null, null, null, null, true));
        assertEquals("quotient familial absent", missing.getMaximumReason());
        assertEquals("Tarif maximum : quotient familial absent", missing.text(missing.getSheets().get(0).getBasis()));
        TarifsView outside = page(new FamilyFacts(451, LocalDate.of(2026, 6, 1), QfSource.CAF, null, false));
        assertEquals("Tranche T2 (QF de 451 à 700) ; Tarif hors commune 5,00\u00a0€", outside.text(outside.getSheets().get(0).getBasis()));
        assertTrue(!missing.isResourcesMissing(), "a missing quotient: the family is told to give its quotient");
    }

    @Test
    void anEffortRatesMaximumAsksForTheResourcesNotTheQuotient() {
        view = new PageInLanguage(Locale.FRENCH);
        Tariff effort = new Tariff("CANTINE", null, LocalDate.of(2026, 9, 1), Tariff.Mode.EFFORT_RATE, List.of(), null,
                new java.math.BigDecimal("0.25"), 150L, 1800L, null, null, null, null, false, null);
        TarifsView noResources = page(new FamilyFacts(620, LocalDate.of(2026, 6, 1), QfSource.CAF, null, true), effort);
        assertTrue(noResources.isMaximum(), noResources.getMaximumReason());
        assertTrue(noResources.isResourcesMissing());
        assertTrue(!noResources.isResourcesProofToRenew());
        // resources declared, but their proof older than the commune's 12 months: renew the attestation, not the resources
        TarifsView expired = page(new FamilyFacts(620, LocalDate.of(2025, 6, 1), QfSource.CAF, 250000L, true), effort);
        assertTrue(expired.isMaximum(), expired.getMaximumReason());
        assertTrue(!expired.isResourcesMissing());
        assertTrue(expired.isResourcesProofToRenew());
        TarifsView valid = page(new FamilyFacts(620, LocalDate.of(2026, 6, 1), QfSource.CAF, 250000L, true), effort);
        assertTrue(!valid.isMaximum());
        assertTrue(!valid.isResourcesProofToRenew());
    }
}
