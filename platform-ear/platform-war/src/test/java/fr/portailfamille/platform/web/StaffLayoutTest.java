package fr.portailfamille.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every staff page is in the staff layout (the menu by task, the breadcrumbs, the growl, PrimeFaces' theme): a page of
 * {@code agent/} composed on the commune's bare template would lose them (the occupancy page did).
 */
class StaffLayoutTest {

    @Test
    void everyStaffPageComposesTheStaffTemplate() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(Path.of("src/main/webapp/agent"))) {
            pages = files.filter(p -> p.toString().endsWith(".xhtml")).toList();
        }
        assertTrue(pages.size() > 30, "the staff pages found: " + pages.size());
        List<Path> outside = pages.stream().filter(p -> {
            try {
                return !Files.readString(p).contains("template=\"/WEB-INF/templates/agent.xhtml\"");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        assertEquals(List.of(), outside, "staff pages outside the staff layout");
    }
}
