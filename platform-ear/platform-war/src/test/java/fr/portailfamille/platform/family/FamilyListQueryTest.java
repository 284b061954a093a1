package fr.portailfamille.platform.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FamilyListQueryTest {

    @Test
    void noFilterCountsEveryFamilyAndPagesByHouseholdThenId() {
        FamilyListQuery q = FamilyListQuery.of(FamilyFilter.NONE);
        assertEquals("select count(*) from family f", q.countSql());
        assertTrue(q.parameters().isEmpty());
        String page = q.pageSql(null, false);
        assertTrue(page.contains("order by lower(f.label) asc nulls last, f.id offset ?1 limit ?2"), page);
    }

    @Test
    void eachFilterIsAConditionWithItsOwnParameterNeverTheTextItself() {
        FamilyListQuery q = FamilyListQuery.of(new FamilyFilter(" Durand ", "léa", FamilyStatus.VALIDATED,
                "Jules Ferry", QfBracket.FROM_500_TO_799));
        String count = q.countSql();
        assertFalse(count.contains("Durand") || count.contains("léa") || count.contains("Ferry"), count);
        assertEquals(List.of("%durand%", "%léa%", "VALIDATED", "%jules ferry%", 500, 799), q.parameters());
        assertTrue(count.contains("lower(f.label) like ?1"), count);
        assertTrue(count.contains("lower(c.first_name) like ?2"), count);
        assertTrue(count.contains("f.status = ?3"), count);
        assertTrue(count.contains("lower(c.school) like ?4"), count);
        assertTrue(count.contains("f.quotient_familial >= ?5 and f.quotient_familial <= ?6"), count);
        // the page's offset and size come after the filter's parameters
        assertTrue(q.pageSql(FamilySort.QF, true).endsWith("order by f.quotient_familial desc nulls last, f.id offset ?7 limit ?8"));
    }

    @Test
    void unknownAndOpenEndedBracketsOfTheQuotientFamilial() {
        assertTrue(FamilyListQuery.of(new FamilyFilter(null, null, null, null, QfBracket.UNKNOWN)).countSql()
                .endsWith("where f.quotient_familial is null"));
        FamilyListQuery top = FamilyListQuery.of(new FamilyFilter(null, null, null, null, QfBracket.FROM_1200));
        assertTrue(top.countSql().endsWith("where f.quotient_familial >= ?1"), top.countSql());
        assertEquals(List.of(1200), top.parameters());
    }

    @Test
    void likeWildcardsTypedByTheAgentAreTakenLiterally() {
        assertEquals("%100\\% bio\\_x\\\\%", FamilyListQuery.contains("100% Bio_x\\"));
    }

    @Test
    void blankTextsDoNotFilter() {
        FamilyFilter f = new FamilyFilter("  ", "", null, " ", null);
        assertEquals(FamilyFilter.NONE, f);
    }

    @Test
    void bracketsOfTheQuotientFamilial() {
        assertEquals(QfBracket.UNKNOWN, QfBracket.of(null));
        assertEquals(QfBracket.UP_TO_499, QfBracket.of(0));
        assertEquals(QfBracket.UP_TO_499, QfBracket.of(499));
        assertEquals(QfBracket.FROM_500_TO_799, QfBracket.of(500));
        assertEquals(QfBracket.FROM_800_TO_1199, QfBracket.of(1199));
        assertEquals(QfBracket.FROM_1200, QfBracket.of(1200));
        assertEquals(QfBracket.FROM_1200, QfBracket.of(10000));
    }
}
