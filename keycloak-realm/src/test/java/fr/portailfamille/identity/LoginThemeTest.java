package fr.portailfamille.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Portail Famille login theme, as packaged (classpath {@code /theme/portail-famille/login/...}): the
 * live password rules of the account creation page and the French wording for parents.
 */
class LoginThemeTest {

    private static final String LOGIN = "/theme/portail-famille/login/";
    private static final List<String> RULE_KEYS = List.of(
            "pfPasswordRuleLength", "pfPasswordRuleLowerCase", "pfPasswordRuleUpperCase", "pfPasswordRuleDigits");
    /** Any pf message key written in a template: in msg("pf…"), or as a string handed to msg later. */
    private static final Pattern PF_KEY = Pattern.compile("[\"'](pf[A-Z][A-Za-z0-9.]*)[\"']");

    @Test
    void registerPageShowsTheRulesUnderThePasswordAndLoadsTheScript() {
        String register = read("register.ftl");
        assertTrue(register.contains("<script src=\"${url.resourcesPath}/js/password-rules.js\" defer></script>"), register);
        assertTrue(register.contains("<#import \"password-rules.ftl\" as passwordRules>"));
        assertTrue(register.contains("<@passwordRules.password name=\"password\""));
        assertFalse(register.contains("<@field.password name=\"password\""), "the stock password field is replaced");
        assertTrue(register.contains("<@field.password name=\"password-confirm\""), "the confirmation is unchanged");
        assertTrue(register.contains("${url.registrationAction}"), "still keycloak.v2's registration form");

        String rules = read("password-rules.ftl");
        assertTrue(rules.contains("<ul id=\"pf-password-rules\""), "the list has the id the input refers to");
        assertTrue(rules.contains("aria-describedby=\"pf-password-rules-title pf-password-rules"));
        assertTrue(rules.contains("aria-live=\"polite\""));
        assertTrue(rules.contains("class=\"pf-password-rule__state pf-visually-hidden\""), "state told in text");
        assertTrue(rules.contains("msg(\"pfPasswordRuleNotMet\")"));
        for (String key : RULE_KEYS) {
            assertTrue(rules.contains("\"" + key + "\""), key);
        }
        assertFalse(rules.contains("tabindex"), "nothing to tab to: the keyboard goes from field to field");
    }

    @Test
    void updatePasswordPageShowsTheSameRules() {
        // with "verify email" on, Keycloak 26 asks a new account's password here, after the address is confirmed
        String update = read("login-update-password.ftl");
        assertTrue(update.contains("<script src=\"${url.resourcesPath}/js/password-rules.js\" defer></script>"));
        assertTrue(update.contains("<#import \"password-rules.ftl\" as passwordRules>"));
        assertTrue(update.contains("<@passwordRules.password name=\"password-new\" label=msg(\"passwordNew\") fieldName=\"password\""));
        assertTrue(update.contains("<@field.password name=\"password-confirm\""));
        assertTrue(update.contains("${url.loginAction}"));
    }

    @Test
    void ruleMessagesExistInFrenchAndEnglish() {
        Properties fr = messages("fr");
        Properties en = messages("en");
        for (String key : RULE_KEYS) {
            assertTrue(fr.containsKey(key), key + " in messages_fr");
            assertTrue(en.containsKey(key), key + " in messages_en");
        }
        assertEquals("8 caractères minimum", format(fr, "pfPasswordRuleLength", "8"));
        assertEquals("1 lettre minuscule", format(fr, "pfPasswordRuleLowerCase", "1"));
        assertEquals("1 lettre majuscule", format(fr, "pfPasswordRuleUpperCase", "1"));
        assertEquals("1 chiffre", format(fr, "pfPasswordRuleDigits", "1"));
        assertEquals("respectée", format(fr, "pfPasswordRuleMet"));
        assertEquals("non respectée", format(fr, "pfPasswordRuleNotMet"));
        assertEquals("8 characters minimum", format(en, "pfPasswordRuleLength", "8"));
    }

