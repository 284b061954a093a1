package fr.portailfamille.platform.family.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.platform.family.FamilyFilter;
import fr.portailfamille.platform.family.FamilySort;
import fr.portailfamille.platform.family.FamilyStatus;
import fr.portailfamille.platform.family.QfBracket;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.junit.jupiter.api.Test;

class FamillesViewTest {

    static FilterMeta filter(String field, Object value) {
        return FilterMeta.builder().field(field).filterValue(value).build();
    }

    @Test
    void theTablesFiltersBecomeTheDesksFilter() {
        FamilyFilter f = FamillesView.filterOf(Map.of("label", filter("label", "Durand"), "childNames", filter("childNames", "Léa"),
                "status", filter("status", "SUBMITTED"), "schools", filter("schools", "Ferry"), "qf", filter("qf", "FROM_1200")));
        assertEquals(new FamilyFilter("Durand", "Léa", FamilyStatus.SUBMITTED, "Ferry", QfBracket.FROM_1200), f);
    }

    @Test
    void emptyOrUnknownFilterValuesDoNotFilter() {
        assertEquals(FamilyFilter.NONE, FamillesView.filterOf(Map.of("status", filter("status", ""),
                "qf", filter("qf", "PAS_UNE_TRANCHE"), "label", filter("label", " "))));
        assertEquals(FamilyFilter.NONE, FamillesView.filterOf(null));
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
