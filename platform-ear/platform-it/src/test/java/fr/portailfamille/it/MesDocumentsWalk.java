package fr.portailfamille.it;

import fr.portailfamille.it.support.Browser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Selenium steps of the Mes documents walk ({@link MesDocumentsWalkIT}), kept out of the test class so that the
 * class loads in the container, where Selenium is absent.
 */
final class MesDocumentsWalk {

    private MesDocumentsWalk() {
    }

    /** Fills "Envoyer un document" (type, child, date as the date input holds it, file) and sends it. */
    static void send(Browser b, String typeCode, String child, String isoDate, Path file) {
        new Select(b.await(By.id("send:type"))).selectByValue(typeCode);
        new Select(b.await(By.id("send:child"))).selectByVisibleText(child);
        b.driver.executeScript("arguments[0].value = arguments[1];", b.await(By.id("send:issuedOn")), isoDate);
        b.await(By.id("send:file")).sendKeys(file.toAbsolutePath().toString());
        b.submit(By.id("send:submit"));
    }

    /** A small file of this content, with this name, in target/. */
    static Path file(String name, String content) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "walk-files"));
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.US_ASCII));
    }

    /** The state column of the family's documents, row by row. */
    static List<String> states(Browser b) {
        return b.driver.findElements(By.cssSelector("#documents .document-state")).stream().map(WebElement::getText).toList();
    }

    /** The message next to a field of the send form. */
    static String fieldMessage(Browser b, String id) {
        return b.await(By.id("send:" + id + "_msg")).getText();
    }
}
