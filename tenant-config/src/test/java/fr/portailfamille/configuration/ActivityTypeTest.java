package fr.portailfamille.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.configuration.CommuneConfiguration.ActivityType;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ActivityTypeTest {

    @Test
    void holidayCentresAndStaysRunDuringSchoolHolidaysOnly() {
        EnumSet<ActivityType> holidayOnly = EnumSet.noneOf(ActivityType.class);
        for (ActivityType t : ActivityType.values()) {
            if (t.holidayOnly()) {
                holidayOnly.add(t);
            }
        }
        assertEquals(EnumSet.of(ActivityType.ALSH_VACANCES, ActivityType.SEJOUR), holidayOnly);
    }
}
