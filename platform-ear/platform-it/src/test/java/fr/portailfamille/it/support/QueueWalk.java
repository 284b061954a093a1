package fr.portailfamille.it.support;

import static fr.portailfamille.it.support.Browser.screenshot;
import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;

/**
 * Walking the agents' queue pages in Chromium (used by QueuesIT and by the journeys' walks): open a queue
 * sorted latest first, decide a row in the decision dialog, refuse without then with a reason, accept
 * several rows at once from the table's selection; every wait also waits for PrimeFaces' AJAX queue.
 */
public final class QueueWalk {

    public static final String BASE = StackLauncher.url(ALPHA);
    public static final String TABLE = "//div[@id='queue:table']";

    private QueueWalk() {
    }

    /** Opens a queue's page, checks it with axe, and sorts it latest first by a column (two clicks on its header). */
    public static void open(Browser b, String page, String column) throws Exception {
        b.get(BASE + "/agent/" + page + ".xhtml");
        sortLatestFirst(b, column);
        assertEquals("", b.accessibilityViolations(), "axe-core, agent/" + page);
        screenshot(b, "queue-" + page);
    }

    /** Sorts the queue's table by a column, descending (two clicks on its header, each an AJAX request). */
    public static void sortLatestFirst(Browser b, String column) {
        b.await(By.id("queue:table"));
        String header = TABLE + "//th[.//span[contains(@class,'ui-column-title') and normalize-space(text())='" + column + "']]";
        for (String order : List.of("ascending", "descending")) {
            click(b, By.xpath(header));
            until(b, d -> order.equals(d.findElement(By.xpath(header)).getAttribute("aria-sort")));
            awaitAjax(b);
        }
    }

    public static String row(String text) {
        return TABLE + "//tbody/tr[td[contains(normalize-space(.), \"" + text + "\")]]";
    }

    /** Opens the decision dialog on a row and takes the decision; the dialog closes on the message. */
    public static void decide(Browser b, String rowText, boolean accept, String message) throws Exception {
        click(b, By.xpath(row(rowText) + "//button[contains(@id,':decide')]"));
        b.await(By.id("decision:reason"));
        click(b, By.id(accept ? "decision:accept" : "decision:refuse"));
        awaitMessage(b, message);
        until(b, d -> d.findElements(By.xpath(row(rowText))).isEmpty());
    }

    /** Refuses without a reason first (the message is next to the field), then with one. */
    public static void refuse(Browser b, String rowText, String missing, String reason, String message) throws Exception {
        click(b, By.xpath(row(rowText) + "//button[contains(@id,':decide')]"));
        b.await(By.id("decision:reason"));
        click(b, By.id("decision:refuse"));
        until(b, d -> missing.equals(d.findElement(By.id("decision:reason_msg")).getText()));
        assertEquals(1, b.driver.findElements(By.xpath(row(rowText))).size(), "rien n'est refusé sans motif");
        assertEquals("", b.accessibilityViolations(), "axe-core, dialogue de décision");
        screenshot(b, "queue-dialog-" + System.nanoTime());
        b.driver.findElement(By.id("decision:reason")).sendKeys(reason);
        click(b, By.id("decision:refuse"));
        awaitMessage(b, message);
        until(b, d -> d.findElements(By.xpath(row(rowText))).isEmpty());
    }

    /** Ticks rows in the table's selection column and accepts them at once (the button pressed with Enter). */
    public static void bulk(Browser b, List<String> rowTexts, String message) throws Exception {
        for (String text : rowTexts) {
            click(b, By.xpath(row(text) + "//td[contains(@class,'ui-selection-column')]//div[contains(@class,'ui-chkbox-box')]"));
            until(b, d -> "true".equals(d.findElement(By.xpath(row(text))).getAttribute("aria-selected")));
        }
        b.driver.findElement(By.id("queue:acceptSelected")).sendKeys(Keys.ENTER);
        awaitMessage(b, message);
        for (String text : rowTexts) {
            until(b, d -> d.findElements(By.xpath(row(text))).isEmpty());
        }
    }

    /** Clicks once the element is there and clickable (a table or dialog being replaced by AJAX is waited for). */
    public static void click(Browser b, By by) {
        awaitAjax(b);
        until(b, d -> {
            d.findElement(by).click();
            return true;
        });
    }

    /** Waits until PrimeFaces has no AJAX request pending. */
    public static void awaitAjax(Browser b) {
        until(b, d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    public static void awaitMessage(Browser b, String text) {
        until(b, d -> d.findElement(By.id("summary")).getText().contains(text));
    }

    public static void until(Browser b, java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            b.waiting().ignoring(StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                    .ignoring(org.openqa.selenium.ElementNotInteractableException.class).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Attente vaine sur " + b.snapshot(), e);
        }
    }
}
