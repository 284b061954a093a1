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
 * {@code agent/} composed on the commune's bare template would lose them (the occupancy page did). Every staff table
 * reflows on a phone (a card per row): laid out by their content (staff.css), tables without it scrolled sideways
 * inside their box at 360 px. The staff menu's Configuration lists every page of the configuration's index, in its order.
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

    @Test
    void everyStaffTableReflowsOnAPhone() throws IOException {
        List<String> fixed = new java.util.ArrayList<>();
        for (String dir : List.of("src/main/webapp/agent", "src/main/webapp/WEB-INF/templates")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p:dataTable\\b[^>]*>").matcher(Files.readString(p));
                    while (m.find()) {
                        if (!m.group().contains("reflow=\"true\"")) {
                            fixed.add(p.getFileName() + ": " + m.group().substring(0, Math.min(60, m.group().length())));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), fixed, "staff tables that do not reflow on a phone");
    }

    @Test
    void theMenuListsEveryConfigurationSectionInTheIndexOrder() {
        List<String> sections = new fr.portailfamille.platform.configuration.web.ConfigurationChoices().getSections();
        List<String> inMenu = AgentMenuView.configurationPages().stream().map(AgentMenuView.Item::page)
                .filter(p -> p.startsWith("agent/configuration/")).map(p -> p.substring("agent/configuration/".length())).toList();
        assertEquals(sections, inMenu);
        assertEquals(AgentMenuView.configurationPages().size(), AgentMenuView.configurationPages().stream().map(AgentMenuView.Item::id)
                .distinct().count(), "one id per entry");
    }
}
