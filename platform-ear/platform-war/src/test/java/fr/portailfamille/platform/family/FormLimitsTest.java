package fr.portailfamille.platform.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.problems.FieldError;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FormLimitsTest {

    private static final Pattern TABLE = Pattern.compile("(?:create|alter) table (\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VARCHAR = Pattern.compile("^\\s*(?:add column\\s+)?(\\w+)\\s+varchar\\((\\d+)\\)",
            Pattern.CASE_INSENSITIVE);

    /** table.column -> varchar size, as the Flyway migrations of a commune schema leave them. */
    static Map<String, Integer> columns() throws Exception {
        Path dir = Path.of("../../tenant-config/src/main/resources/db/tenant");
        Map<String, Integer> sizes = new HashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
        for (Path file : files) {
            String table = null;
            for (String line : Files.readAllLines(file)) {
                Matcher t = TABLE.matcher(line);
                if (t.find()) {
                    table = t.group(1);
                }
                Matcher v = VARCHAR.matcher(line);
                if (table != null && v.find()) {
                    sizes.put(table + "." + v.group(1), Integer.parseInt(v.group(2)));
                }
            }
        }
        return sizes;
    }

    private static int version(Path p) {
        String n = p.getFileName().toString();
        return Integer.parseInt(n.substring(1, n.indexOf("__")));
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }

    @Test
    void everyTextOfTheFamilyFormHasTheSizeOfItsColumn() throws Exception {
        Map<String, Integer> columns = columns();
        Map<Class<?>, String> tables = Map.of(FamilyForm.class, "family", FamilyForm.Person.class, "responsable",
                FamilyForm.ChildForm.class, "child", FamilyForm.Contact.class, "authorized_contact");
        int checked = 0;
        for (Map.Entry<Class<?>, String> t : tables.entrySet()) {
            for (Field f : t.getKey().getDeclaredFields()) {
                if (f.getType() != String.class || java.lang.reflect.Modifier.isTransient(f.getModifiers())
                        || List.of("situation", "civility", "sex", "readAs").contains(f.getName())) {
                    // codes of a list, and readAs: the file as an agent read it, no column
                    continue;
                }
                Integer column = columns.get(t.getValue() + "." + snake(f.getName()));
                assertNotNull(column, "colonne de " + t.getKey().getSimpleName() + "." + f.getName());
                Size size = f.getAnnotation(Size.class);
                assertNotNull(size, "@Size manquant sur " + t.getKey().getSimpleName() + "." + f.getName());
                assertEquals(column.intValue(), size.max(), t.getKey().getSimpleName() + "." + f.getName());
                checked++;
            }
        }
        assertEquals(28, checked);
    }

    @Test
    void everySizeMessageIsTheUsualTextSoThatItIsReadInEnglishToo() {
        for (Class<?> type : List.of(FamilyForm.class, FamilyForm.Person.class, FamilyForm.ChildForm.class,
                FamilyForm.Contact.class)) {
            for (Field f : type.getDeclaredFields()) {
                Size size = f.getAnnotation(Size.class);
                if (size != null) {
                    assertEquals(fr.portailfamille.platform.kernel.Refused.text("family.text.tooLong", size.max()).french(),
                            size.message(), type.getSimpleName() + "." + f.getName());
                }
            }
        }
    }

    @Test
    void theServiceRulesRefuseTooLongTextsNextToTheirField() {
        FamilyForm form = new FamilyForm();
        form.setAddressLine("x".repeat(201));
        form.setCity("Limoges");
        FamilyForm.ChildForm child = new FamilyForm.ChildForm();
        FamilyForm.Contact contact = new FamilyForm.Contact();
        contact.setName("n".repeat(121));
        contact.setRelation("Tante");
        contact.setPhone("06 12 34 56 78");
        child.getContacts().add(contact);
        form.getChildren().add(child);
        List<FieldError> errors = FamilyFileRules.check(form, false, LocalDate.of(2026, 12, 1));
        assertTrue(errors.contains(new FieldError("addressLine", "Ce texte est trop long : 200 caractères au plus.")),
                errors.toString());
        assertTrue(errors.contains(new FieldError("children[0].contacts[0].name",
                "Ce texte est trop long : 120 caractères au plus.")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.field().equals("addressLine")
                && e.text().in(Locale.ENGLISH).equals("This text is too long: 200 characters at most.")), errors.toString());
        form.setAddressLine("x".repeat(200));
        contact.setName("Marie Dupont");
        assertEquals(List.of(), FormLimits.check(form));
    }

    @Test
    void newsTextsHaveTheLimitsOfTheirColumnsAndTheServerRefusesLongerOnes() throws Exception {
        Map<String, Integer> columns = columns();
        assertEquals(fr.portailfamille.news.NewsRules.TITLE_MAX, columns.get("news.title"));
        assertEquals(fr.portailfamille.news.NewsRules.ALT_MAX, columns.get("news.image_alt"));
        assertTrue(Files.readString(Path.of("../../tenant-config/src/main/resources/db/tenant/V22__news_management.sql"))
                .contains("char_length(body) <= " + fr.portailfamille.news.NewsRules.BODY_MAX), "news_body_length");
        List<FieldError> errors = fr.portailfamille.news.NewsRules.check(new fr.portailfamille.news.NewsRules.Draft(
                "t".repeat(201), "b".repeat(4001), null, null, fr.portailfamille.news.NewsAudience.EVERYONE,
                java.util.Set.of(), true, "a".repeat(251)), false, java.time.Instant.now());
        assertEquals(List.of("title", "body", "imageAlt"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void aHouseholdLabelNeverExceedsItsColumn() {
        String label = "Foyer " + "p".repeat(100) + " " + "n".repeat(100);
        assertEquals(200, new Family(label, "a@b.fr").getLabel().length());
        assertEquals("Foyer Camille Durand", new Family("Foyer Camille Durand", "a@b.fr").getLabel());
    }
}
