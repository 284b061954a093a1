package fr.portailfamille.platform.family;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the agents' families list: one count query and one page query sharing the same conditions,
 * with positional parameters (never the typed text inside the SQL). Pure, so that its rules have plain
 * tests; {@link FamilyDesk} runs it.
 */
final class FamilyListQuery {

    private final String where;
    private final List<Object> parameters;

    private FamilyListQuery(String where, List<Object> parameters) {
        this.where = where;
        this.parameters = List.copyOf(parameters);
    }

    static FamilyListQuery of(FamilyFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.name() != null) {
            params.add(contains(filter.name()));
            conditions.add("lower(f.label) like ?" + params.size() + " escape '\\'");
        }
        if (filter.child() != null) {
            params.add(contains(filter.child()));
            int p = params.size();
            conditions.add("exists (select 1 from child c where c.family_id = f.id and (lower(c.first_name) like ?" + p
                    + " escape '\\' or lower(c.last_name) like ?" + p + " escape '\\'"
                    + " or lower(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) like ?" + p + " escape '\\'))");
        }
        if (filter.status() != null) {
            params.add(filter.status().name());
            conditions.add("f.status = ?" + params.size());
        }
        if (filter.school() != null) {
            params.add(contains(filter.school()));
            conditions.add("exists (select 1 from child c where c.family_id = f.id and lower(c.school) like ?" + params.size()
                    + " escape '\\')");
        }
        if (filter.qf() != null) {
            QfRange b = filter.qf();
            if (b.min() == null) {
                conditions.add("f.quotient_familial is null");
            } else {
                params.add(b.min());
                conditions.add("f.quotient_familial >= ?" + params.size());
                if (b.max() != null) {
                    params.add(b.max());
                    conditions.add("f.quotient_familial <= ?" + params.size());
                }
            }
        }
        return new FamilyListQuery(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    /** {@code %text%} in lower case, with LIKE's wildcards typed by the agent taken literally. */
    static String contains(String text) {
        return "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    String countSql() {
        return "select count(*) from family f" + where;
    }

    /** The page: each family with its children counted and named in the same statement (no N+1). */
    String pageSql(FamilySort sort, boolean descending) {
        FamilySort by = sort == null ? FamilySort.LABEL : sort;
        int offset = parameters.size() + 1;
        return "select f.id, f.label, f.email, f.status, f.quotient_familial,"
                + " (select count(*) from child c where c.family_id = f.id) as children,"
                + " (select string_agg(coalesce(c.first_name, '–'), ', ' order by c.birth_date, c.id) from child c"
                + " where c.family_id = f.id) as child_names,"
                + " (select string_agg(distinct c.school, ', ') from child c where c.family_id = f.id and c.school <> '') as schools"
                + " from family f" + where
                + " order by " + by.sql() + (descending ? " desc nulls last" : " asc nulls last") + ", f.id"
                + " offset ?" + offset + " limit ?" + (offset + 1);
    }

    List<Object> parameters() {
        return parameters;
    }
}
