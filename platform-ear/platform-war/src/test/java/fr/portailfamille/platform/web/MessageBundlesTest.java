package fr.portailfamille.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The three message bundles (default French, French, English) define exactly the same keys, each once; a text with
 * arguments has the same ones in every language and its apostrophes doubled, as {@code MessageFormat} reads it.
 */
class MessageBundlesTest {

    static final String DIR = "fr/portailfamille/platform/web/";
    static final List<String> BUNDLES = List.of("messages.properties", "messages_fr.properties", "messages_en.properties");

    static Properties load(String name) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(DIR + name)) {
            assertNotNull(in, name + " est introuvable");
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void everyBundleHasTheSameKeys() throws IOException {
        Set<String> reference = new TreeSet<>(load(BUNDLES.get(0)).stringPropertyNames());
        assertFalse(reference.isEmpty());
        for (String name : BUNDLES.subList(1, BUNDLES.size())) {
            Set<String> keys = new TreeSet<>(load(name).stringPropertyNames());
            Set<String> missing = new TreeSet<>(reference);
            missing.removeAll(keys);
            Set<String> extra = new TreeSet<>(keys);
            extra.removeAll(reference);
            assertEquals(Set.of(), missing, "keys of " + BUNDLES.get(0) + " missing from " + name);
            assertEquals(Set.of(), extra, "keys of " + name + " missing from " + BUNDLES.get(0));
        }
    }

    @Test
    void noKeyIsDefinedTwiceInABundle() throws IOException {
        for (String name : BUNDLES) {
            List<String> keys = new ArrayList<>();
            try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(DIR + name)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String l = line.strip();
                    if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("!")) {
                        keys.add(l.split("\\s*[=:]", 2)[0].strip());
                    }
                }
            }
            Set<String> twice = new TreeSet<>();
            Set<String> seen = new TreeSet<>();
            keys.forEach(k -> {
                if (!seen.add(k)) {
                    twice.add(k);
                }
            });
            assertEquals(Set.of(), twice, "keys defined twice in " + name);
        }
    }

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    static Set<String> arguments(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void aTextWithArgumentsHasTheSameOnesInEveryLanguageAndItsApostrophesDoubled() throws IOException {
        Properties reference = load(BUNDLES.get(0));
        Set<String> bad = new TreeSet<>();
        for (String name : BUNDLES) {
            Properties p = load(name);
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                Set<String> args = arguments(text);
                if (!args.isEmpty() && LONE_APOSTROPHE.matcher(text).find()) {
                    bad.add(name + " " + key + ": apostrophe seule dans un texte à arguments");
                }
                if (!args.equals(arguments(reference.getProperty(key, "")))) {
                    bad.add(name + " " + key + ": arguments " + args + " au lieu de " + arguments(reference.getProperty(key, "")));
                }
            }
        }
        assertEquals(Set.of(), bad);
    }

    @Test
    void theArgumentsAreFoundAndAFormattedTextKeepsItsApostrophes() {
        assertEquals(Set.of("0", "2"), arguments("{0} place(s) sur {2,number,#}"));
        assertEquals("Aucune place n'est libre le 3.",
                Texts.format("Aucune place n''est libre le {0}.", java.util.Locale.FRENCH, 3));
        assertEquals("Sans argument, l'apostrophe reste", Texts.format("Sans argument, l'apostrophe reste", java.util.Locale.FRENCH));
    }

    @Test
    void aLabelAndItsValueAreSeparatedAsEachLanguageWritesIt() throws IOException {
        assertEquals(" : ", load("messages.properties").getProperty("common.colon"), "French: a space before the colon");
        assertEquals(" : ", load("messages_fr.properties").getProperty("common.colon"));
        assertEquals(": ", load("messages_en.properties").getProperty("common.colon"));
    }
}
