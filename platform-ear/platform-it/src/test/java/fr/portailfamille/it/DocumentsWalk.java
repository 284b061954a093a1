package fr.portailfamille.it;

import fr.portailfamille.it.support.Browser;
import java.util.stream.Collectors;

/**
 * Selenium code of the billing documents walk ({@link FamilyBillingDocumentsIT}), kept out of the test
 * class so that the class loads in the container, where Selenium is absent (a lambda over a Selenium
 * type would be a method of the test class).
 */
final class DocumentsWalk {

    private DocumentsWalk() {
    }

    /** The browser's cookies for the commune, as a {@code Cookie} header. */
    static String cookies(Browser b) {
        return b.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }
}