    @Test
    void everyPfKeyUsedByTheTemplatesExistsInBothBundles() throws Exception {
        Properties fr = messages("fr");
        Properties en = messages("en");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(loginDirectory())) {
            for (Path ftl : files.filter(f -> f.toString().endsWith(".ftl")).toList()) {
                Matcher keys = PF_KEY.matcher(Files.readString(ftl));
                while (keys.find()) {
                    used.add(keys.group(1));
                }
            }
        }
        assertTrue(used.containsAll(RULE_KEYS), used.toString());
        for (String key : used) {
            assertTrue(fr.containsKey(key), key + " missing in messages_fr");
            assertTrue(en.containsKey(key), key + " missing in messages_en");
        }
        assertEquals(pfKeys(fr), pfKeys(en), "the same pf keys in French and in English");
    }

    @Test
    void everyMessageSurvivesMessageFormat() {
        // Keycloak formats every message with java.text.MessageFormat: a single ' would swallow the text after it
        Pattern singleQuote = Pattern.compile("(?<!')'(?!')");
        for (String language : List.of("fr", "en")) {
            Properties bundle = messages(language);
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                assertFalse(value.isBlank(), key);
                assertFalse(singleQuote.matcher(value).find(), language + " " + key + ": double the apostrophe");
                new MessageFormat(value, Locale.forLanguageTag(language)).format(new Object[] {"8"});
            }
        }
    }

    @Test
    void frenchMessagesSpeakToParents() {
        Properties fr = messages("fr");
        assertEquals("Nous ne pouvons pas créer de compte avec cette adresse. Si vous avez déjà un compte, utilisez"
                + " « Mot de passe oublié ? » ; sinon, vérifiez l'adresse saisie.", format(fr, "emailExistsMessage"));
        // brute force detection: Keycloak 26 shows accountTemporarilyDisabledMessage while the account is locked
        assertTrue(format(fr, "accountTemporarilyDisabledMessage").contains("bloquée quelques minutes"));
        assertTrue(format(fr, "invalidUserMessage").contains("Mot de passe oublié ?"));
        assertEquals("Votre mot de passe est trop court : il doit contenir au moins 8 caractères.",
                format(fr, "invalidPasswordMinLengthMessage", "8"));
        assertEquals("Nous venons d'envoyer un e-mail à l'adresse marie@example.fr. Ouvrez-le et cliquez sur le lien"
                + " qu'il contient pour confirmer votre adresse et terminer la création de votre compte.",
                format(fr, "emailVerifyInstruction1", "marie@example.fr"));
        for (String key : List.of("invalidUserMessage", "accountTemporarilyDisabledMessage", "accountDisabledMessage",
                "loginTimeout", "invalidPasswordMinLengthMessage", "invalidPasswordMinLowerCaseCharsMessage",
                "invalidPasswordMinUpperCaseCharsMessage", "invalidPasswordMinDigitsMessage",
                "invalidPasswordNotUsernameMessage", "invalidPasswordNotEmailMessage", "emailExistsMessage",
                "emailVerifyTitle", "emailVerifyInstruction1", "emailVerifyInstruction2", "emailVerifyInstruction3",
                "emailVerifyInstruction4", "verifyEmailMessage")) {
            assertTrue(fr.containsKey(key), key + " in messages_fr");
            assertTrue(messages("en").containsKey(key), key + " in messages_en");
            String text = format(fr, key, "8").toLowerCase(Locale.FRENCH);
            for (String jargon : List.of("invalide", "courriel", "nom d'utilisateur", "administrateur", "(s)")) {
                assertFalse(text.contains(jargon), key + " says \"" + jargon + "\": " + text);
            }
        }
    }

    @Test
    void messagesDoNotRevealWhetherAnAddressHasAnAccount() {
        for (String language : List.of("fr", "en")) {
            Properties bundle = messages(language);
            String unknownOrWrong = format(bundle, "invalidUserMessage");
            // a locked account answers exactly like an unknown address or a wrong password
            assertEquals(unknownOrWrong, format(bundle, "accountTemporarilyDisabledMessage"), language);
            assertEquals(unknownOrWrong, format(bundle, "accountPermanentlyDisabledMessage"), language);
            for (String key : List.of("emailExistsMessage", "usernameExistsMessage")) {
                String text = format(bundle, key).toLowerCase(Locale.ROOT);
                for (String reveal : List.of("existe déjà", "already exists", "déjà utilisée", "already in use",
                        "already registered", "déjà inscrit")) {
                    assertFalse(text.contains(reveal), language + " " + key + " : " + text);
                }
            }
        }
    }

    @Test
    void scriptOnlyInformsAndStaysOnTheServer() {
        String script = read("resources/js/password-rules.js");
        assertTrue(script.contains("function checkPasswordRules("));
        assertTrue(script.contains("module.exports"));
        assertTrue(script.contains("addEventListener('input'"));
        for (String forbidden : List.of("preventDefault", "'submit'", "\"submit\"", "disabled", "setCustomValidity",
                "http://", "https://", "fetch(", "XMLHttpRequest", "import ")) {
            assertFalse(script.contains(forbidden), "password-rules.js must not use " + forbidden);
        }
    }

    @Test
    void ruleColoursMeetWcagAaOnWhite() {
        String css = read("resources/css/portail-famille.css");
        int begin = css.indexOf("/* pf-password-rules:begin */");
        int end = css.indexOf("/* pf-password-rules:end */");
        assertTrue(begin >= 0 && end > begin, "marked block of the password rules");
        Matcher colours = Pattern.compile("(?<![-\\w])color:\\s*#([0-9a-fA-F]{6})").matcher(css.substring(begin, end));
        List<String> found = new ArrayList<>();
        while (colours.find()) {
            found.add(colours.group(1));
            double ratio = 1.05 / (luminance(colours.group(1)) + 0.05);
            assertTrue(ratio >= 4.5, "#" + colours.group(1) + " on white: " + ratio);
        }
        assertTrue(found.size() >= 2, found.toString());
        assertTrue(css.contains(".pf-visually-hidden"));
    }

    @Test
    void templateKeepsTheCommuneBrandingAndThePhoneViewport() {
        String template = read("template.ftl");
        assertTrue(template.contains("<link href=\"${client.baseUrl}/branding.css\" rel=\"stylesheet\" />"));
        assertTrue(template.contains("${client.baseUrl}/logo"));
        assertTrue(template.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    }

    @Test
    void scriptRulesAndPageBehaviourUnderNode() throws Exception {
        Optional<Path> node = onPath("node");
        assumeTrue(node.isPresent(), "node is not on PATH");
        Path testScript = Path.of(resource("/js/password-rules.test.cjs").toURI());
        Path script = loginDirectory().resolve("resources/js/password-rules.js");
        Process process = new ProcessBuilder(node.get().toString(), testScript.toString(), script.toString())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("all checks passed"), output);
    }

    private static Optional<Path> onPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(Pattern.quote(File.pathSeparator)))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static double luminance(String hex) {
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) / 255.0;
            channels[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }

    private static Set<String> pfKeys(Properties bundle) {
        Set<String> keys = new TreeSet<>();
        bundle.stringPropertyNames().stream().filter(k -> k.startsWith("pf")).forEach(keys::add);
        return keys;
    }

    private static String format(Properties bundle, String key, Object... arguments) {
        String pattern = bundle.getProperty(key);
        assertNotNull(pattern, key);
        return new MessageFormat(pattern, Locale.FRENCH).format(arguments);
    }

    private static Properties messages(String language) {
        Properties bundle = new Properties();
        try (InputStream in = resource(LOGIN + "messages/messages_" + language + ".properties").openStream()) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8)); // Keycloak reads them as UTF-8
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bundle;
    }

    private static String read(String file) {
        try (InputStream in = resource(LOGIN + file).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path loginDirectory() throws URISyntaxException {
        return Path.of(resource(LOGIN + "theme.properties").toURI()).getParent();
    }

    private static URL resource(String name) {
        URL url = LoginThemeTest.class.getResource(name);
        assertNotNull(url, name + " on the classpath");
        return url;
    }
}
