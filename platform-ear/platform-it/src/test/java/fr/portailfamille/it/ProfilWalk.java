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
