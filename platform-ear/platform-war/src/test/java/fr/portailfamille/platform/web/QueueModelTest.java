package fr.portailfamille.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.portailfamille.platform.kernel.Sort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The lazy table asks its queue for one count and one page, with the table's sort, and finds rows by key. */
class QueueModelTest {

    record Row(long id, String name) {
    }

    @Test
    void countAndPageComeFromTheQueueWithTheTableSort() {
        List<Sort> asked = new ArrayList<>();
        QueueModel<Row> model = new QueueModel<>(() -> 42, (offset, limit, sort) -> {
            asked.add(sort);
            return List.of(new Row(offset + 1, "a"), new Row(offset + 2, "b"));
        }, Row::id);
        assertEquals(42, model.count(Map.of()));
        Map<String, SortMeta> sortBy = new LinkedHashMap<>();
        sortBy.put("name", SortMeta.builder().field("name").order(SortOrder.DESCENDING).build());
        List<Row> page = model.load(20, 20, sortBy, Map.of());
        assertEquals(List.of(new Sort("name", false)), asked);
        assertEquals(2, page.size());
        assertEquals("22", model.getRowKey(page.get(1)));
        assertEquals(page.get(0), model.getRowData("21"));
        assertNull(model.getRowData("1"), "a row of a page not shown");
    }

    @Test
    void rowsTickedOnAPageShownBeforeAreFoundAgain() {
        QueueModel<Row> model = new QueueModel<>(() -> 42, (offset, limit, sort) -> List.of(new Row(offset + 1, "a"),
                new Row(offset + 2, "b")), Row::id);
        model.load(0, 20, Map.of(), Map.of());
        model.load(20, 20, Map.of(), Map.of());
        // ticked on page 1, then page 2 shown: « Valider la sélection » finds both
        assertEquals(new Row(1, "a"), model.getRowData("1"));
        assertEquals(new Row(22, "b"), model.getRowData("22"));
    }

    @Test
    void noActiveSortIsTheQueueDefault() {
        assertEquals(Sort.DEFAULT, QueueModel.sortOf(Map.of()));
        assertEquals(Sort.DEFAULT, QueueModel.sortOf(null));
    }
}
