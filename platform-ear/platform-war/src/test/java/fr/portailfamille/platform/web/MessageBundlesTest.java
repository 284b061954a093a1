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
 * Each bundle's files (the pages' {@code msg}: default French, French, English; the services' refusals and the rules'
 * problems: default French, English) define exactly the same keys, each once; a text with arguments has the same
 * ones in every language and its apostrophes doubled, as {@code MessageFormat} reads it.
 */
class MessageBundlesTest {

    static final String DIR = "fr/portailfamille/platform/web/";
    static final List<String> BUNDLES = List.of("messages.properties", "messages_fr.properties", "messages_en.properties");
    /** Every bundle, each as its files (paths in the class path), its default file first. */
    static final List<List<String>> ALL = List.of(
            BUNDLES.stream().map(f -> DIR + f).toList(),
            List.of("fr/portailfamille/platform/kernel/refusals.properties", "fr/portailfamille/platform/kernel/refusals_en.properties"),
            List.of("fr/portailfamille/problems/problems.properties", "fr/portailfamille/problems/problems_en.properties"));

    static Properties load(String name) throws IOException {
        return loadPath(name.contains("/") ? name : DIR + name);
    }

    static Properties loadPath(String path) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, path + " est introuvable");
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void everyBundleHasTheSameKeys() throws IOException {
        for (List<String> files : ALL) {
            sameKeys(files);
        }
    }

    private static void sameKeys(List<String> files) throws IOException {
        Set<String> reference = new TreeSet<>(load(files.get(0)).stringPropertyNames());
        assertFalse(reference.isEmpty(), files.get(0));
        for (String name : files.subList(1, files.size())) {
            Set<String> keys = new TreeSet<>(load(name).stringPropertyNames());
            Set<String> missing = new TreeSet<>(reference);
            missing.removeAll(keys);
            Set<String> extra = new TreeSet<>(keys);
            extra.removeAll(reference);
            assertEquals(Set.of(), missing, "keys of " + files.get(0) + " missing from " + name);
            assertEquals(Set.of(), extra, "keys of " + name + " missing from " + files.get(0));
        }
    }

    @Test
    void noKeyIsDefinedTwiceInABundle() throws IOException {
        for (String name : ALL.stream().flatMap(List::stream).toList()) {
            List<String> keys = new ArrayList<>();
            try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
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
        Set<String> bad = new TreeSet<>();
        for (List<String> files : ALL) {
            Properties reference = load(files.get(0));
            for (String name : files) {
                argumentsAndApostrophes(name, load(name), reference, bad);
            }
        }
        assertEquals(Set.of(), bad);
    }

    private static void argumentsAndApostrophes(String name, Properties p, Properties reference, Set<String> bad) {
        for (String key : p.stringPropertyNames()) {
            String text = p.getProperty(key);
            Set<String> args = arguments(text);
            if (!args.isEmpty() && LONE_APOSTROPHE.matcher(text).find()) {
                bad.add(name + " " + key + ": apostrophe seule dans un texte à arguments");
            }
            // a text without arguments is shown as it is written (a page's msg['…']): "liste d''attente" showed doubled
            if (args.isEmpty() && text.contains("''")) {
                bad.add(name + " " + key + ": apostrophe doublée dans un texte sans argument");
            }
            if (!args.equals(arguments(reference.getProperty(key, "")))) {
                bad.add(name + " " + key + ": arguments " + args + " au lieu de " + arguments(reference.getProperty(key, "")));
            }
        }
    }

    @Test
    void theArgumentsAreFoundAndAFormattedTextKeepsItsApostrophes() {
        assertEquals(Set.of("0", "2"), arguments("{0} place(s) sur {2,number,#}"));
        assertEquals("Aucune place n'est libre le 3.",
                Texts.format("Aucune place n''est libre le {0}.", java.util.Locale.FRENCH, 3));
        assertEquals("Sans argument, l'apostrophe reste", Texts.format("Sans argument, l'apostrophe reste", java.util.Locale.FRENCH));
    }

    /**
     * The agent's family page shows its journal's actions and its change requests' states through words looked up by
     * their code ({@code AgentFamilleView.words}), which falls back to the code itself: every action a service writes
     * in a family's journal, every state of a change request has its words in each language (« RESIDENCE »,
     * « WITHDRAWN » were shown as such).
     */
    @Test
    void everyJournalActionAndChangeRequestStateHasItsWords() throws IOException {
        Set<String> needed = new TreeSet<>();
        Pattern written = Pattern.compile("(?:AuditEntry\\(|audit\\(|journal\\()[^,;]+, *\"([A-Z_]{4,})\"");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = java.nio.file.Files.readString(f);
                if (source.contains("AuditEntry(")) { // the family journal's writers (the money and operator journals are apart)
                    Matcher m = written.matcher(source);
                    while (m.find()) {
                        needed.add("audit.action." + m.group(1));
                    }
                }
            }
        }
        for (fr.portailfamille.platform.family.ChangeRequest.Status state : fr.portailfamille.platform.family.ChangeRequest.Status.values()) {
            needed.add("agent.famille.changeStatus." + state.name());
        }
        assertFalse(needed.size() < 20, needed.toString());
        for (String file : BUNDLES) {
            Set<String> missing = new TreeSet<>(needed);
            missing.removeAll(load(file).stringPropertyNames());
            assertEquals(Set.of(), missing, file);
        }
    }

    @Test
    void aLabelAndItsValueAreSeparatedAsEachLanguageWritesIt() throws IOException {
        assertEquals(" : ", load("messages.properties").getProperty("common.colon"), "French: a space before the colon");
        assertEquals(" : ", load("messages_fr.properties").getProperty("common.colon"));
        assertEquals(": ", load("messages_en.properties").getProperty("common.colon"));
    }
}
