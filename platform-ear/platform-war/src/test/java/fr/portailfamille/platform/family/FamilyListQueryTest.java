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
                "Jules Ferry", new QfRange(500, 799)));
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
        assertTrue(FamilyListQuery.of(new FamilyFilter(null, null, null, null, QfRange.UNKNOWN)).countSql()
                .endsWith("where f.quotient_familial is null"));
        FamilyListQuery top = FamilyListQuery.of(new FamilyFilter(null, null, null, null, new QfRange(1200, null)));
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
    void aRangeOfTheQuotientFamilialHoldsItsBoundsAndTheCommunesBracketGivesIt() {
        QfRange t2 = QfRange.of(new fr.portailfamille.billing.QfBracket("T2", "Tranche 2", 451, 700));
        assertEquals(new QfRange(451, 700), t2);
        assertFalse(t2.contains(450));
        assertTrue(t2.contains(451) && t2.contains(700));
        assertFalse(t2.contains(701) || t2.contains(null));
        assertTrue(new QfRange(701, null).contains(10000));
        assertTrue(QfRange.UNKNOWN.contains(null));
        assertFalse(QfRange.UNKNOWN.contains(0));
    }
}
