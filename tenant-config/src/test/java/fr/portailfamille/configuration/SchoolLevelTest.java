package fr.portailfamille.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.configuration.CommuneConfiguration.ActivityType;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The domain facts kept once: school levels and holiday-only activity types. */
class SchoolLevelTest {

    @Test
    void levelsGoFromToutePetiteSectionToCm2() {
        assertEquals(List.of("TPS", "PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2"), SchoolLevel.codes());
    }

    @Test
    void aTypedLevelIsReadWhateverItsCaseAndSpaces() {
        assertEquals(Optional.of(SchoolLevel.CE1), SchoolLevel.parse(" ce1 "));
        assertEquals(Optional.empty(), SchoolLevel.parse("6e"));
        assertEquals(Optional.empty(), SchoolLevel.parse(null));
        assertTrue(SchoolLevel.isCode("CM2"));
        assertFalse(SchoolLevel.isCode("cm2"), "the stored codes are exact");
        assertFalse(SchoolLevel.isCode(null));
    }

    @Test
    void chosenLevelsAreKeptInSchoolOrder() {
        assertEquals(List.of("PS", "CP", "CM2"), SchoolLevel.inOrder(Set.of("CM2", "PS", "CP", "XX")));
    }

    @Test
    void onlyHolidayCentresAndStaysRunDuringHolidaysOnly() {
        Set<ActivityType> holidayOnly = EnumSet.noneOf(ActivityType.class);
        for (ActivityType t : ActivityType.values()) {
            if (t.holidayOnly()) {
                holidayOnly.add(t);
            }
        }
        assertEquals(EnumSet.of(ActivityType.ALSH_VACANCES, ActivityType.SEJOUR), holidayOnly);
    }

    @Test
    void aMaternelleTeachesTpsToGsAnElementaireCpToCm2APrimaireAll() {
        org.junit.jupiter.api.Assertions.assertTrue(SchoolLevel.GS.taughtAt("ECOLE_MATERNELLE"));
        org.junit.jupiter.api.Assertions.assertFalse(SchoolLevel.CP.taughtAt("ECOLE_MATERNELLE"));
        org.junit.jupiter.api.Assertions.assertTrue(SchoolLevel.CP.taughtAt("ECOLE_ELEMENTAIRE"));
        org.junit.jupiter.api.Assertions.assertFalse(SchoolLevel.GS.taughtAt("ECOLE_ELEMENTAIRE"));
        org.junit.jupiter.api.Assertions.assertTrue(SchoolLevel.TPS.taughtAt("ECOLE_PRIMAIRE"));
        org.junit.jupiter.api.Assertions.assertTrue(SchoolLevel.CM2.taughtAt("ECOLE_PRIMAIRE"));
        org.junit.jupiter.api.Assertions.assertFalse(SchoolLevel.CE1.taughtAt("ACCUEIL_LOISIRS"));
        org.junit.jupiter.api.Assertions.assertFalse(SchoolLevel.CE1.taughtAt(null));
    }

    @Test
    void aPupilMovesUpALevelAYearAndLeavesAfterCm2() {
        assertEquals(java.util.Optional.of(SchoolLevel.CE1), SchoolLevel.CP.plus(1));
        assertEquals(java.util.Optional.of(SchoolLevel.CP), SchoolLevel.GS.plus(1));
        assertEquals(java.util.Optional.of(SchoolLevel.CE2), SchoolLevel.CP.plus(2));
        assertEquals(java.util.Optional.empty(), SchoolLevel.CM2.plus(1));
        assertEquals(java.util.Optional.of(SchoolLevel.CM2), SchoolLevel.CM2.plus(0));
        assertEquals(1, SchoolLevel.yearsBetween("2025-2026", "2026-2027"));
        assertEquals(2, SchoolLevel.yearsBetween("2024-2025", "2026-2027"));
    }
}
