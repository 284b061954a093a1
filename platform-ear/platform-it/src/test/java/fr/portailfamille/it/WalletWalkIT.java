package fr.portailfamille.it;

import static fr.portailfamille.it.PlanningWalkIT.tap;
import static fr.portailfamille.it.PlanningWalkIT.toggle;
import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.Money;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The porte-monnaie as a parent sees it, in Chromium: the parent activates it ("la tirelire"), tops it up by card
 * on the PayFiP simulator's page ("Payer"), sees the balance, then books on Mon planning until the refusal that
 * invites to top it up; Accueil shows the balance. axe-core and 360 px on the porte-monnaie page.
 */
@ExtendWith(ArquillianExtension.class)
class WalletWalkIT {

    static final String BASE = PlatformWebIT.url(ALPHA);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    /** Amounts as read on the page (Selenium gives no-break spaces as spaces). */
    static String euros(long cents) {
        return text(Money.format(cents));
    }

    static String text(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void aParentTopsUpByCardAndBooksUntilTheBalanceStopsIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String s = suffix.toUpperCase();
        String code = "PMW-" + s;
        String regie = "PMW" + s;
        String email = "tirelire-" + suffix + "@alpha.test";
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into family (label, email, status, validated_at) values ('Foyer Tirelire', '" + email
                    + "', 'VALIDATED', now())");
            st.execute("insert into responsable (family_id, rank, first_name, last_name, email) select id, 1, 'Sam',"
                    + " 'Tirelire', email from family where email = '" + email + "'");
            st.execute("insert into child (family_id, first_name, last_name, birth_date, sex, school) select id, 'Nina',"
                    + " 'Tirelire', current_date - interval '7 years', 'F', 'École du Centre' from family where email = '"
                    + email + "'");
            st.execute("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                    + " values ('" + code + "', 'Cantine tirelire " + s + "', 'PERISCOLAIRE', 'J-2@23:59', 'J-2@23:59', 'REFUSED')");
            st.execute("insert into activity_unit (activity_id, code, label, start_time, end_time, capacity, weekdays)"
                    + " select id, 'MIDI', 'Midi', '11:30', '13:30', 20, '1,2,4,5' from activity where code = '" + code + "'");
            st.execute("insert into regie (code, label, invoice_prefix, payfip_numcli, collection, wallet_floor_cents) values ('"
                    + regie + "', 'Régie tirelire " + s + "', 'W" + s.substring(0, 5).replaceAll("[^A-Z0-9]", "X") + "', '123456',"
                    + " 'WALLET', 0)");
            st.execute("insert into regie_activity (activity_id, regie_id) select a.id, r.id from activity a, regie r"
                    + " where a.code = '" + code + "' and r.code = '" + regie + "'");
            st.execute("insert into tariff (activity_id, valid_from, mode, maximum_cents) select id, date '2026-09-01',"
                    + " 'BRACKETS', 350 from activity where code = '" + code + "'");
            st.execute("insert into tariff_price (tariff_id, bracket_id, price_cents) select t.id, b.id, 350 from tariff t"
                    + " join activity a on a.id = t.activity_id, qf_bracket b where a.code = '" + code + "'");
        }
        StackLauncher.stack().realmProvisioner().createUser("pf-alpha", email, "Sam", "Tirelire", "Tirelire2026", "parent");
        String unit = PlanningWalkIT.unitOf(code, "MIDI");
        String month = TestDays.thisMonth().plusMonths(2).toString();
        LocalDate monday = YearMonth.parse(month).atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        while (fr.portailfamille.booking.FrenchPublicHolidays.datesOf(monday.getYear()).contains(monday)
                || fr.portailfamille.booking.FrenchPublicHolidays.datesOf(monday.getYear()).contains(monday.plusDays(1))
                || fr.portailfamille.booking.FrenchPublicHolidays.datesOf(monday.getYear()).contains(monday.plusDays(3))) {
            monday = monday.plusWeeks(1);
        }
        List<String> wide = new ArrayList<>();
        try (Browser parent = new Browser()) {
            PlatformWebIT.recordCspViolations(parent);
            parent.get(BASE + "/espace/porte-monnaie.xhtml");
            parent.signIn(email, "Tirelire2026");
            parent.awaitUrlStartingWith(BASE + "/espace/porte-monnaie.xhtml");
            // no child registered yet to the régie's activities: told how it opens, not that the commune has none
            assertTrue(parent.await(By.id("wallet-not-yet")).getText().startsWith("Le porte-monnaie paie les activités"),
                    parent::snapshot);
            assertTrue(parent.driver.findElements(By.id("wallet-none")).isEmpty());
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("insert into commune_alpha.registration (child_id, activity_id, status, cgu_accepted_at) select ch.id,"
                        + " a.id, 'VALIDATED', now() from commune_alpha.child ch join commune_alpha.family f on f.id = ch.family_id,"
                        + " commune_alpha.activity a where f.email = '" + email + "' and a.code = '" + code + "'");
            }
            parent.get(BASE + "/espace/porte-monnaie.xhtml");
            By activate = By.cssSelector("#wallet-" + regie + " input[type='submit']");
            parent.await(activate);
            WalletWalk.shots(parent, "a-activer", wide);
            parent.submit(activate);
            assertEquals("Votre porte-monnaie est activé : alimentez-le pour réserver.",
                    parent.await(By.id("wallet-info")).getText(), parent::snapshot);
            assertEquals(euros(0), text(parent.driver.findElement(By.cssSelector("#wallet-" + regie + " .wallet-amount")).getText()));

            // 7,00 € by card on the simulator's page
            new Select(parent.await(By.id("topup:regie"))).selectByValue(regie);
            Browser.type(parent, "topup:amount", "7,00");
            parent.submit(By.id("topup:pay"));
            assertTrue(text(parent.await(By.id("payfip")).getText()).contains(euros(700)), parent::snapshot);
            WalletWalk.shots(parent, "vers-payfip", wide);
            parent.await(By.id("payfip-link")).click();
            parent.await(By.cssSelector("button[value='payer']"));
            parent.submit(By.cssSelector("button[value='payer']"));
            parent.awaitUrlStartingWith(BASE + "/espace/paiement-resultat.xhtml");
            // the result page speaks of the top-up, not of an invoice, and leads back to the porte-monnaie
            assertTrue(text(parent.await(By.id("payment-message")).getText()).contains("sur le porte-monnaie est enregistré"),
                    parent::snapshot);
            assertEquals("Paiement réussi : le porte-monnaie est alimenté", parent.driver.findElement(By.id("payment-headline")).getText());
            assertFalse(parent.driver.getTitle().contains("facture"), parent.driver.getTitle());
            parent.await(By.id("wallet-link"));

            parent.get(BASE + "/espace/porte-monnaie.xhtml");
            assertEquals(euros(700), text(parent.await(By.cssSelector("#wallet-" + regie + " .wallet-amount")).getText()),
                    parent::snapshot);
            assertTrue(parent.driver.getPageSource().contains("Versement par carte bancaire en ligne"));
            WalletWalk.shots(parent, "alimente", wide);

            // Mon planning: three days at 3,50 € with 7,00 €: the third is refused, inviting to top up
            parent.get(BASE + "/espace/planning.xhtml?enfant=1&mois=" + month);
            parent.await(By.id("calendar"));
            tap(parent, toggle(monday, unit), true);
            tap(parent, toggle(monday.plusDays(1), unit), true);
            tap(parent, toggle(monday.plusDays(3), unit), true);
            parent.ajax(By.id("planning:review"));
            // the summary says it before « Confirmer »: 10,50 € asked, 7,00 € in the porte-monnaie
            String lacking = text(parent.await(By.id("recap-wallet")).getText());
            assertTrue(lacking.contains("il manque " + euros(350)), lacking);
            parent.ajax(By.id("planning:confirm"));
            String outcomes = parent.await(By.id("outcomes")).getText();
            assertTrue(outcomes.contains("Solde du porte-monnaie insuffisant"), outcomes);
            assertTrue(outcomes.contains("Alimentez votre porte-monnaie"), outcomes);
            assertEquals("", parent.accessibilityViolations(), "axe-core, Mon planning (solde insuffisant)");
            Browser.screenshot(parent, "porte-monnaie-planning-refus");

            parent.get(BASE + "/espace/accueil.xhtml");
            assertTrue(text(parent.await(By.id("wallet-" + regie)).getText()).contains(euros(0)), parent::snapshot);
            assertEquals("", parent.accessibilityViolations(), "axe-core, Accueil avec porte-monnaie");

            // the relevé de compte gives the porte-monnaie's year: the card's top-up, the two days, the balance
            parent.get(BASE + "/espace/releve.xhtml");
            String releve = text(parent.await(By.id("releve-wallet-" + regie)).getText());
            assertTrue(releve.contains("Versement par carte bancaire en ligne") && releve.contains(euros(700)), releve);
            assertEquals(2, parent.driver.findElements(By.cssSelector("#releve-wallet-" + regie + " tr.wallet-movement"))
                    .stream().filter(r -> r.getText().contains("Nina")).count(), releve);
            WalletWalk.shots(parent, "releve", wide);

            // a wrong amount is refused next to its field
            parent.get(BASE + "/espace/porte-monnaie.xhtml");
            new Select(parent.await(By.id("topup:regie"))).selectByValue(regie);
            Browser.type(parent, "topup:amount", "0,50");
            parent.submit(By.id("topup:pay"));
            assertEquals("Le montant à verser doit être d'au moins 1,00 €.", parent.await(By.id("topup:amount_msg")).getText(),
                    parent::snapshot);
            WalletWalk.shots(parent, "montant-refuse", wide);
        }
        assertEquals(2, PlanningWalkIT.bookedCount(email));
        assertEquals(List.of(), wide, "pages plus larges que 360 px");
    }
}
