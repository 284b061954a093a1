package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.tenancy.CommuneRules;
import java.sql.Connection;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The porte-monnaie at the counter in Chromium ({@code agent/porte-monnaie-guichet.xhtml}): a régisseur records a top-up
 * in cash, then takes back a rejected cheque — its reason required next to its field, then recorded, the balance below
 * zero —, the movements listed with their words; axe-core on the page. The services' rules are WalletIT's.
 */
@ExtendWith(ArquillianExtension.class)
class WalletCounterWalkIT {

    static final String BASE = PlatformWebIT.url(StackLauncher.ALPHA);

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Test
    @RunAsClient
    void aRegisseurTopsUpAndTakesBackARejectedChequeAtTheCounter() throws Exception {
        String s = BillingKit.random(6);
        String regisseur = "regie-pm-" + s.toLowerCase() + "@alpha.test";
        var realms = StackLauncher.stack().realmProvisioner();
        realms.createUser(CommuneRules.realmName("alpha"), regisseur, "Claude", "Régie", StackLauncher.PASSWORD_AGENT, "agent");
        realms.createUser(CommuneRules.realmName("alpha"), regisseur, "Claude", "Régie", StackLauncher.PASSWORD_AGENT, "regisseur");
        long family;
        String regie = "PMW" + s;
        try (Connection c = PaymentWalkIT.db()) {
            family = PaymentWalkIT.id(c, "insert into family (label, email, status) values (?, ?, 'VALIDATED') returning id",
                    "Foyer Tirelire " + s, "tirelire-" + s.toLowerCase() + "@alpha.test");
            long r = PaymentWalkIT.id(c, "insert into regie (code, label, invoice_prefix, collection, wallet_floor_cents)"
                    + " values (?, ?, ?, 'WALLET', 0) returning id", regie, "Régie tirelire " + s, BillingKit.prefix("T"));
            PaymentWalkIT.id(c, "insert into wallet (family_id, regie_id, activated_by) values (?, ?, 'parent') returning id",
                    family, r);
        }
        try (Browser b = new Browser()) {
            String page = "/agent/porte-monnaie-guichet.xhtml?famille=" + family;
            ActivitiesWalkIT.signIn(b, page, regisseur, StackLauncher.PASSWORD_AGENT);
            b.await(By.id("wallet-" + regie));
            assertEquals("", b.accessibilityViolations(), "axe-core, the counter's page");
            // a number that is no family of the commune, or no number: said, not « no child registered »
            for (String wrong : new String[] {"999999999", "abc"}) {
                b.get(BASE + "/agent/porte-monnaie-guichet.xhtml?famille=" + wrong);
                assertEquals("Cette famille n'existe pas.", b.await(By.id("wallet-refusal")).getText(), wrong);
                assertTrue(b.driver.findElements(By.id("wallet-not-yet")).isEmpty() && b.driver.findElements(By.id("counter")).isEmpty());
            }
            b.get(BASE + page);
            b.await(By.id("wallet-" + regie));

            new Select(b.driver.findElement(By.id("counter:regie"))).selectByValue(regie);
            new Select(b.driver.findElement(By.id("counter:mode"))).selectByValue("ESPECES");
            Browser.type(b, "counter:amount", "20,00");
            b.submit(By.id("counter:record"));
            String done = b.await(By.cssSelector("#summary .pf-info")).getText();
            assertTrue(done.contains("20,00") && done.contains("solde 20,00"), done);

            // a withdrawal without its reason: told next to the field, the amount typed kept
            new Select(b.driver.findElement(By.id("withdrawal:withdrawRegie"))).selectByValue(regie);
            Browser.type(b, "withdrawal:withdrawAmount", "25,00");
            b.submit(By.id("withdrawal:withdraw"));
            assertTrue(b.await(By.id("withdrawal:withdrawReason_msg")).getText().contains("motif"), b::snapshot);
            assertEquals("25,00", b.driver.findElement(By.id("withdrawal:withdrawAmount")).getAttribute("value"));
            Browser.type(b, "withdrawal:withdrawReason", "Chèque rejeté par la banque");
            b.submit(By.id("withdrawal:withdraw"));
            String taken = b.await(By.cssSelector("#summary .pf-info")).getText();
            assertTrue(taken.startsWith("Retrait de 25,00") && taken.contains("solde -5,00"), taken);
            String movements = b.driver.findElement(By.id("wallet-" + regie)).getText();
            assertTrue(movements.contains("Retrait au guichet : Chèque rejeté par la banque"), movements);
            assertEquals("", b.accessibilityViolations(), "axe-core, after the withdrawal");
            Browser.screenshot(b, "porte-monnaie-guichet");
        }
    }
}
