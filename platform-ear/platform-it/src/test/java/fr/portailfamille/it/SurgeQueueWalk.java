package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Selenium steps of Mon planning in the surge queue ({@link SurgeQueueIT}), kept out of the test class so that the class
 * loads in the container, where Selenium is absent.
 */
final class SurgeQueueWalk {

    private SurgeQueueWalk() {
    }

    /**
     * axe-core on the queue page, which replaces itself every few seconds (it asks again after Retry-After, then waits
     * in its place): an analysis caught by the page's own replacement on a loaded machine is run again on the new page.
     */
    static String accessibilityOfTheQueuePage(Browser b) {
        for (int attempt = 1; ; attempt++) {
            try {
                return b.accessibilityViolations();
            } catch (org.openqa.selenium.JavascriptException e) {
                if (attempt == 3) {
                    throw e;
                }
                b.await(By.id("position"));
            }
        }
    }

    /** The family signs in on Mon planning in both browsers (the gate free). */
    static void open(PlanningWalkIT.Phone p, Browser tapper, Browser plain) {
        tapper.driver.manage().window().setSize(new Dimension(360, 800));
        for (Browser b : new Browser[] {tapper, plain}) {
            b.get(PlanningWalkIT.BASE + "/espace/planning.xhtml?enfant=1&mois=" + p.month());
            b.signIn(p.email(), "Affluence2026");
            b.awaitUrlStartingWith(PlanningWalkIT.BASE + "/espace/planning.xhtml");
            b.await(By.id("calendar"));
        }
    }

    /** With the gate full: a tap (AJAX) shows its position in the bar; a tap without JavaScript gets the queue page. */
    static void queue(PlanningWalkIT.Phone p, Browser tapper, Browser plain) throws Exception {
        tapper.driver.executeScript("window.__noReload = true;");
        By matin = PlanningWalkIT.toggle(p.monday(), p.matin());
        tapper.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", tapper.driver.findElement(matin));
        tapper.driver.findElement(matin).click();
        tapper.waiting().until(d -> d.findElement(By.id("file-attente")).getText().startsWith("Beaucoup"));
        assertEquals("Beaucoup de familles se connectent en ce moment : vous êtes n° 1 dans la file, votre demande partira"
                + " automatiquement.", tapper.driver.findElement(By.id("file-attente")).getText());
        assertEquals("polite", tapper.driver.findElement(By.cssSelector(".pf-bar-count")).getAttribute("aria-live"),
                "the message is read out (the selection bar's live region)");
        assertEquals("false", tapper.driver.findElement(matin).getAttribute("aria-pressed"), "not applied while queued");
        assertEquals(null, tapper.driver.executeScript("return document.documentElement.getAttribute('data-pf-ajax-error');"),
                "the queue is no AJAX error");
        assertEquals("", tapper.accessibilityViolations(), "axe-core, Mon planning with the queue's message");
        Browser.screenshot(tapper, "planning-file-attente");

        // without JavaScript the tap is a plain form post: the queue page keeps every field it carried
        PlanningWalkIT.tap(plain, PlanningWalkIT.toggle(p.monday(), p.midi()), false);
        assertEquals("2", plain.await(By.id("position")).getText(), "second in the queue, behind the tap");
        assertTrue(plain.driver.getTitle().startsWith("File d'attente"), plain.driver.getTitle());
        assertEquals("post", plain.driver.findElement(By.id("again")).getAttribute("method"));
        assertFalse(plain.driver.findElements(By.cssSelector("#again input[name='jakarta.faces.ViewState']")).isEmpty(),
                "the Faces view (the family's selection) goes with the post");
        assertEquals("", plain.accessibilityViolations(), "axe-core, the queue page of a form post");
    }

    /** The gate freed: the tap was sent again and applied once; the queue page's form posts the plain tap again. */
    static void served(PlanningWalkIT.Phone p, Browser tapper, Browser plain) {
        By matin = PlanningWalkIT.toggle(p.monday(), p.matin());
        tapper.waiting().until(d -> "true".equals(d.findElement(matin).getAttribute("aria-pressed")));
        assertEquals("", tapper.driver.findElement(By.id("file-attente")).getText(), "the message is gone once served");
        assertEquals("1 journée(s) sélectionnée(s)", tapper.driver.findElement(By.id("planning:count")).getText(),
                "applied once");
        tapper.ajax(By.id("planning:review"));
        assertEquals(1, tapper.await(By.id("recap")).findElements(By.cssSelector("tbody tr")).size());
        assertFalse(tapper.driver.findElements(By.cssSelector("#recap td.recap-notice[data-day='" + p.monday() + "']")).isEmpty(),
                "the summary shows the day tapped");
        assertEquals(Boolean.TRUE, tapper.driver.executeScript("return window.__noReload === true;"), "no reload");
        assertEquals("", tapper.accessibilityViolations(), "axe-core, after the queue");

        plain.submit(By.id("refresh"));
        plain.awaitUrlStartingWith(PlanningWalkIT.BASE + "/espace/planning.xhtml");
        assertEquals("Sélectionné", PlanningWalkIT.state(plain, p.monday(), p.midi()), "the tap posted again, applied once");
        assertEquals("1 journée(s) sélectionnée(s)", plain.driver.findElement(By.id("planning:count")).getText());
        plain.submit(By.id("planning:review"));
        assertEquals(1, plain.await(By.id("recap")).findElements(By.cssSelector("tbody tr")).size());
    }
}
