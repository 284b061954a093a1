package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.tenancy.CommuneRules;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The walk of Actualités in Chromium: an agent writes a news for the families of one activity with an image (a
 * hostile file first, refused next to its field, what was typed kept), schedules it now and publishes it; the family
 * of that activity finds the tile on Accueil and opens it; the public home shows only the news for everyone.
 * axe-core on every new page; the edit page and the tiles at 360 px (screenshots in target/screenshots).
 */
@ExtendWith(ArquillianExtension.class)
class NewsWalkIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Test
    @RunAsClient
    void anAgentPublishesATargetedNewsItsFamilySeesItAndThePublicHomeDoesNot() throws Exception {
        String base = StackLauncher.url(StackLauncher.ALPHA);
        String s = UUID.randomUUID().toString().substring(0, 6);
        String parent = "news-walk-" + s + "@alpha.test";
        String agent = "agent-news-" + s + "@alpha.test";
        String activity = "Atelier cirque " + s;
        var realms = StackLauncher.stack().realmProvisioner();
        realms.createUser(CommuneRules.realmName("alpha"), parent, "Camille", "Cirque", StackLauncher.PASSWORD_PARENT, "parent");
        realms.createUser(CommuneRules.realmName("alpha"), agent, "Claude", "Agent", StackLauncher.PASSWORD_AGENT, "agent");
        String everyone = "Marché de Noël " + s;
        try (Connection c = PaymentWalkIT.db()) {
            long family = PaymentWalkIT.id(c, "insert into family (label, email, status) values (?, ?, 'VALIDATED') returning id",
                    "Foyer Cirque " + s, parent);
            long child = PaymentWalkIT.id(c, "insert into child (family_id, first_name, last_name, birth_date) values (?, 'Léa',"
                    + " 'Cirque', date '2018-05-02') returning id", family);
            long act = PaymentWalkIT.id(c, "insert into activity (code, name, type, booking_deadline, cancellation_deadline,"
                    + " late_policy) values (?, ?, 'SPORT', 'J-2@23:59', 'J-2@23:59', 'REFUSED') returning id", "CIRQUE-" + s.toUpperCase(), activity);
            PaymentWalkIT.id(c, "insert into registration (child_id, activity_id, status, cgu_accepted_at) values (?, ?,"
                    + " 'VALIDATED', now()) returning id", child, act);
            PaymentWalkIT.id(c, "insert into news (title, body, published, publish_at, author) values (?, ?, true, now(), 'test')"
                    + " returning id", everyone, "Le marché de Noël se tient sur la place de la mairie samedi.");
        }
        String title = "Spectacle de l'atelier cirque " + s;
        String body = "Les enfants de l'atelier présentent leur spectacle vendredi à 18 h.\nEntrée libre.\n\n"
                + "Pensez aux costumes !";
        Path png = NewsWalk.file("affiche-" + s + ".png", NewsIT.png(600, 340));
        Path hostile = NewsWalk.file("photo-" + s + ".png", NewsIT.EXECUTABLE);
        List<String> wide = new ArrayList<>();
        long id;

        try (Browser a = new Browser()) {
            ActivitiesWalkIT.signIn(a, "/agent/actualites.xhtml", agent, StackLauncher.PASSWORD_AGENT);
            a.await(By.id("menu-actualites"));
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/actualites");
            a.submit(By.id("new-news"));
            a.await(By.id("news:title"));
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/actualite (nouvelle)");

            // an executable renamed .png: refused next to the image field, the texts kept
            NewsWalk.fill(a, title, body, activity, hostile, "Affiche du spectacle : un clown jongle");
            a.submit(By.id("news:publish"));
            String refusal = a.text("news:image_msg");
            assertTrue(refusal.contains("n'est pas un vrai fichier JPEG ou PNG"), refusal + " " + a.snapshot());
            assertEquals(title, a.await(By.id("news:title")).getAttribute("value"), "saisie gardée");
            assertTrue(a.driver.findElement(By.id(a.driver.findElement(By.xpath("//table[@id='news:activities']//label"
                    + "[normalize-space()='" + activity + "']")).getAttribute("for"))).isSelected(), "activité cochée gardée");
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/actualite avec une erreur");

            // the real image, scheduled now, published
            NewsWalk.fill(a, title, body, null, png, null);
            NewsWalk.dateTime(a, "news:publishAt", TestDays.now().minusMinutes(1)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
            a.submit(By.id("news:publish"));
            a.awaitUrlStartingWith(base + "/agent/actualite.xhtml?id=");
            String flash = a.text("flash");
            assertTrue(flash.contains("Actualité publiée") && flash.contains("en ligne"), flash + " " + a.snapshot());
            id = Long.parseLong(a.driver.getCurrentUrl().replaceAll(".*id=(\\d+).*", "$1"));
            assertTrue(a.text("preview").contains(title));
            a.waiting().until(d -> NewsWalk.imagesLoaded(a, "#preview img"));
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/actualite publiée");
            InputsWebIT.phone(a);
            a.get(base + "/agent/actualite.xhtml?id=" + id);
            a.await(By.id("news:title"));
            a.driver.executeScript("document.getElementById('page-title').scrollIntoView({block: 'start'});");
            InputsWebIT.check(a, "actualite-agent", wide);
            a.driver.executeScript("document.getElementById('news:image').scrollIntoView({block: 'center'});");
            Browser.screenshot(a, "360-actualite-agent-image");
            a.driver.executeScript("document.getElementById('preview').scrollIntoView({block: 'start'});");
            Browser.screenshot(a, "360-actualite-agent-apercu");
            a.desktop();

            a.get(base + "/agent/actualites.xhtml");
            a.await(By.id("list:table"));
            String list = a.text("list:table");
            assertTrue(list.contains(title) && list.contains("en ligne") && list.contains(activity), list);
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/actualites avec l'actualité");
        }

        // older news than the tiles show: Accueil links to them all
        String older = "Plus ancienne " + java.util.UUID.randomUUID().toString().substring(0, 6);
        try (java.sql.Connection c = PaymentWalkIT.db()) {
            for (int i = 0; i < 7; i++) {
                PaymentWalkIT.id(c, "insert into news (title, body, published, publish_at, author) values (?, 'Ancienne.', true,"
                        + " now() - interval '30 days' - ? * interval '1 hour', 'test') returning id", older + " " + i, i);
            }
        }

        try (Browser b = new Browser()) {
            ActivitiesWalkIT.signIn(b, "/espace/accueil.xhtml", parent, StackLauncher.PASSWORD_PARENT);
            InputsWebIT.phone(b);
            b.get(base + "/espace/accueil.xhtml");
            b.await(By.id("news"));
            List<String> tiles = NewsWalk.tiles(b);
            assertTrue(tiles.contains(title) && tiles.contains(everyone), tiles + " " + b.snapshot());
            NewsWalk.showTiles(b);
            b.waiting().until(d -> NewsWalk.imagesLoaded(b, "#news-" + id + " img"));
            assertEquals("", b.accessibilityViolations(), "axe-core, accueil avec les actualités");
            InputsWebIT.check(b, "accueil-actualites", wide);
            b.driver.executeScript("document.getElementById('news-" + id + "').scrollIntoView({block: 'start'});");
            Browser.screenshot(b, "360-accueil-actualites-vignette-ciblee");

            b.submit(By.cssSelector("#news-" + id + " .news-more"));
            b.await(By.id("news-body"));
            assertEquals(title, b.text("page-title"));
            assertTrue(b.text("news-body").contains("Entrée libre."), b.text("news-body"));
            assertEquals(2, b.driver.findElements(By.cssSelector("#news-body p")).size(), "deux paragraphes");
            b.waiting().until(d -> NewsWalk.imagesLoaded(b, ".news-article-image"));
            assertEquals("Affiche du spectacle : un clown jongle",
                    b.driver.findElement(By.cssSelector(".news-article-image")).getAttribute("alt"));
            assertEquals("", b.accessibilityViolations(), "axe-core, actualite (famille)");
            InputsWebIT.check(b, "actualite-famille", wide);

            // every news online for the family, the older ones too, from Accueil's link
            b.get(base + "/espace/accueil.xhtml");
            b.submit(By.id("news-all"));
            b.await(By.id("news-list"));
            List<String> all = b.driver.findElements(By.cssSelector("#news-list .news-tile-title")).stream()
                    .map(org.openqa.selenium.WebElement::getText).toList();
            assertTrue(all.contains(title) && all.contains(everyone), all.toString());
            assertTrue(all.indexOf(everyone) < all.indexOf(title), "la plus récente d'abord : " + all);
            int pages = b.absent("news-position") ? 1 : Integer.parseInt(b.text("news-position").replaceAll(".* sur ", "").trim());
            b.get(base + "/actualites.xhtml?page=" + pages);
            assertTrue(b.driver.getPageSource().contains(older + " 6"), "la plus ancienne, sur la dernière page");
            assertEquals("", b.accessibilityViolations(), "axe-core, actualites (famille)");
            InputsWebIT.check(b, "actualites-famille", wide);
            b.desktop();
        }

        try (Browser p = new Browser()) {
            InputsWebIT.phone(p);
            p.get(base + "/");
            p.await(By.id("news"));
            List<String> tiles = NewsWalk.tiles(p);
            assertTrue(tiles.contains(everyone), tiles.toString());
            assertFalse(tiles.contains(title), "l'accueil public ne montre que les actualités pour tous");
            assertEquals("", p.accessibilityViolations(), "axe-core, accueil public");
            InputsWebIT.check(p, "accueil-public", wide);
            NewsWalk.showTiles(p);
            Browser.screenshot(p, "360-accueil-public-vignettes");
            p.get(base + "/actualite.xhtml?id=" + id);
            assertFalse(p.driver.getPageSource().contains("Entrée libre"), "actualité ciblée : rien pour un visiteur");
            p.get(base + "/actualites.xhtml");
            assertTrue(p.driver.getPageSource().contains(everyone), "la liste publique");
            assertFalse(p.driver.getPageSource().contains(title), "la liste publique, sans l'actualité ciblée");
            p.desktop();
        }
        assertEquals(List.of(), wide, "360 px");
    }
}
