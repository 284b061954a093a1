package fr.portailfamille.it;

import fr.portailfamille.it.support.Browser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Selenium steps of the Boîte de réception walk ({@link MessagesWalkIT}), kept out of the test class so that the
 * class loads in the container, where Selenium is absent.
 */
final class MessagesWalk {

    private MessagesWalk() {
    }

    /** Fills "Écrire un message" (service, child, subject, body, an optional file) and sends it. */
    static void write(Browser b, String service, String child, String subject, String body, Path file) {
        new Select(b.await(By.id("write:service"))).selectByValue(service);
        new Select(b.await(By.id("write:child"))).selectByVisibleText(child);
        Browser.type(b, "write:subject", subject);
        Browser.type(b, "write:body", body);
        if (file != null) {
            b.await(By.id("write:files")).sendKeys(file.toAbsolutePath().toString());
        }
        b.submit(By.id("write:submit"));
    }

    /** Answers the thread open in the page (family or agent: form {@code reply}). */
    static void reply(Browser b, String body, Path file) {
        Browser.type(b, "reply:body", body);
        if (file != null) {
            b.await(By.id("reply:files")).sendKeys(file.toAbsolutePath().toString());
        }
        b.submit(By.id("reply:submit"));
    }

    /** A file of these bytes, with this name, in target/. */
    static Path file(String name, byte[] content) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "walk-files"));
        return Files.write(dir.resolve(name), content);
    }

    /** The messages' bodies of the thread shown, in order. */
    static List<String> bodies(Browser b) {
        return b.driver.findElements(By.cssSelector("#messages .inbox-body")).stream().map(WebElement::getText).toList();
    }

    /** The value of a field. */
    static String value(Browser b, String id) {
        return b.await(By.id(id)).getAttribute("value");
    }

    /** A GET of the platform as another commune's host, with the browser's cookies of alpha. */
    static HttpResponse<String> asHost(String host, String path, String cookies) throws Exception {
        return PlatformWebIT.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PlatformWebIT.PORT + path))
                .header("Host", host).header("Cookie", cookies).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
