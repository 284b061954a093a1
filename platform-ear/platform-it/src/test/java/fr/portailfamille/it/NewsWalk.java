package fr.portailfamille.it;

import fr.portailfamille.it.support.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Selenium steps of the Actualités tests ({@link NewsIT}, {@link NewsWalkIT}), kept out of the test classes so that
 * they load in the container, where Selenium is absent.
 */
final class NewsWalk {

    private NewsWalk() {
    }

    /** Signs in through the commune's Keycloak in Chromium and returns the session's cookies. */
    static String signedInCookies(String page, String email, String password) throws Exception {
        try (Browser b = new Browser()) {
            ActivitiesWalkIT.signIn(b, page, email, password);
            return DocumentsWalk.cookies(b);
        }
    }

    /** Writes these bytes as a file of this name in target/walk-files. */
    static Path file(String name, byte[] content) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "walk-files"));
        return Files.write(dir.resolve(name), content);
    }

    /** Fills the edit form: texts, the audience (an activity by its name, or everyone), the image and its text. */
    static void fill(Browser b, String title, String body, String activity, Path image, String alt) {
        Browser.type(b, "news:title", title);
        WebElement text = b.await(By.id("news:body"));
        text.clear();
        text.sendKeys(body);
        if (activity != null) {
            b.driver.findElement(By.cssSelector("input[name='news:audience'][value='ACTIVITIES']")).click();
            WebElement label = b.driver.findElement(By.xpath("//table[@id='news:activities']//label[normalize-space()='"
                    + activity + "']"));
            WebElement box = b.driver.findElement(By.id(label.getAttribute("for")));
            if (!box.isSelected()) {
                box.click();
            }
            if (!box.isSelected()) { // Chromium 150 once left it unticked after the click: ticked as a keyboard user would
                box.sendKeys(" ");
            }
            if (!box.isSelected()) {
                throw new AssertionError("case « " + activity + " » non cochée");
            }
        }
        if (image != null) {
            b.await(By.id("news:image")).sendKeys(image.toAbsolutePath().toString());
        }
        if (alt != null) {
            Browser.type(b, "news:imageAlt", alt);
        }
    }

    /** Sets a datetime-local field as the browser's picker would (yyyy-MM-ddTHH:mm). */
    static void dateTime(Browser b, String id, String value) {
        b.driver.executeScript("arguments[0].value = arguments[1];", b.await(By.id(id)), value);
    }

    /** The titles of the news tiles on the page. */
    static List<String> tiles(Browser b) {
        return b.driver.findElements(By.cssSelector("#news .news-tile-title")).stream().map(WebElement::getText).toList();
    }

    /** Brings the news section into view (for the screenshot of the tiles). */
    static void showTiles(Browser b) {
        b.driver.executeScript("document.getElementById('news').scrollIntoView({block: 'start'});");
    }

    /** Whether every image of the page matching the selector is loaded and has pixels. */
    static boolean imagesLoaded(Browser b, String css) {
        return Boolean.TRUE.equals(b.driver.executeScript("const imgs = Array.from(document.querySelectorAll(arguments[0]));"
                + " return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0);", css));
    }
}
