package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.it.support.Browser;
import org.openqa.selenium.By;
import java.util.List;

/**
 * Screenshots of the billing configuration walk ({@link TariffsWalkIT}), kept out of the test class so
 * that the class loads in the container, where Selenium is absent.
 */
final class TariffsWalk {

    private TariffsWalk() {
    }

    /** axe-core, then a desktop screenshot and 360 px ones (the page's top, then its form) (recording the page in {@code wide} when it is wider). */
    static void shots(Browser b, String name, List<String> wide) throws Exception {
        assertEquals("", b.accessibilityViolations(), "axe-core, " + name);
        Browser.screenshot(b, "tarifs-" + name + "-desktop");
        InputsWebIT.phone(b);
        InputsWebIT.check(b, "tarifs-" + name, wide);
        // the form itself, from its first message next to a field (or its top), as a phone shows it
        b.driver.executeScript("var e = Array.from(document.querySelectorAll('.pf-error')).find(m => m.textContent.trim())"
                + " || document.querySelector('form.pf-card'); e.scrollIntoView();");
        Browser.screenshot(b, "360-tarifs-" + name + "-form");
        b.desktop();
    }

    /** The id prefix ({@code form:list:N:}) of the row whose input matched by {@code css} holds {@code value}. */
    static String rowOf(Browser b, String css, String value, String suffix) {
        return b.driver.findElements(By.cssSelector(css)).stream().filter(e -> value.equals(e.getAttribute("value")))
                .map(e -> e.getAttribute("id")).map(id -> id.substring(0, id.length() - suffix.length() + 1)).findFirst()
                .orElseThrow(() -> new AssertionError("no row holds " + value + " " + b.snapshot()));
    }

    /** The id prefix of the first tariff row of {@code activity} (its earliest grid). */
    static String tariffRowOf(Browser b, String activity) {
        // one script rather than a WebDriver round trip per option of every row's activity list
        Object id = b.driver.executeScript("var s = Array.from(document.querySelectorAll(\"select[id^='tarifs:tariffs:'][id$=':target']\"))"
                + ".find(e => e.value === arguments[0]); return s ? s.id : null;", activity);
        if (id == null) {
            throw new AssertionError("no tariff of " + activity + " " + b.snapshot());
        }
        return id.toString().substring(0, id.toString().length() - "target".length());
    }

    /** Signs in on the walk's commune and waits for the page asked for. */
    static void signIn(Browser b, String base, String page, String email, String password) {
        b.get(base + page);
        b.signIn(email, password);
        b.awaitUrlStartingWith(base + page);
    }
}
