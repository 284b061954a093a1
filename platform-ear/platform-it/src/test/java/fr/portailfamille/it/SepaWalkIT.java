package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.tenancy.CommuneRules;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/**
 * A parent signs a SEPA mandate on a phone-sized Chromium (390 × 844): the IBAN of the family file is offered, a
 * wrong IBAN key is refused next to the field, the signed mandate is listed with its RUM and its PDF downloads;
 * axe-core and the Content-Security-Policy on the page with the error and after signing; another commune's host
 * gives nothing of the mandate.
 */
@ExtendWith(ArquillianExtension.class)
class SepaWalkIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    @Test
    @RunAsClient
    void aParentSignsAMandateOnAPhone() throws Exception {
        String code = "W" + BillingKit.random(8);
        String email = "sepa-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.executeUpdate("insert into regie (code, label, invoice_prefix, sepa_ics, sepa_name, sepa_iban, sepa_bic, sepa_debit_day)"
                    + " values ('" + code + "', 'Régie prélevée " + code + "', '" + BillingKit.prefix("W") + "', 'FR72ZZZ123456',"
                    + " 'Regie Alpha', 'FR7630006000011234567890189', 'AGRIFRPP882', 5)");
            st.executeUpdate("insert into family (label, status, email, iban, account_holder) values ('Famille Prélevée', 'VALIDATED', '"
                    + email + "', 'FR7630006000011234567890189', 'Camille Prélevée')");
        }
        StackLauncher.stack().realmProvisioner().createUser(CommuneRules.realmName("alpha"), email, "Camille", "Prélevée",
                StackLauncher.PASSWORD_PARENT, "parent");
        try (Browser b = new Browser()) {
            b.driver.manage().window().setSize(new Dimension(390, 844));
            PlatformWebIT.recordCspViolations(b);
            ActivitiesWalkIT.signIn(b, "/espace/prelevement.xhtml", email, StackLauncher.PASSWORD_PARENT);
            b.await(By.id("no-mandate"));
            assertEquals("FR7630006000011234567890189", b.driver.findElement(By.id("sign:iban")).getAttribute("value"),
                    "the family file's IBAN is offered");
            assertEquals("Camille Prélevée", b.driver.findElement(By.id("sign:debtorName")).getAttribute("value"));

            // the consent not ticked: its error tied to the checkbox, which has the focus
            new Select(b.driver.findElement(By.id("sign:regie"))).selectByValue(code);
            b.submit(By.id("sign:sign-button"));
            assertFalse(b.await(By.id("sign:accepted_msg")).getText().isBlank(), b::snapshot);
            assertTrue(b.driver.findElement(By.id("sign:accepted")).getAttribute("aria-describedby").contains("sign:accepted_msg"));
            assertEquals("sign:accepted", b.driver.switchTo().activeElement().getAttribute("id"));

            new Select(b.driver.findElement(By.id("sign:regie"))).selectByValue(code);
            b.driver.findElement(By.id("sign:iban")).clear();
            Browser.type(b, "sign:iban", "FR76 3000 6000 0112 3456 7890 188");
            b.driver.findElement(By.id("sign:accepted")).click();
            b.submit(By.id("sign:sign-button"));
            String error = b.await(By.id("sign:iban_msg")).getText();
            assertTrue(error.contains("clé de contrôle"), error);
            assertEquals("", b.accessibilityViolations(), "axe-core, the refused IBAN");
            Browser.screenshot(b, "sepa-refused");

            new Select(b.driver.findElement(By.id("sign:regie"))).selectByValue(code);
            b.driver.findElement(By.id("sign:iban")).clear();
            Browser.type(b, "sign:iban", "FR76 3000 6000 0112 3456 7890 189");
            if (!b.driver.findElement(By.id("sign:accepted")).isSelected()) {
                b.driver.findElement(By.id("sign:accepted")).click();
            }
            b.submit(By.id("sign:sign-button"));
            String list = b.await(By.id("mandate-list")).getText();
            assertTrue(list.contains("PF-" + code + "-") && list.contains("FR76 3000 6000 0112 3456 7890 189"), list);
            assertTrue(b.driver.findElement(By.id("summary")).getText().contains("signé"));
            assertEquals("", b.accessibilityViolations(), "axe-core, the signed mandate");
            assertEquals("", PlatformWebIT.cspViolations(b), "CSP");
            Browser.screenshot(b, "sepa-signed");

            String href = b.driver.findElement(By.cssSelector("a.mandate-pdf")).getAttribute("href");
            String path = href.substring(href.indexOf("/espace/"));
            String cookies = DocumentsWalk.cookies(b);
            HttpResponse<byte[]> pdf = FamilyBillingDocumentsIT.fetch(PlatformWebIT.host(StackLauncher.ALPHA), path, cookies);
            assertEquals(200, pdf.statusCode());
            assertTrue(BillingKit.pdfText(pdf.body()).contains("PF-" + code + "-"));
            // the same session on commune beta's host: nothing of the mandate
            HttpResponse<byte[]> beta = FamilyBillingDocumentsIT.fetch(PlatformWebIT.host(StackLauncher.BETA), path, cookies);
            assertFalse(beta.statusCode() == 200);
            assertFalse(new String(beta.body(), StandardCharsets.ISO_8859_1).contains("%PDF"));
        }
    }

    /**
     * A régisseur asks the file of a run that has none to make (here an unknown run): back on Prélèvements with the
     * reason in words, not a bare error page.
     */
    @Test
    @RunAsClient
    void aFileThatCannotBeMadeIsToldOnThePrelevementsPage() throws Exception {
        String email = "prelev-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        var realms = StackLauncher.stack().realmProvisioner();
        realms.createUser(CommuneRules.realmName("alpha"), email, "Claude", "Prélève", StackLauncher.PASSWORD_AGENT, "agent");
        realms.createUser(CommuneRules.realmName("alpha"), email, "Claude", "Prélève", StackLauncher.PASSWORD_AGENT, "regisseur");
        try (Browser b = new Browser()) {
            ActivitiesWalkIT.signIn(b, "/agent/prelevements.xhtml", email, StackLauncher.PASSWORD_AGENT);
            b.await(By.id("page-title"));
            b.driver.executeScript("var f = document.createElement('form'); f.method = 'post';"
                    + " f.action = arguments[0] + '/agent/prelevements/fichier?run=999999999'; document.body.appendChild(f); f.submit();",
                    b.driver.getCurrentUrl().substring(0, b.driver.getCurrentUrl().indexOf("/agent/")));
            b.awaitUrlStartingWith(PlatformWebIT.url(StackLauncher.ALPHA) + "/agent/prelevements.xhtml");
            String said = b.await(By.cssSelector("#summary .pf-error-item")).getText();
            assertFalse(said.isBlank(), b::snapshot);
            assertEquals("", b.accessibilityViolations(), "axe-core, Prélèvements with the file's refusal");
            // said once: the page opened again says nothing more
            b.get(PlatformWebIT.url(StackLauncher.ALPHA) + "/agent/prelevements.xhtml");
            b.await(By.id("page-title"));
            assertTrue(b.driver.findElements(By.cssSelector("#summary .pf-error-item")).isEmpty());
        }
    }
}
