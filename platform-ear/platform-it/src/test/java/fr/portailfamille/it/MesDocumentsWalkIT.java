package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.QueueWalk;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.tenancy.CommuneRules;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walk of Mes documents in Chromium: a parent on a 360 px phone sends an attestation d'assurance (a hostile file
 * first, refused next to its field), an agent validates it in the "Documents à valider" queue, the parent sees it
 * "validé" on Mes documents and, once it nears its end, the notice on Accueil; another family's document by id and the
 * agents' download are refused to the parent. axe-core on each page.
 */
@ExtendWith(ArquillianExtension.class)
class MesDocumentsWalkIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Test
    @RunAsClient
    void aParentSendsADocumentAnAgentValidatesItAndAccueilAnnouncesItsEnd() throws Exception {
        String base = StackLauncher.url(StackLauncher.ALPHA);
        String s = fr.portailfamille.it.support.BillingKit.random(6).replaceAll("[^A-Z0-9]", "X").toLowerCase();
        String parent = "docs-" + s + "@alpha.test";
        String agent = "agent-docs-" + s + "@alpha.test";
        var realms = StackLauncher.stack().realmProvisioner();
        realms.createUser(CommuneRules.realmName("alpha"), parent, "Camille", "Docs" + s, StackLauncher.PASSWORD_PARENT, "parent");
        realms.createUser(CommuneRules.realmName("alpha"), agent, "Claude", "Agent", StackLauncher.PASSWORD_AGENT, "agent");
        long other;
        long family;
        try (Connection c = PaymentWalkIT.db()) {
            family = PaymentWalkIT.id(c, "insert into family (label, email, status) values (?, ?, 'VALIDATED') returning id",
                    "Foyer Docs " + s, parent);
            PaymentWalkIT.id(c, "insert into child (family_id, first_name, last_name, birth_date) values (?, 'Léa', 'Docs',"
                    + " date '2019-03-02') returning id", family);
            long stranger = PaymentWalkIT.id(c, "insert into family (label, email, status) values (?, ?, 'VALIDATED') returning id",
                    "Foyer Autre " + s, "autre-docs-" + s + "@alpha.test");
            other = PaymentWalkIT.id(c, "insert into family_document (family_id, type_code, health, issued_on, status, file_name,"
                    + " content_type, content) values (?, 'DOMICILE', false, current_date, 'PENDING', 'edf.pdf', 'application/pdf',"
                    + " '\\x25504446'::bytea) returning id", stranger);
        }
        String today = TestDays.today().toString();
        List<String> wide = new ArrayList<>();
        try (Browser b = new Browser()) {
            ActivitiesWalkIT.signIn(b, "/espace/documents.xhtml", parent, StackLauncher.PASSWORD_PARENT);
            b.await(org.openqa.selenium.By.id("send:submit"));
            InputsWebIT.phone(b);
            assertEquals("", b.accessibilityViolations(), "axe-core, espace/documents");
            // a page renamed .pdf is refused next to the file field
            MesDocumentsWalk.send(b, "ASSURANCE", "Léa", today, MesDocumentsWalk.file("attestation.pdf",
                    "<html><script>alert(1)</script></html>"));
            assertTrue(MesDocumentsWalk.fieldMessage(b, "file").contains("PDF, JPEG ou PNG"), b::snapshot);
            MesDocumentsWalk.send(b, "ASSURANCE", "Léa", today, MesDocumentsWalk.file("assurance.pdf", "%PDF-1.4\n% assurance\n"));
            assertTrue(b.text("summary").contains("Document envoyé"), b::snapshot);
            assertEquals(List.of("en attente"), MesDocumentsWalk.states(b));
            assertEquals("", b.accessibilityViolations(), "axe-core, espace/documents avec un document");
            // a document sent by mistake, withdrawn while it waits (asked first): the other one stays
            MesDocumentsWalk.send(b, "ASSURANCE", "Léa", today, MesDocumentsWalk.file("erreur.pdf", "%PDF-1.4\n% erreur\n"));
            assertEquals(List.of("en attente", "en attente"), MesDocumentsWalk.states(b));
            b.driver.findElement(org.openqa.selenium.By.cssSelector("input[aria-label='Retirer erreur.pdf']")).click();
            b.driver.switchTo().alert().accept();
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(15))
                    .until(d -> d.getPageSource().contains("Document retiré"));
            assertEquals(List.of("en attente"), MesDocumentsWalk.states(b));
            assertFalse(b.driver.getPageSource().contains("erreur.pdf"));
            InputsWebIT.check(b, "mes-documents", wide);
            assertEquals(List.of(), wide, "360 px");

            // another family's document by id, the agents' download: refused to a parent
            String cookies = DocumentsWalk.cookies(b);
            assertEquals(404, ActivitiesWalkIT.download("/espace/document?id=" + other, cookies).statusCode());
            assertEquals(403, ActivitiesWalkIT.download("/agent/document-famille?id=" + other, cookies).statusCode());
        }
        try (Browser a = new Browser()) {
            ActivitiesWalkIT.signIn(a, "/agent/documents.xhtml", agent, StackLauncher.PASSWORD_AGENT);
            QueueWalk.open(a, "documents", "Famille");
            QueueWalk.decide(a, "Foyer Docs " + s, true, "Document validé : la famille est prévenue.");
            // the family's file lists its documents, to open from there
            a.get(base + "/agent/famille.xhtml?id=" + family);
            a.clickInView(org.openqa.selenium.By.xpath("//a[starts-with(normalize-space(.), 'Documents (1)')]"));
            org.openqa.selenium.WebElement row = a.await(org.openqa.selenium.By.xpath("//table[contains(@id,'documents')]//tbody/tr"));
            assertTrue(row.getText().contains("Attestation d'assurance scolaire (Léa)") && row.getText().contains("validé"),
                    row.getText());
            assertTrue(row.findElement(org.openqa.selenium.By.tagName("a")).getAttribute("href")
                    .contains("/agent/document-famille?id="), "opened as agents open documents");
            assertEquals("", a.accessibilityViolations(), "axe-core, the family file's documents");
        }
        try (Connection c = PaymentWalkIT.db(); var st = c.createStatement()) {
            st.executeUpdate("update family_document set expires_on = current_date + 20 where family_id ="
                    + " (select id from family where email = '" + parent + "')");
        }
        try (Browser b = new Browser()) {
            ActivitiesWalkIT.signIn(b, "/espace/documents.xhtml", parent, StackLauncher.PASSWORD_PARENT);
            InputsWebIT.phone(b);
            b.await(org.openqa.selenium.By.id("documents"));
            assertEquals(List.of("validé"), MesDocumentsWalk.states(b), b::snapshot);
            b.get(base + "/espace/accueil.xhtml");
            // waited for: read at once, the block was once found empty in a clean-clone run (the page shown had it)
            BillingWalk.waitForText(b, org.openqa.selenium.By.id("document-notices"), "Votre attestation d'assurance scolaire (Léa) expire le");
            assertEquals("", b.accessibilityViolations(), "axe-core, accueil avec les documents");
            InputsWebIT.check(b, "accueil-documents", wide);
            assertEquals(List.of(), wide, "360 px");
            b.desktop();
        }
    }
}
