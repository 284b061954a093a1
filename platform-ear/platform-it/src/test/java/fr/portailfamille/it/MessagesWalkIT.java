package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.QueueWalk;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.tenancy.CommuneRules;
import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.By;

/**
 * The walk of the Boîte de réception in Chromium: a parent on a 360 px phone sends a document (Mes documents) and a
 * message with an attachment (an executable renamed .pdf first, refused next to its field with the subject kept), an
 * agent answers the message, opens the write page from the family's page (the family chosen and named) and
 * validates the document, the parent sees the unread-message block, the header's
 * badge and the document's notice on Accueil, then reads the answer; another family's thread and attachment by id
 * and another commune's host show nothing. axe-core on every page of the inbox, screenshots at 360 px.
 */
@ExtendWith(ArquillianExtension.class)
class MessagesWalkIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Test
    @RunAsClient
    void aParentWritesAnAgentAnswersAndAccueilSaysSo() throws Exception {
        String base = StackLauncher.url(StackLauncher.ALPHA);
        String s = fr.portailfamille.it.support.BillingKit.random(6).replaceAll("[^A-Z0-9]", "X").toLowerCase();
        String parent = "msgwalk-" + s + "@alpha.test";
        String agent = "agent-msgwalk-" + s + "@alpha.test";
        var realms = StackLauncher.stack().realmProvisioner();
        realms.createUser(CommuneRules.realmName("alpha"), parent, "Camille", "Msg" + s, StackLauncher.PASSWORD_PARENT, "parent");
        realms.createUser(CommuneRules.realmName("alpha"), agent, "Claude", "Agent", StackLauncher.PASSWORD_AGENT, "agent");
        long otherThread;
        long otherFile;
        long family;
        try (Connection c = PaymentWalkIT.db()) {
            family = PaymentWalkIT.id(c, "insert into family (label, email, status) values (?, ?, 'VALIDATED') returning id",
                    "Foyer Msg " + s, parent);
            PaymentWalkIT.id(c, "insert into child (family_id, first_name, last_name, birth_date) values (?, 'Léa', 'Msg',"
                    + " date '2019-03-02') returning id", family);
            long stranger = PaymentWalkIT.id(c, "insert into family (label, email, status) values (?, ?, 'VALIDATED') returning id",
                    "Foyer Voisin " + s, "voisin-msg-" + s + "@alpha.test");
            otherThread = PaymentWalkIT.id(c, "insert into message_thread (family_id, service_code, subject, started_by, state,"
                    + " last_family_at) values (?, 'enfance', 'Secret du voisin', 'FAMILY', 'OPEN', now()) returning id", stranger);
            long message = PaymentWalkIT.id(c, "insert into message (thread_id, side, author, body) values (?, 'FAMILY',"
                    + " 'voisin@alpha.test', 'Ne pas lire') returning id", otherThread);
            otherFile = PaymentWalkIT.id(c, "insert into message_attachment (message_id, file_name, content_type, content)"
                    + " values (?, 'voisin.pdf', 'application/pdf', '\\x25504446'::bytea) returning id", message);
        }
        String today = TestDays.today().toString();
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 'P', 'E', 0, 0};
        Path hostile = MessagesWalk.file("planning.pdf", exe);
        Path pdf = MessagesWalk.file("ordonnance.pdf", "%PDF-1.4\n% ordonnance\n".getBytes(StandardCharsets.US_ASCII));
        String subject = "Absence de Léa " + s;
        List<String> wide = new ArrayList<>();
        String threadUrl;
        try (Browser b = new Browser()) {
            // a document first (Mes documents)
            ActivitiesWalkIT.signIn(b, "/espace/documents.xhtml", parent, StackLauncher.PASSWORD_PARENT);
            InputsWebIT.phone(b);
            MesDocumentsWalk.send(b, "ASSURANCE", "Léa", today, MesDocumentsWalk.file("assurance.pdf", "%PDF-1.4\n% assurance\n"));
            assertTrue(b.text("summary").contains("Document envoyé"), b::snapshot);

            // the Boîte de réception: empty, then a hostile file refused next to its field, what was typed kept
            b.get(base + "/espace/messages.xhtml");
            b.await(By.id("write:submit"));
            assertEquals("", b.accessibilityViolations(), "axe-core, espace/messages");
            MessagesWalk.write(b, "enfance", "Léa", subject, "Léa sera absente mercredi.", hostile);
            assertTrue(b.await(By.id("write:files_msg")).getText().contains("PDF, JPEG ou PNG"), b::snapshot);
            assertEquals(subject, MessagesWalk.value(b, "write:subject"), "l'objet tapé est gardé");
            assertEquals("", b.accessibilityViolations(), "axe-core, espace/messages avec l'erreur");
            // a good file on a form refused for another field: a browser never puts it back, the page says so
            // (and every problem of the form at once, each beside its field: no service, no subject)
            MessagesWalk.write(b, "", "Léa", " ", "Léa sera absente mercredi.", pdf);
            assertEquals("Choisissez le service à qui écrire.", b.await(By.id("write:service_msg")).getText());
            assertEquals("Indiquez l'objet du message.", b.driver.findElement(By.id("write:subject_msg")).getText());
            assertEquals("Fichier non gardé : « ordonnance.pdf ». Le formulaire n'a pas été envoyé ; choisissez-le de nouveau"
                    + " avant d'envoyer.", b.driver.findElement(By.id("write:files_again")).getText());
            MessagesWalk.write(b, "enfance", "Léa", subject, "Léa sera absente mercredi.\nVoici l'ordonnance.", pdf);
            b.awaitUrlStartingWith(base + "/espace/message.xhtml");
            threadUrl = b.driver.getCurrentUrl();
            assertEquals(List.of("Léa sera absente mercredi.\nVoici l'ordonnance."), MessagesWalk.bodies(b), b::snapshot);
            assertEquals("ordonnance.pdf", b.await(By.cssSelector("#messages .inbox-files a")).getText());
            // its state in the family's words (« à traiter » is what the service has to do)
            assertTrue(b.text("thread-meta").endsWith("envoyé, en attente de réponse"), b.text("thread-meta"));
            assertEquals("", b.accessibilityViolations(), "axe-core, espace/message");
            InputsWebIT.check(b, "messages-conversation", wide);
            // the answer being typed stays through « Supprimer » and « Restaurer » (posts of the page's other form)
            Browser.type(b, "reply:body", "Réponse en cours");
            b.submit(By.id("move:delete"));
            assertEquals("Réponse en cours", b.await(By.id("reply:body")).getAttribute("value"), b::snapshot);
            b.submit(By.id("move:restore"));
            assertEquals("Réponse en cours", b.await(By.id("reply:body")).getAttribute("value"), b::snapshot);
            b.get(base + "/espace/messages.xhtml?dossier=envoyes");
            assertTrue(b.text("threads").contains(subject), b::snapshot);
            InputsWebIT.check(b, "messages-boite", wide);
            assertEquals(List.of(), wide, "360 px");

            // another family's thread by id, its attachment, the agents' download, another commune's host
            b.get(base + "/espace/message.xhtml?id=" + otherThread);
            assertTrue(b.text("thread-missing").contains("ne fait pas partie de votre dossier"), b::snapshot);
            assertFalse(b.driver.getPageSource().contains("Secret du voisin"));
            String cookies = DocumentsWalk.cookies(b);
            assertEquals(404, ActivitiesWalkIT.download("/espace/piece-jointe?id=" + otherFile, cookies).statusCode());
            assertEquals(403, ActivitiesWalkIT.download("/agent/piece-jointe?id=" + otherFile, cookies).statusCode());
            var atBeta = MessagesWalk.asHost(PlatformWebIT.host(StackLauncher.BETA), "/espace/piece-jointe?id=" + otherFile, cookies);
            assertNotEquals(200, atBeta.statusCode(), "la session d'alpha n'est personne chez beta");
            var pageAtBeta = MessagesWalk.asHost(PlatformWebIT.host(StackLauncher.BETA), "/espace/message.xhtml?id="
                    + threadUrl.substring(threadUrl.indexOf("id=") + 3), cookies);
            assertFalse(pageAtBeta.body().contains(subject), "autre commune : " + pageAtBeta.statusCode());
        }
        try (Browser a = new Browser()) {
            // the agent: the shared inbox, the thread, an answer; then the document
            ActivitiesWalkIT.signIn(a, "/agent/messages.xhtml", agent, StackLauncher.PASSWORD_AGENT);
            a.await(By.id("inbox:table"));
            assertTrue(a.await(By.id("menu-messages")).getText().matches("(?s).*\\d+.*"), "le compte du menu");
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/messages");
            Browser.screenshot(a, "agent-messages");
            a.get(base + "/agent/message.xhtml?" + threadUrl.substring(threadUrl.indexOf("id=")));
            assertEquals(List.of("Léa sera absente mercredi.\nVoici l'ordonnance."), MessagesWalk.bodies(a), a::snapshot);
            // the « ordonnance » is health data: named, not opened, by an agent without agent-sante
            assertTrue(a.driver.findElements(By.cssSelector("#messages .inbox-files a")).isEmpty(), a::snapshot);
            // its name, health data too, not shown
            assertEquals("Pièce jointe – données de santé, réservées aux agents habilités (santé)",
                    a.driver.findElement(By.cssSelector("#messages .inbox-file-restricted")).getText());
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/message");
            // the answer being typed stays through « Me l'attribuer » (a post of the page's other form)
            Browser.type(a, "reply:body", "Bien noté,\nbon rétablissement");
            a.submit(By.id("assign:me"));
            assertEquals(agent, a.await(By.id("thread-assigned")).getText());
            assertEquals("Bien noté,\nbon rétablissement", a.await(By.id("reply:body")).getAttribute("value"));
            MessagesWalk.reply(a, "Bien noté, bon rétablissement à Léa.", null);
            assertTrue(a.text("summary").contains("Réponse envoyée"), a::snapshot);
            assertEquals("répondu", a.await(By.id("thread-state")).getText());
            Browser.screenshot(a, "agent-message");
            // from the family's page, "Écrire à la famille": the write page opens on this family, named
            a.get(base + "/agent/famille.xhtml?id=" + family);
            a.submit(By.id("write-link"));
            a.awaitUrlStartingWith(base + "/agent/ecrire.xhtml?famille=" + family);
            a.await(By.id("write:send"));
            assertEquals("FAMILY", a.driver.findElement(By.id("write:target")).getAttribute("value"));
            assertEquals(String.valueOf(family), MessagesWalk.value(a, "write:family"));
            assertEquals("Famille : Foyer Msg " + s, a.await(By.id("family-name")).getText(), a::snapshot);
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/ecrire");
            // its files may be ticked health data, as a reply's (a scanned PAI whose name says nothing)
            assertFalse(a.driver.findElement(By.id("write:health")).isSelected());
            // "Vérifier" sends nothing: a file chosen is named beside its field, to be chosen again before sending
            a.driver.findElement(By.id("write:files")).sendKeys(MesDocumentsWalk.file("convocation.pdf",
                    "%PDF-1.4\n% convocation\n").toAbsolutePath().toString());
            a.submit(By.id("write:check"));
            assertTrue(a.await(By.id("write:files_again")).getText().contains("« convocation.pdf »"), a::snapshot);
            assertEquals("Ce message sera envoyé à 1 famille.", a.text("broadcast-count"), a::snapshot);
            // a class without its school and class chosen: said beside the target, not an error page
            new org.openqa.selenium.support.ui.Select(a.driver.findElement(By.id("write:target"))).selectByValue("CLASS");
            a.submit(By.id("write:check"));
            assertEquals("Choisissez l'école et la classe (TPS à CM2).", a.await(By.id("write:target_msg")).getText(),
                    a::snapshot);
            a.get(base + "/agent/configuration/services.xhtml");
            a.await(By.id("services:save"));
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/configuration/services");
            QueueWalk.open(a, "documents", "Famille");
            QueueWalk.decide(a, "Foyer Msg " + s, true, "Document validé : la famille est prévenue.");
        }
        try (Connection c = PaymentWalkIT.db(); var st = c.createStatement()) {
            st.executeUpdate("update family_document set expires_on = current_date + 20 where family_id ="
                    + " (select id from family where email = '" + parent + "')");
        }
        try (Browser b = new Browser()) {
            // Accueil: the unread message and the validated document's notice; the header's badge
            ActivitiesWalkIT.signIn(b, "/espace/accueil.xhtml", parent, StackLauncher.PASSWORD_PARENT);
            InputsWebIT.phone(b);
            b.get(base + "/espace/accueil.xhtml");
            assertEquals("vous avez 1 nouveau(x) message(s)", b.text("unread-messages"), b::snapshot);
            assertEquals("1 nouveau(x) message(s)", b.await(By.id("nav-unread")).getAttribute("textContent")
                    .replaceAll("\\s+", " ").strip(), "badge et texte accessible");
            assertTrue(b.text("document-notices").contains("Votre attestation d'assurance scolaire (Léa) expire le"),
                    b::snapshot);
            assertEquals("", b.accessibilityViolations(), "axe-core, accueil avec un message non lu");
            InputsWebIT.check(b, "accueil-messages", wide);
            b.submit(By.id("inbox-link"));
            b.awaitUrlStartingWith(base + "/espace/messages.xhtml");
            assertTrue(b.await(By.cssSelector("#threads .inbox-unread")).getText().contains(subject), b::snapshot);
            assertEquals("", b.accessibilityViolations(), "axe-core, espace/messages avec un message non lu");
            InputsWebIT.check(b, "messages-non-lu", wide);
            b.submit(By.cssSelector("#threads .inbox-unread a"));
            assertEquals(List.of("Léa sera absente mercredi.\nVoici l'ordonnance.", "Bien noté, bon rétablissement à Léa."),
                    MessagesWalk.bodies(b), b::snapshot);
            InputsWebIT.check(b, "messages-reponse", wide);
            b.get(base + "/espace/accueil.xhtml");
            assertTrue(b.absent("unread-messages"), "lu : plus de message non lu");
            assertTrue(b.driver.findElements(By.id("nav-unread")).isEmpty());
            assertEquals(List.of(), wide, "360 px");
            b.desktop();
        }
    }
}
