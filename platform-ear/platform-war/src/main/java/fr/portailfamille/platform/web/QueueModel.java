package fr.portailfamille.platform.web;

import fr.portailfamille.platform.kernel.Sort;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A lazy PrimeFaces table over a staff queue: the count and each page come from the queue's service
 * (one query each, during the request, so the commune's schema is bound); rows are found again by
 * their key among the pages shown (a selection ticked over several pages, row buttons).
 *
 * @param <T> the queue's record
 */
public class QueueModel<T> extends LazyDataModel<T> {

    /** The queue's count. */
    public interface Counter extends Serializable {
        long count();
    }

    /** One page of the queue. */
    public interface Pager<T> extends Serializable {
        List<T> page(int offset, int limit, Sort sort);
    }

    /** A row's key. */
    public interface Key<T> extends Serializable {
        long of(T row);
    }

    private final Counter counter;
    private final Pager<T> pager;
    private final Key<T> key;
    private final Map<String, T> shown = new HashMap<>();

    /** How many rows of the pages shown are kept to be found again by their key (some fifty pages of a queue). */
    static final int MAX_SHOWN = 1000;

    public QueueModel(Counter counter, Pager<T> pager, Key<T> key) {
        this.counter = counter;
        this.pager = pager;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, counter.count());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        List<T> page = pager.page(first, pageSize, sortOf(sortBy));
        // the rows of every page shown, not only the last: PrimeFaces keeps the rows ticked on page 1 when the agent
        // goes on to page 2 (or sorts), and « Valider la sélection » must find them all (a row decided meanwhile by
        // another agent is refused by its service, the whole selection with it)
        if (shown.size() > MAX_SHOWN) {
            shown.clear();
        }
        page.forEach(row -> shown.put(getRowKey(row), row));
        return page;
    }

    /** The table's sort as the queue's: the first active column, or the queue's default order. */
    static Sort sortOf(Map<String, SortMeta> sortBy) {
        if (sortBy == null) {
            return Sort.DEFAULT;
        }
        return sortBy.values().stream()
                .filter(m -> m.isActive() && m.getOrder() != SortOrder.UNSORTED)
                .sorted(java.util.Comparator.comparingInt(SortMeta::getPriority))
                .findFirst()
                .map(m -> new Sort(m.getField(), m.getOrder() == SortOrder.ASCENDING))
                .orElse(Sort.DEFAULT);
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.of(row));
    }

    @Override
    public T getRowData(String rowKey) {
        return shown.get(rowKey);
    }
}
