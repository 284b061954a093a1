package fr.portailfamille.platform.configuration.web.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed values, and rule paths of the configuration file landing next to the screens' fields. */
class FormValuesTest {

    @Test
    void rulePathsBecomeComponentPaths() {
        assertEquals("activities[2].bookingDeadline", FormValues.componentPath("activities[2].booking.deadline"));
        assertEquals("activities[0].cancellationDeadline", FormValues.componentPath("activities[0].booking.cancellation"));
        assertEquals("activities[1].latePolicy", FormValues.componentPath("activities[1].booking.late"));
        assertEquals("activities[1].minAge", FormValues.componentPath("activities[1].ages.min"));
        assertEquals("activities[1].maxAge", FormValues.componentPath("activities[1].ages.max"));
        assertEquals("activities[3].documents", FormValues.componentPath("activities[3].documents[4]"));
        assertEquals("activities[3].levels", FormValues.componentPath("activities[3].levels[1]"));
        assertEquals("activities[0].units[1].capacity", FormValues.componentPath("activities[0].units[1].capacity"));
        assertEquals("activities[0].units[2].weekdays", FormValues.componentPath("activities[0].units[2].weekdays[0]"));
        assertEquals("closures[2].label", FormValues.componentPath("closures[2].label"));
        assertEquals("", FormValues.componentPath("legend"), "legend problems go to the summary");
        assertEquals("", FormValues.componentPath("activities[1].units"), "a unit that cannot be removed: in the summary");
        assertEquals("", FormValues.componentPath(null));
    }

    @Test
    void problemsOfANewActivityLandOnItsForm() {
        assertEquals("code", FormValues.newActivityField("activities[5].code", "activities[5]"));
        assertEquals("capacity", FormValues.newActivityField("activities[5].units[0].capacity", "activities[5]"));
        assertEquals("unitEnd", FormValues.newActivityField("activities[5].units[0].end", "activities[5]"));
        assertEquals("weekdays", FormValues.newActivityField("activities[5].units[0].weekdays[1]", "activities[5]"));
        assertEquals("", FormValues.newActivityField("activities[1].code", "activities[5]"), "another activity");
        assertEquals("", FormValues.newActivityField("activities[50].code", "activities[5]"));
        assertEquals("", FormValues.newActivityField("activities", "activities[5]"));
    }

    @Test
    void typedTimesCodesAndLines() {
        assertTrue(FormValues.isTime(" 07:15 "));
        assertTrue(FormValues.isTime(""), "blank: no time shown");
        assertFalse(FormValues.isTime("25:00"));
        assertFalse(FormValues.isTime("7h15"));
        assertEquals(LocalTime.of(7, 15), FormValues.time("07:15"));
        assertNull(FormValues.time(" "));
        assertEquals("SOIR-2", FormValues.upper(" soir-2 "));
        assertNull(FormValues.blankToNull("  "));
        assertEquals(List.of("Fiche sanitaire", "Assurance"), FormValues.lines("Fiche sanitaire\r\n\n  Assurance  \n"));
        assertEquals(List.of(1, 2, 5), FormValues.weekdays(List.of("5", "1", "2")));
        assertEquals(List.of(), FormValues.weekdays(null));
    }
}
