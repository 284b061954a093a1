package fr.portailfamille.platform.billing.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One exported table: a sheet name, its columns (header and kind) and its rows, each cell of the
 * column's kind — {@link Kind#TEXT} a String, {@link Kind#DATE} a LocalDate, {@link Kind#DATETIME} a
 * LocalDateTime, {@link Kind#MONEY} cents as a Long, {@link Kind#COUNT} a Long — or {@code null} when empty.
 * Plain, so that the CSV and XLSX writers are tested without the database.
 */
public final class ExportTable {

    /** How a column's cells are written. */
    public enum Kind { TEXT, DATE, DATETIME, MONEY, COUNT }

    /** A column: its header and kind. */
    public record Column(String header, Kind kind) {
    }

    private final String name;
    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public ExportTable(String name, List<Column> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    public static Column text(String header) {
        return new Column(header, Kind.TEXT);
    }

    public static Column date(String header) {
        return new Column(header, Kind.DATE);
    }

    public static Column dateTime(String header) {
        return new Column(header, Kind.DATETIME);
    }

    public static Column money(String header) {
        return new Column(header, Kind.MONEY);
    }

    public static Column count(String header) {
        return new Column(header, Kind.COUNT);
    }

    /** Adds a row of as many cells as columns. */
    public ExportTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(columns.size() + " cells expected, " + cells.length + " given");
        }
        rows.add(cells.clone());
        return this;
    }

    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Object[]> rows() {
        return Collections.unmodifiableList(rows);
    }
}
