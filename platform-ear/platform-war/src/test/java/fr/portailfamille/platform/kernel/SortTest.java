package fr.portailfamille.platform.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A staff list's sort becomes SQL only through the list's own map of columns. */
class SortTest {

    static final Map<String, String> COLUMNS = Map.of("label", "f.label", "day", "b.day");

    @Test
    void aKnownFieldSortsByItsColumnThenTheTieBreaker() {
        assertEquals("f.label asc, f.id asc", new Sort("label", true).orderBy(COLUMNS, "f.submitted_at", "f.id"));
        assertEquals("b.day desc, f.id desc", new Sort("day", false).orderBy(COLUMNS, "f.submitted_at", "f.id"));
    }

    /** A column of several (a name: last, then first) is reversed whole, a function's arguments left as they are. */
    @Test
    void aColumnOfSeveralIsSortedEachInTheDirection() {
        Map<String, String> columns = Map.of("child", "c.last_name, c.first_name", "title", "coalesce(n.title, n.code)");
        assertEquals("c.last_name desc, c.first_name desc, x.id desc", new Sort("child", false).orderBy(columns, "x.id", "x.id"));
        assertEquals("c.last_name asc, c.first_name asc, x.id asc", new Sort("child", true).orderBy(columns, "x.id", "x.id"));
        assertEquals("coalesce(n.title, n.code) desc, x.id desc", new Sort("title", false).orderBy(columns, "x.id", "x.id"));
    }

    @Test
    void anUnknownOrMissingFieldNeverReachesTheSql() {
        assertEquals("f.submitted_at asc, f.id asc",
                new Sort("label; drop table family", false).orderBy(COLUMNS, "f.submitted_at", "f.id"));
        assertEquals("f.submitted_at asc, f.id asc", Sort.DEFAULT.orderBy(COLUMNS, "f.submitted_at", "f.id"));
    }

    @Test
    void pagesStayWithinBounds() {
        assertEquals(1, Sort.limit(0));
        assertEquals(100, Sort.limit(10_000));
        assertEquals(20, Sort.limit(20));
        assertEquals(0, Sort.offset(-5));
    }
}
