package fr.portailfamille.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code pg_catalog} says of a commune's schema: its tables (Flyway's history left out), their columns, the
 * order in which they can be loaded, and their sequences.
 */
final class SchemaCatalog {

    private SchemaCatalog() {
    }

    /** Every table of the schema (Flyway's history left out), by name. */
    static List<String> tables(Connection c, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select t.relname from pg_catalog.pg_class t"
                + " join pg_catalog.pg_namespace n on n.oid = t.relnamespace"
                + " where n.nspname = ? and t.relkind in ('r', 'p') and not t.relispartition and t.relname <> ?"
                + " order by t.relname")) {
            ps.setString(1, schema);
            ps.setString(2, ArchiveFormat.FLYWAY_HISTORY);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    /**
     * The tables in an order where each comes after the tables its foreign keys name; a table checked by a trigger
     * of its own on insert (as billed_day's statement-level checks were, tenant V13 to V29) comes after every table it
     * does not precede, so that what its trigger looks up is there. Ties by name, so that the order is stable.
     *
     * @throws IllegalStateException when the foreign keys make a cycle (no such order)
     */
    static List<String> loadOrder(Connection c, String schema) throws SQLException {
        List<String> tables = tables(c, schema);
        Map<String, Set<String>> parents = new HashMap<>();
        tables.forEach(t -> parents.put(t, new HashSet<>()));
        try (PreparedStatement ps = c.prepareStatement("select child.relname, parent.relname"
                + " from pg_catalog.pg_constraint k"
                + " join pg_catalog.pg_class child on child.oid = k.conrelid"
                + " join pg_catalog.pg_class parent on parent.oid = k.confrelid"
                + " join pg_catalog.pg_namespace n on n.oid = k.connamespace"
                + " where k.contype = 'f' and n.nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String child = rs.getString(1);
                    String parent = rs.getString(2);
                    if (!child.equals(parent) && parents.containsKey(child) && parents.containsKey(parent)) {
                        parents.get(child).add(parent);
                    }
                }
            }
        }
        Set<String> late = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select distinct t.relname from pg_catalog.pg_trigger g"
                + " join pg_catalog.pg_class t on t.oid = g.tgrelid"
                + " join pg_catalog.pg_namespace n on n.oid = t.relnamespace"
                + " where n.nspname = ? and not g.tgisinternal and (g.tgtype & 4) <> 0")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    late.add(rs.getString(1));
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        // ready tables: the plain ones first by name, then those checked by a trigger
        TreeMap<String, Boolean> remaining = new TreeMap<>();
        tables.forEach(t -> remaining.put(t, Boolean.TRUE));
        while (!remaining.isEmpty()) {
            TreeSet<String> ready = new TreeSet<>((a, b) -> {
                int byLate = Boolean.compare(late.contains(a), late.contains(b));
                return byLate != 0 ? byLate : a.compareTo(b);
            });
            for (String t : remaining.keySet()) {
                if (placed.containsAll(parents.get(t))) {
                    ready.add(t);
                }
            }
            if (ready.isEmpty()) {
                throw new IllegalStateException("Les clés étrangères du schéma " + schema + " forment un cycle : "
                        + remaining.keySet());
            }
            String next = ready.first();
            order.add(next);
            placed.add(next);
            remaining.remove(next);
        }
        return order;
    }

    /** The tables each table's foreign keys name (itself left out). */
    static Map<String, Set<String>> parents(Connection c, String schema) throws SQLException {
        Map<String, Set<String>> parents = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select child.relname, parent.relname"
                + " from pg_catalog.pg_constraint k"
                + " join pg_catalog.pg_class child on child.oid = k.conrelid"
                + " join pg_catalog.pg_class parent on parent.oid = k.confrelid"
                + " join pg_catalog.pg_namespace n on n.oid = k.connamespace"
                + " where k.contype = 'f' and n.nspname = ? and child.oid <> parent.oid")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parents.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return parents;
    }

    /** The table's columns that hold data (generated and dropped ones left out), in their order. */
    static List<String> columns(Connection c, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select a.attname from pg_catalog.pg_attribute a"
                + " join pg_catalog.pg_class t on t.oid = a.attrelid"
                + " join pg_catalog.pg_namespace n on n.oid = t.relnamespace"
                + " where n.nspname = ? and t.relname = ? and a.attnum > 0 and not a.attisdropped"
                + " and a.attgenerated = '' order by a.attnum")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** A sequence of the schema owned by a column (serial or identity), with its table and column. */
    record Sequence(String name, String table, String column) {
    }

    static List<Sequence> sequences(Connection c, String schema) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select s.relname, t.relname, a.attname"
                + " from pg_catalog.pg_class s"
                + " join pg_catalog.pg_namespace n on n.oid = s.relnamespace"
                + " join pg_catalog.pg_depend d on d.objid = s.oid and d.classid = 'pg_catalog.pg_class'::regclass"
                + "  and d.refclassid = 'pg_catalog.pg_class'::regclass and d.deptype in ('a', 'i')"
                + " join pg_catalog.pg_class t on t.oid = d.refobjid"
                + " join pg_catalog.pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid"
                + " where s.relkind = 'S' and n.nspname = ? order by s.relname")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sequences.add(new Sequence(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return sequences;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(SchemaCatalog::quote).toList());
    }
}
