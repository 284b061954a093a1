package fr.portailfamille.it.support;

import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium, offline-safe flags, French first. A closed browser is kept for the next test
 * rather than quit (starting Chromium and its driver costs seconds): it comes back as a new one would, in
 * a new tab (nothing left of the page, its scripts or its CDP overrides), without cookies (no session on
 * the platform or in Keycloak) nor cache, at the usual window size. Kept browsers quit at the end of the run.
 */
public final class Browser implements AutoCloseable {

    /** Browsers kept between tests, by JavaScript on (true) or off (false). */
    private static final Map<Boolean, Deque<Chromium>> IDLE = new HashMap<>();
    private static final int KEPT_PER_KIND = 3;
    private static boolean hookAdded;

    public final ChromeDriver driver;
    private final Chromium chromium;
    private boolean closed;

    /** One Chromium and its driver, with its own profile folder. */
    private record Chromium(ChromeDriver driver, Path profile, boolean javascript) {

        static Chromium start(boolean javascript) throws Exception {
            Path profile = Files.createTempDirectory("pf-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=fr-FR",
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", javascript ? Map.of("intl.accept_languages", "fr-FR,fr")
                    : Map.of("intl.accept_languages", "fr-FR,fr", "profile.managed_default_content_settings.javascript", 2));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .withEnvironment(Map.of("XDG_CONFIG_HOME", profile.resolve("config").toString(),
                            "XDG_CACHE_HOME", profile.resolve("cache").toString()))
                    .build();
            return new Chromium(new ChromeDriver(service, options), profile, javascript);
        }

        /** Back to a blank state: a new tab instead of the old ones, no cookies, no cache, the usual size. */
        void reset() {
            String fresh = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
            for (String handle : driver.getWindowHandles()) {
                if (!handle.equals(fresh)) {
                    driver.switchTo().window(handle).close();
                }
            }
            driver.switchTo().window(fresh);
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
            driver.manage().window().setSize(new Dimension(1280, 900));
        }

        void quit() {
            try {
                driver.quit();
            } finally {
                try {
                    StackLauncher.deleteTree(profile);
                } catch (java.io.IOException e) {
                    System.err.println("Profil Chromium non supprimé : " + profile + " " + e);
                }
            }
        }
    }

    public Browser() throws Exception {
        this(true);
    }

    /** A browser with JavaScript off ({@code javascript = false}): pages must work as plain forms. */
    public Browser(boolean javascript) throws Exception {
        Chromium kept;
        synchronized (IDLE) {
            kept = IDLE.computeIfAbsent(javascript, k -> new ArrayDeque<>()).pollFirst();
        }
        chromium = kept != null ? kept : Chromium.start(javascript);
        driver = chromium.driver();
    }

    /** Quits the browsers kept for later tests (at the end of the run). */
    public static void quitAll() {
        List<Chromium> all = new ArrayList<>();
        synchronized (IDLE) {
            IDLE.values().forEach(all::addAll);
            IDLE.clear();
        }
        for (Chromium c : all) {
            try {
                c.quit();
            } catch (RuntimeException e) {
                System.err.println("Arrêt de Chromium : " + e);
            }
        }
    }

