package fr.portailfamille.platform.configuration.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Rule paths of the configuration file land next to the screen's fields. */
class ConfigurationViewTest {

    @Test
    void rulePathsBecomeComponentPaths() {
        assertEquals("activities[2].bookingDeadline", ConfigurationView.componentPath("activities[2].booking.deadline"));
        assertEquals("activities[0].cancellationDeadline", ConfigurationView.componentPath("activities[0].booking.cancellation"));
        assertEquals("activities[1].latePolicy", ConfigurationView.componentPath("activities[1].booking.late"));
        assertEquals("activities[1].minAge", ConfigurationView.componentPath("activities[1].ages.min"));
        assertEquals("activities[1].maxAge", ConfigurationView.componentPath("activities[1].ages.max"));
        assertEquals("activities[3].documents", ConfigurationView.componentPath("activities[3].documents[4]"));
        assertEquals("activities[3].levels", ConfigurationView.componentPath("activities[3].levels[1]"));
        assertEquals("activities[0].units[1].capacity", ConfigurationView.componentPath("activities[0].units[1].capacity"));
        assertEquals("closures[2].label", ConfigurationView.componentPath("closures[2].label"));
        assertEquals("", ConfigurationView.componentPath("legend"), "legend problems go to the summary");
    }

    @Test
    void problemsOfANewActivityLandOnItsForm() {
        assertEquals("code", ConfigurationView.newActivityField("activities[5].code", "activities[5]"));
        assertEquals("capacity", ConfigurationView.newActivityField("activities[5].units[0].capacity", "activities[5]"));
        assertEquals("unitEnd", ConfigurationView.newActivityField("activities[5].units[0].end", "activities[5]"));
        assertEquals("", ConfigurationView.componentPath("activities[1].units"), "a unit that cannot be removed: in the summary");
        assertEquals("activities[0].units[2].weekdays", ConfigurationView.componentPath("activities[0].units[2].weekdays[0]"));
        assertEquals("weekdays", ConfigurationView.newActivityField("activities[5].units[0].weekdays[1]", "activities[5]"));
        assertEquals("", ConfigurationView.newActivityField("activities[1].code", "activities[5]"), "another activity");
        assertEquals("", ConfigurationView.newActivityField("activities[50].code", "activities[5]"));
    }
}
