package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.it.support.Browser;
import java.util.List;

/** Screenshots of the porte-monnaie walk ({@link WalletWalkIT}): axe-core, desktop and 360 px shots. */
final class WalletWalk {

    private WalletWalk() {
    }

    /** axe-core, a desktop screenshot, then the page at 360 px (recorded in {@code wide} when it is wider). */
    static void shots(Browser b, String name, List<String> wide) throws Exception {
        assertEquals("", b.accessibilityViolations(), "axe-core, " + name);
        Browser.screenshot(b, "porte-monnaie-" + name + "-desktop");
        InputsWebIT.phone(b);
        InputsWebIT.check(b, "porte-monnaie-" + name, wide);
        b.desktop();
    }
}