    /**
     * A wait of up to 20 s that checks its condition every 50 ms (Selenium's default pause is 500 ms, which
     * each page change or AJAX answer waited for would mostly spend idle); an element replaced by an AJAX update
     * while the condition reads it is looked up again.
     */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /**
     * The text of the element {@code id} as the page lays it out ({@code innerText}; non-breaking spaces as spaces),
     * waited for up to 20 s; empty when the page never has it (for an element that must be absent, {@link #absent}).
     */
    public String text(String id) {
        WebElement found;
        try {
            found = waiting().until(d -> d.findElements(By.id(id)).stream().findFirst().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            return "";
        }
        return String.valueOf(driver.executeScript("return arguments[0].innerText", found)).replace('\u00a0', ' ');
    }

    /** Whether the page (loaded, as {@link #get} waits for) has no element {@code id}, asked of the page itself. */
    public boolean absent(String id) {
        return (Boolean) driver.executeScript("return document.getElementById(arguments[0]) === null", id);
    }

    /**
     * From now on this tab asks for English pages (its requests' Accept-Language "en-GB,en"), as a browser set to
     * English does; the next test's tab ({@link Chromium#reset}) asks for French again.
     */
    public void english() {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", "en-GB,en;q=0.9")));
    }

    /** Emulates a 360 × 780 phone screen (until {@link #desktop()}). */
    public void phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 780, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Back to the desktop window after {@link #phone()}, once the page has its width again. */
    public void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        waiting().until(d -> ((Number) driver.executeScript("return window.innerWidth")).longValue() > 360);
    }

    /**
     * Opens {@code url} and waits until WebDriver finds in it what the page has: right after a page had a phone's
     * screen emulated then cleared, Chromium's driver once found no element {@code online:list} in a loaded page that
     * had it (same document, 66 ms later found; PaymentWalkIT, and two walks' reads of a block before), so a lookup
     * made at once could answer "absent" for a present element.
     */
    public WebDriver get(String url) {
        driver.get(url);
        waiting().until(d -> {
            Object last = driver.executeScript("var all = document.querySelectorAll('[id]'); return all.length ? all[all.length - 1].id : null");
            return last == null || !d.findElements(By.id((String) last)).isEmpty();
        });
        return driver;
    }

    /**
     * Waits until element {@code by} is visible. A page that navigates while the element found is asked whether it is
     * displayed (Keycloak's login form posting back to itself) makes Chromium answer "Node with given id does not
     * belong to the document" — not a stale element for Selenium (a clean-clone run, 2026-12-05): looked up again.
     */
    public WebElement await(By by) {
        try {
            return waiting().until(d -> {
                try {
                    return ExpectedConditions.visibilityOfElementLocated(by).apply(d);
                } catch (org.openqa.selenium.WebDriverException e) {
                    if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                        return null;
                    }
                    throw e;
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Élément " + by + " absent de " + snapshot(), e);
        }
    }

    public void awaitUrlStartingWith(String prefix) {
        try {
            waiting().until(d -> d.getCurrentUrl().startsWith(prefix));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Adresse attendue " + prefix + ", obtenue " + snapshot(), e);
        }
    }

    /** Clicks a button that submits a form and waits for the next page to replace this one. */
    public void submit(By button) {
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
        waiting().until(d -> isGone(page));
    }

    /** Clicks a link or button as a person would: brought to the middle of the screen first, clear of sticky bars. */
    public void clickInView(By target) {
        WebElement element = await(target);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /**
     * Clicks a button sent by Faces AJAX (pages' {@code data-render} buttons) and waits until the request
     * has finished and the page is updated ({@code <html data-pf-ajax>} counts finished requests).
     */
    public void ajax(By button) {
        String count = "return document.documentElement.getAttribute('data-pf-ajax') || '0'";
        Object before = driver.executeScript(count);
        WebElement target = await(button);
        // as a person would: brought to the middle of the screen, clear of the planning's sticky selection bar
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
        target.click();
        try {
            waiting().until(d -> !before.equals(driver.executeScript(count)));
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
    public String snapshot() {
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
    public void signIn(String email, String password) {
        WebElement username = await(By.id("username"));
        username.clear();
        username.sendKeys(email);
        driver.findElement(By.id("password")).clear();
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** The WCAG 2.1 A/AA rules' tags axe runs. */
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** axe-core's script, as axe-selenium ships it (read once). */
    private static String axeSource;

    /**
     * axe-core (WCAG 2.1 A/AA rules) on the current page: the violations, described (rule, help, the nodes'
     * selectors), then any dangling id reference. axe is injected into the page and {@code axe.run} there, the
     * violations described by the page itself (axe-selenium's {@code AxeBuilder} does the same and more — frames, which
     * these pages do not have, and every rule's result sent back and parsed —, which cost half as much again per check).
     * A page without JavaScript is checked as served, in a browser with JavaScript ({@link #axeAsServed}): there axe's
     * own timers never fire, and {@code AxeBuilder} gave up after its 30 s script timeout with an empty list of
     * violations.
     */
    public String accessibilityViolations() {
        String axe = chromium.javascript() ? axeInPage() : axeAsServed();
        String dangling = danglingReferences();
        return axe.isEmpty() || dangling.isEmpty() ? axe + dangling : axe + "\n" + dangling;
    }

    /**
     * axe-core on this page without JavaScript, as a browser without JavaScript shows it: its markup (none of its
     * scripts ran; what its {@code noscript} elements hold shown, its scripts left out) written into a page of the same
     * origin in a browser with JavaScript, its style sheets loaded, at this window's size.
     */
    private String axeAsServed() {
        String html = (String) driver.executeScript("return document.documentElement.outerHTML;");
        String sheet = (String) driver.executeScript(
                "var l = document.querySelector('link[rel=stylesheet]'); return l ? l.href : location.origin + '/';");
        String shown = "<!DOCTYPE html>" + html.replaceAll("(?is)<script\\b.*?</script>", "")
                .replaceAll("(?i)</?noscript>", "");
        try (Browser js = new Browser()) {
            js.driver.manage().window().setSize(driver.manage().window().getSize());
            js.driver.get(sheet);
            js.driver.executeScript("document.open(); document.write(arguments[0]); document.close();", shown);
            js.waiting().until(d -> Boolean.TRUE.equals(js.driver.executeScript("return document.readyState === 'complete'"
                    + " && Array.from(document.querySelectorAll('link[rel=stylesheet]')).every(function (l) { return l.sheet; });")));
            return js.axeInPage();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String axeInPage() {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(axeSource());
        }
        Object found = driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + ".then(function (r) { done(r.violations.map(function (v) {"
                + "  return v.id + ': ' + v.help + ' ' + v.nodes.map(function (n) { return JSON.stringify(n.target); })"
                + "    .join(', '); }).join('\\n')); })"
                + ".catch(function (e) { done('axe-core failed: ' + e); });", WCAG_TAGS);
        return found == null ? "" : found.toString();
    }

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (java.io.InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    /**
     * Every id an element names in {@code aria-describedby}, {@code aria-labelledby} or {@code aria-controls} (and a
     * label's {@code for}) exists in the page: axe accepts a list of which one id exists, and a hint given a plain id
     * in a form ("files_hint" for "write:files_hint") was silently never read.
     */
    String danglingReferences() {
        Object found = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var out = [];"
                + "document.querySelectorAll('[aria-describedby],[aria-labelledby],[aria-controls],label[for]').forEach("
                + "function (e) { ['aria-describedby', 'aria-labelledby', 'aria-controls', 'for'].forEach(function (a) {"
                + "  (e.getAttribute(a) || '').split(/\\s+/).filter(Boolean).forEach(function (id) {"
                + "    if (!document.getElementById(id)) { out.push(a + ' \\u2192 #' + id + ' (' + (e.id || e.tagName) + ')'); }"
                + "  }); }); });"
                + "return out.join('\\n');");
        return found == null || found.toString().isEmpty() ? "" : "dangling id references:\n" + found;
    }

    /** Types into a field found by id, once it is visible, replacing what it held. */
    public static void type(Browser b, String id, String text) {
        WebElement e = b.await(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** Saves a screenshot of the page as target/screenshots/{@code name}.png. */
    public static void screenshot(Browser b, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), b.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /** Gives the browser back for the next test, blank again; one that cannot be reset quits. */
    @Override
    public void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        try {
            chromium.reset();
        } catch (RuntimeException e) {
            chromium.quit();
            return;
        }
        boolean keep;
        synchronized (IDLE) {
            Deque<Chromium> idle = IDLE.computeIfAbsent(chromium.javascript(), k -> new ArrayDeque<>());
            keep = idle.size() < KEPT_PER_KIND;
            if (keep) {
                idle.addLast(chromium);
                if (!hookAdded) {
                    hookAdded = true;
                    Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitAll, "pf-chromium-quit"));
                }
            }
        }
        if (!keep) {
            chromium.quit();
        }
    }
}
