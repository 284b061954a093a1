package fr.portailfamille.it;

import fr.portailfamille.it.support.Browser;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Waits of the invoicing walk ({@link BillingIT}), kept out of the test class so that the class loads in
 * the container, where Selenium is absent.
 */
final class BillingWalk {

    private BillingWalk() {
    }

    /** Waits up to a minute for {@code by}'s text to contain {@code text} (AJAX updates, progress polling). */
    static void waitForText(Browser b, By by, String text) {
        try {
            new WebDriverWait(b.driver, Duration.ofSeconds(60))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                var found = d.findElements(by);
                return !found.isEmpty() && found.get(0).getText().contains(text);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("« " + text + " » absent de " + by + " : " + b.snapshot(), e);
        }
    }

    /** Waits up to a minute for the input {@code by}'s value to be {@code value} (AJAX updates). */
    static void waitForValue(Browser b, By by, String value) {
        try {
            new WebDriverWait(b.driver, Duration.ofSeconds(60))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                var found = d.findElements(by);
                return !found.isEmpty() && value.equals(found.get(0).getAttribute("value"));
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("« " + value + " » absent de " + by + " : " + b.snapshot(), e);
        }
    }
}
