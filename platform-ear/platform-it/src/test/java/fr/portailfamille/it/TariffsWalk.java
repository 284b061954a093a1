package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.it.support.Browser;
import java.util.List;
import java.util.Map;

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
        b.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
}
