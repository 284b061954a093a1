package fr.portailfamille.platform.configuration.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a configuration screen removed ("Retirer") since it was read, each with its list and where it was in it: when
 * the save refuses a removal (the régie has invoices, the unit bookings, the school pupils…), nothing was saved, and the
 * rows come back where they were — gone from the page, every later save would be refused the same way until the page
 * was read again, the changes typed since lost.
 *
 * @param <T> a row of the screen's form
 */
final class RemovedRows<T extends Serializable> implements Serializable {

    private record Removed<T>(List<T> from, int at, T row) implements Serializable {
    }

    private final List<Removed<T>> removed = new ArrayList<>();

    /** Removes the row at {@code index} of {@code rows}, remembering where it was. */
    T remove(List<T> rows, int index) {
        T row = rows.remove(index);
        removed.add(new Removed<>(rows, index, row));
        return row;
    }

    /** The rows removed, the first removed first. */
    List<T> rows() {
        return removed.stream().map(Removed::row).toList();
    }

    /** Forgets them (the screen read again, or saved). */
    void clear() {
        removed.clear();
    }

    /** Puts every removed row back where it was, the last removed first (each went from where the later ones left it). */
    void putBack() {
        for (int i = removed.size() - 1; i >= 0; i--) {
            Removed<T> r = removed.get(i);
            r.from().add(Math.min(r.at(), r.from().size()), r.row());
        }
        removed.clear();
    }
}
