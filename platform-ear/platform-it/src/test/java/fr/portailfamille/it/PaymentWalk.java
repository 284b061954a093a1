package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.it.support.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Selenium steps of the online payment walk ({@link PaymentWalkIT}), kept out of the test class so that the class
 * loads in the container, where Selenium is absent.
 */
final class PaymentWalk {

    private PaymentWalk() {
    }

    /** The "Payer" button of invoice {@code number} on the page. */
    static By payer(String number) {
        return By.cssSelector("input[data-invoice='" + number + "']");
    }

    /** Whether the page shows a "Payer" button for invoice {@code number}. */
    static boolean hasPayer(Browser b, String number) {
        return !b.driver.findElements(payer(number)).isEmpty();
    }

    /** Clicks "Payer" of invoice {@code number} and waits for the next page (PayFiP's, or this one with a refusal). */
    static void pay(Browser b, String number) {
        b.submit(payer(number));
    }

    /** On the simulator's payment page: how the platform is notified, then the payer's choice; waits for the next page. */
    static void decide(Browser b, String choice, String notification) {
        new Select(b.await(By.id("notification"))).selectByValue(notification);
        b.submit(By.cssSelector("button[value='" + choice + "']"));
    }

    /** The result page's state ({@code data-state}) and its text. */
    static String[] result(Browser b) {
        WebElement card = b.await(By.id("payment-result"));
        return new String[] {card.getAttribute("data-state"), card.getText().replace('\u00a0', ' ')};
    }

    /** The page's messages at the top (refusals). */
    static String summary(Browser b) {
        return b.await(By.id("summary")).getText();
    }

    /** Changes the invoice id that the "Payer" form of {@code number} posts (as a hand-made request would). */
    static void tamper(Browser b, String number, long invoiceId) {
        b.driver.executeScript("arguments[0].form.querySelector('input[name=facture]').value = arguments[1];",
                b.await(payer(number)), Long.toString(invoiceId));
    }

    /** Opens a second tab on {@code url}; returns the first tab's handle. */
    static String secondTab(Browser b, String url) {
        String first = b.driver.getWindowHandle();
        b.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        b.get(url);
        return first;
    }

    static void switchTo(Browser b, String handle) {
        b.driver.switchTo().window(handle);
    }

    /** axe-core, then a desktop screenshot and a 360 px one (recording the page in {@code wide} when it is wider). */
    static void shots(Browser b, String name, List<String> wide) throws Exception {
        assertEquals("", b.accessibilityViolations(), "axe-core, " + name);
        Browser.screenshot(b, "paiement-" + name + "-desktop");
        InputsWebIT.phone(b);
        InputsWebIT.check(b, "paiement-" + name, wide);
        b.desktop();
    }
}
