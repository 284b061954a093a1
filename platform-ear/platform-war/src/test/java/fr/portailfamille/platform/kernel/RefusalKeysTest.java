package fr.portailfamille.platform.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The refusals are bundle keys, and every key the code names exists: the sources of the WAR and of tenant-config
 * build no {@code Refused}, {@code BookingRefused}, {@code Denied} or {@code FieldError} from a French literal (it
 * would be read in French on an English page), and each key written in {@code Refused.text("…")}, {@code Problems.of("…")},
 * {@code Problems.error(field, "…")} or {@code Problems.dateTime("…")} is in its bundle (a missing one would fail only
 * when the refusal happens, as an error page).
 */
class RefusalKeysTest {

    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../../tenant-config/src/main/java"));
    private static final Pattern LITERAL_TEXT =
            Pattern.compile("new (FieldError|Refused|BookingRefused|Denied)\\((\"[^\"]*\", *)?\"[A-ZÉÀÈÊÎÔ«]");
    /** A key written whole as the argument (not a value compared in a condition, nor the start of a computed key). */
    private static final Pattern REFUSAL_KEY = Pattern.compile("Refused\\.text\\(\\s*\"([^\"]+)\"\\s*[,)]");
    private static final Pattern PROBLEM_KEY = Pattern.compile("Problems\\.(?:of|dateTime)\\(\\s*\"([^\"]+)\"\\s*[,)]"
            + "|Problems\\.error\\([^,()\"]*(?:\\([^()]*\\))?[^,()\"]*,\\s*\"([^\"]+)\"\\s*[,)]");

    static String sources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path root : SOURCES) {
            assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " est introuvable");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    all.append("\n// FILE ").append(f).append('\n').append(Files.readString(f));
                }
            }
        }
        return all.toString();
    }

    static Set<String> keys(String resource) throws IOException {
        try (InputStream in = RefusalKeysTest.class.getClassLoader().getResourceAsStream(resource)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p.stringPropertyNames();
        }
    }

    @Test
    void noRefusalIsBuiltFromAFrenchLiteral() throws IOException {
        Set<String> found = new TreeSet<>();
        Matcher m = LITERAL_TEXT.matcher(sources());
        while (m.find()) {
            found.add(m.group());
        }
        assertEquals(Set.of(), found, "a refusal's text is a key of its bundle (Refused.text, Problems.of)");
    }

    @Test
    void everyKeyTheCodeNamesIsInItsBundle() throws IOException {
        String code = sources();
        Set<String> refusals = keys("fr/portailfamille/platform/kernel/refusals.properties");
        Set<String> problems = keys("fr/portailfamille/problems/problems.properties");
        Set<String> missing = new TreeSet<>();
        int named = 0;
        Matcher r = REFUSAL_KEY.matcher(code);
        while (r.find()) {
            named++;
            if (!refusals.contains(r.group(1))) {
                missing.add("refusals: " + r.group(1));
            }
        }
        Matcher p = PROBLEM_KEY.matcher(code);
        while (p.find()) {
            named++;
            String key = p.group(1) != null ? p.group(1) : p.group(2);
            if (!problems.contains(key)) {
                missing.add("problems: " + key);
            }
        }
        assertTrue(named > 300, "the keys named in the code are found: " + named);
        assertEquals(Set.of(), missing);
    }
}
