package fr.portailfamille.platform.booking.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.platform.kernel.PlatformTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The month Mon planning opens on, from its {@code mois} parameter. */
class PlanningLabelsTest {

    @Test
    void aMonthBeyondWhatMayBeBookedOpensOnTheLastOne() {
        YearMonth now = YearMonth.now(PlatformTime.ZONE);
        assertEquals(now, PlanningLabels.month(null));
        assertEquals(now, PlanningLabels.month("mars"));
        assertEquals(YearMonth.of(2020, 3), PlanningLabels.month("2020-03"), "a past month, as asked");
        assertEquals(now.plusYears(2), PlanningLabels.month(now.plusYears(2).toString()));
        assertEquals(now.plusYears(2), PlanningLabels.month(now.plusYears(6).toString()), "public holidays unknown there");
    }
}
