package fr.portailfamille.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium with a fresh profile, offline-safe flags, French first. */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;
    private final Path profile;

    Browser() throws Exception {
        this(true);
    }

    /** A browser with JavaScript off ({@code javascript = false}): pages must work as plain forms. */
    Browser(boolean javascript) throws Exception {
        profile = Files.createTempDirectory("pf-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=fr-FR",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", javascript ? java.util.Map.of("intl.accept_languages", "fr-FR,fr")
                : java.util.Map.of("intl.accept_languages", "fr-FR,fr", "profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .withEnvironment(java.util.Map.of("XDG_CONFIG_HOME", profile.resolve("config").toString(),
                        "XDG_CACHE_HOME", profile.resolve("cache").toString()))
                .build();
        driver = new ChromeDriver(service, options);
    }

    WebDriver get(String url) {
        driver.get(url);
        return driver;
    }

    WebElement await(By by) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Élément " + by + " absent de " + snapshot(), e);
        }
    }

    void awaitUrlStartingWith(String prefix) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(prefix));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Adresse attendue " + prefix + ", obtenue " + snapshot(), e);
        }
    }

    /** Clicks a button that submits a form and waits for the next page to replace this one. */
    void submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        try {
            await(button).click();
        } catch (org.openqa.selenium.WebDriverException e) {
            // Chromium may report the click after the page it was on has already been replaced:
            // the click happened; anything else is a real failure
            if (e instanceof org.openqa.selenium.TimeoutException
                    || !String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                throw e;
            }
        }
        // (the old page's html element answers "stale" or "not in the document" once replaced)
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isGone(page));
    }

    /**
     * Clicks a button sent by Faces AJAX (pages' {@code data-render} buttons) and waits until the request
     * has finished and the page is updated ({@code <html data-pf-ajax>} counts finished requests).
     */
    void ajax(By button) {
        String count = "return document.documentElement.getAttribute('data-pf-ajax') || '0'";
        Object before = driver.executeScript(count);
        WebElement target = await(button);
        // as a person would: brought to the middle of the screen, clear of the planning's sticky selection bar
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
        target.click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !before.equals(driver.executeScript(count)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Requête AJAX de " + button + " sans réponse : " + snapshot(), e);
        }
    }

    /** Whether an element belongs to a page that has been replaced (Chromium says so in two ways). */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Saves the page (PNG + HTML) under target/screenshots; returns its URL and where it was saved. */
    String snapshot() {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            String name = "echec-" + System.nanoTime();
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
            return driver.getCurrentUrl() + " (page enregistrée : " + dir.resolve(name).toAbsolutePath() + ".png/.html)";
        } catch (Exception e) {
            return driver.getCurrentUrl();
        }
    }

    /** Fills the commune's Keycloak login form. */
    void signIn(String email, String password) {
        WebElement username = await(By.id("username"));
        username.clear();
        username.sendKeys(email);
        driver.findElement(By.id("password")).clear();
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** axe-core (WCAG 2.1 A/AA rules) on the current page: the violations, described. */
    String accessibilityViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<Rule> violations = results.getViolations();
        return violations.stream().map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() throws Exception {
        driver.quit();
        StackLauncher.deleteTree(profile);
    }
}
