package fr.portailfamille.platform.family.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.platform.family.FamilyFilter;
import fr.portailfamille.platform.family.FamilySort;
import fr.portailfamille.platform.family.FamilyStatus;
import fr.portailfamille.platform.family.QfRange;
import fr.portailfamille.billing.QfBracket;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.junit.jupiter.api.Test;

class FamillesViewTest {

    static FilterMeta filter(String field, Object value) {
        return FilterMeta.builder().field(field).filterValue(value).build();
    }

    /** The commune's own brackets (Tarification), as its tariffs price them. */
    static final List<QfBracket> BRACKETS = List.of(new QfBracket("T1", "Tranche 1", 0, 450),
            new QfBracket("T2", "Tranche 2", 451, 700), new QfBracket("T3", "Tranche 3", 701, null));

    @Test
    void theTablesFiltersBecomeTheDesksFilter() {
        FamilyFilter f = FamillesView.filterOf(Map.of("label", filter("label", "Durand"), "childNames", filter("childNames", "Léa"),
                "status", filter("status", "SUBMITTED"), "schools", filter("schools", "Ferry"), "qf", filter("qf", "T2")), BRACKETS);
        assertEquals(new FamilyFilter("Durand", "Léa", FamilyStatus.SUBMITTED, "Ferry", new QfRange(451, 700)), f);
        assertEquals(new QfRange(701, null), FamillesView.filterOf(Map.of("qf", filter("qf", "T3")), BRACKETS).qf());
        assertEquals(QfRange.UNKNOWN, FamillesView.filterOf(Map.of("qf", filter("qf", "UNKNOWN")), BRACKETS).qf());
    }

    @Test
    void emptyOrUnknownFilterValuesDoNotFilter() {
        assertEquals(FamilyFilter.NONE, FamillesView.filterOf(Map.of("status", filter("status", ""),
                "qf", filter("qf", "PAS_UNE_TRANCHE"), "label", filter("label", " ")), BRACKETS));
        assertEquals(FamilyFilter.NONE, FamillesView.filterOf(null, BRACKETS));
        // a commune without brackets (no Tarification yet): « Non communiqué » only
        assertEquals(FamilyFilter.NONE, FamillesView.filterOf(Map.of("qf", filter("qf", "T2")), List.of()));
    }

    @Test
    void eachSortableColumnHasItsOrder() {
        assertEquals(FamilySort.LABEL, FamillesView.sortOf(null));
        assertEquals(FamilySort.LABEL, FamillesView.sortOf("label"));
        assertEquals(FamilySort.CHILDREN, FamillesView.sortOf("childNames"));
        assertEquals(FamilySort.STATUS, FamillesView.sortOf("status"));
        assertEquals(FamilySort.SCHOOL, FamillesView.sortOf("schools"));
        assertEquals(FamilySort.QF, FamillesView.sortOf("qf"));
    }
}
