package fr.portailfamille.it;

import fr.portailfamille.it.support.Browser;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Selenium steps of the Mon profil walk ({@link ProfilWalkIT}), kept out of the test class so that the class loads in
 * the container, where Selenium is absent.
 */
final class ProfilWalk {

    private ProfilWalk() {
    }

    /**
     * On the commune's Keycloak after "Modifier mon mot de passe": signs in again if Keycloak asks (the sign-in is
     * older than its limit for a password change), then types the new password twice and confirms.
     */
    static void changePasswordOnKeycloak(Browser b, String oldPassword, String newPassword) {
        new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("password-new")).isEmpty()
                || !d.findElements(By.id("password")).isEmpty());
        if (b.driver.findElements(By.id("password-new")).isEmpty()) {
            b.driver.findElement(By.id("password")).sendKeys(oldPassword);
            b.driver.findElement(By.id("kc-login")).click();
        }
        b.await(By.id("password-new")).sendKeys(newPassword);
        b.driver.findElement(By.id("password-confirm")).sendKeys(newPassword);
        b.driver.findElement(By.id("kc-submit")).click();
    }

    /** On the commune's Keycloak after "Modifier mon adresse e-mail": types the new address and confirms. */
    static void changeEmailOnKeycloak(Browser b, String oldPassword, String newEmail) {
        new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("email")).isEmpty()
                || !d.findElements(By.id("password")).isEmpty());
        if (b.driver.findElements(By.id("email")).isEmpty()) {
            b.driver.findElement(By.id("password")).sendKeys(oldPassword);
            b.driver.findElement(By.id("kc-login")).click();
        }
        WebElement email = b.await(By.id("email"));
        email.clear();
        email.sendKeys(newEmail);
        WebElement page = b.driver.findElement(By.tagName("html"));
        b.driver.findElement(By.cssSelector("input[type=submit], button[type=submit]")).click();
        new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                return true;
            }
        });
    }

    /** Opens the confirmation link of Keycloak's mail; follows its "proceed" link when Keycloak asks for one. */
    static void confirmEmail(Browser b, String link) {
        b.get(link);
        List<WebElement> proceed = b.driver.findElements(By.cssSelector("a[href*='login-actions/action-token']"));
        if (!proceed.isEmpty()) {
            proceed.get(0).click();
        }
    }

    /** The page's global messages. */
    static String summary(Browser b) {
        List<WebElement> found = b.driver.findElements(By.id("summary"));
        return found.isEmpty() ? "" : found.get(0).getText().replace('\u00a0', ' ');
    }

    static void click(Browser b, String id) {
        b.await(By.id(id)).click();
    }

    static boolean checked(Browser b, String id) {
        return b.await(By.id(id)).isSelected();
    }

    /** The calendar URL shown once after "Créer le lien". */
    static String feedUrl(Browser b) {
        return b.await(By.cssSelector("input.calendar-url")).getAttribute("value");
    }

    /** "Copier le lien": the status says it is copied. */
    static String copy(Browser b) {
        b.await(By.cssSelector("[data-copy]")).click();
        new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> !d.findElement(By.cssSelector("[data-copy-status]"))
                .getText().isBlank());
        return b.driver.findElement(By.cssSelector("[data-copy-status]")).getText();
    }

    static By createLink() {
        return By.cssSelector(".calendar-row input[id$=':regenerate']");
    }
}
