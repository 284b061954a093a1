package fr.portailfamille.platform.configuration.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.configuration.CommuneConfiguration.ActivityType;
import fr.portailfamille.configuration.CommuneConfiguration.Establishment;
import fr.portailfamille.configuration.CommuneConfiguration.EstablishmentKind;
import fr.portailfamille.platform.configuration.web.form.ActivityRow;
import fr.portailfamille.problems.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The section beans' pure parts, and the sections' pages and labels. */
class ConfigurationSectionsTest {

    static Activity activity(String code) {
        return new Activity(code, "Activité " + code, null, ActivityType.PERISCOLAIRE, null, null, null, List.of(), false,
                "J-2@23:59", "J-2@23:59", LatePolicy.REFUSED, false, List.of(), List.of());
    }

    @Test
    void activitiesEditedOnTheScreenReplaceTheSavedOnesOfTheSameCode() {
        List<ActivityRow> rows = new ArrayList<>(List.of(new ActivityRow(activity("PERI")), new ActivityRow(activity("CANTINE"))));
        rows.get(1).setName("Restaurant scolaire");
        List<Activity> saved = List.of(activity("CANTINE"), activity("PERI"), activity("SPORT"));
        List<Activity> edited = ActivitesView.edited(saved, rows, java.util.Set.of("SPORT"));
        assertEquals(List.of("PERI", "CANTINE"), edited.stream().map(Activity::code).toList(),
                "SPORT, removed on the screen, is gone (the store refuses if it has bookings)");
        assertEquals("Restaurant scolaire", edited.get(1).name());
        assertEquals(List.of(activity("PERI")), ActivitesView.edited(List.of(activity("PERI")), rows, java.util.Set.of()),
                "an activity removed meanwhile by another agent is not brought back");
        // SPORT created (Nouvelle activité, another agent) after this screen was opened: its save keeps it
        assertEquals(List.of("PERI", "CANTINE", "SPORT"), ActivitesView.edited(saved, rows, java.util.Set.of()).stream()
                .map(Activity::code).toList());
    }

    @Test
    void thePlaceOfAnActivityIsChosenAmongTheSavedEstablishments() {
        assertEquals(Map.of("École Ferry", "FERRY"), ActivitesView.establishmentItems(List.of(
                new Establishment("FERRY", "École Ferry", EstablishmentKind.ECOLE_MATERNELLE, null))));
        // two of one name stay two (the later one replaced the first: an activity there was saved with the other)
        assertEquals(List.of("Jean Moulin (MOULIN-M)", "Jean Moulin (MOULIN-E)", "École Ferry"), List.copyOf(
                ActivitesView.establishmentItems(List.of(
                        new Establishment("MOULIN-M", "Jean Moulin", EstablishmentKind.ECOLE_MATERNELLE, null),
                        new Establishment("MOULIN-E", "Jean Moulin", EstablishmentKind.ECOLE_ELEMENTAIRE, null),
                        new Establishment("FERRY", "École Ferry", EstablishmentKind.ECOLE_MATERNELLE, null))).keySet()));
    }

    @Test
    void problemsOfAnImportedFileSayWhere() {
        assertEquals("activities[2].name : Le nom est obligatoire.",
                FichierView.problem(new FieldError("activities[2].name", "Le nom est obligatoire.")));
        assertEquals("Fichier illisible.", FichierView.problem(new FieldError("", "Fichier illisible.")));
    }

    @Test
    void everySectionHasItsPageAndItsLabelsInBothLanguages() throws IOException {
        Path pages = Path.of("src/main/webapp/agent/configuration");
        for (String bundle : List.of("messages.properties", "messages_fr.properties", "messages_en.properties")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/fr/portailfamille/platform/web/" + bundle)) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (String s : new ConfigurationChoices().getSections()) {
                assertTrue(Files.exists(pages.resolve(s + ".xhtml")), s);
                assertTrue(p.containsKey("agent.config.section." + s) && p.containsKey("agent.config.section." + s + ".hint"),
                        bundle + " : " + s);
            }
        }
        assertEquals(List.of("TPS", "PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2"), new ConfigurationChoices().getLevels());
        assertEquals(List.of("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"),
                List.copyOf(new ConfigurationChoices().getWeekdays().keySet()));
    }
}
