package fr.portailfamille.it.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * 5,000 generated families in the commune gamma (seeded once per test run by {@link StackLauncher}, in two
 * SQL statements), and what each family is, computed in Java by the same rules, so that the tests know the
 * right answer to every filter, sort and page. Family {@code n} (1 to 5,000) is the household
 * "{@code <surname> <nnnn>}"; family 4242's only child is named like a spreadsheet formula.
 */
public final class GeneratedFamilies {

    public static final String COMMUNE = "gamma";
    public static final int COUNT = 5000;
    public static final int FORMULA_FAMILY = 4242;
    public static final String FORMULA_CHILD = "=SOMME(1+1)";
    public static final String[] SURNAMES = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
            "Leroy", "Moreau"};
    public static final String[] FIRST_NAMES = {"Léa", "Hugo", "Emma", "Louis", "Chloé", "Gabriel", "Inès", "Raphaël"};
    public static final String[] SCHOOLS = {"École Jules Ferry", "École du Centre", "École des Tilleuls", null};

    /** One generated family as the tests expect it. */
    public record Family(int n, String label, String status, Integer qf, List<String> children, List<String> schools) {
    }

    private GeneratedFamilies() {
    }

    public static String label(int n) {
        return SURNAMES[n % 10] + " " + String.format("%04d", n);
    }

    public static Family family(int n) {
        String status = n % 10 == 0 ? "SUBMITTED" : n % 10 == 1 ? "DRAFT" : "VALIDATED";
        Integer qf = n % 5 == 0 ? null : (n * 7) % 1600;
        List<String> children = new ArrayList<>();
        List<String> schools = new ArrayList<>();
        for (int k = 0; k <= n % 3; k++) {
            children.add(n == FORMULA_FAMILY ? FORMULA_CHILD : FIRST_NAMES[(n + k) % 8]);
            schools.add(SCHOOLS[(n + k) % 4]);
        }
        return new Family(n, label(n), status, qf, children, schools);
    }

    public static List<Family> all() {
        List<Family> all = new ArrayList<>();
        for (int n = 1; n <= COUNT; n++) {
            all.add(family(n));
        }
        return all;
    }

    /** The number of a generated family, from its household label. */
    public static int numberOf(String label) {
        return Integer.parseInt(label.substring(label.length() - 4));
    }

    private static String sqlArray(String[] values) {
        StringBuilder b = new StringBuilder("array[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i] == null ? "null" : "'" + values[i] + "'");
        }
        return b.append("]::text[]").toString();
    }

    /** Inserts the 5,000 families and their children into the schema, unless already there; returns the time taken (ms). */
    public static long seed(Connection c, String schema) throws Exception {
        long start = System.nanoTime();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select count(*) from " + schema + ".family")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return 0;
                }
            }
            st.execute("insert into " + schema + ".family (label, email, status, quotient_familial, city)"
                    + " select (" + sqlArray(SURNAMES) + ")[n % 10 + 1] || ' ' || lpad(n::text, 4, '0'),"
                    + " 'gen' || n || '@gamma.test',"
                    + " case when n % 10 = 0 then 'SUBMITTED' when n % 10 = 1 then 'DRAFT' else 'VALIDATED' end,"
                    + " case when n % 5 = 0 then null else (n * 7) % 1600 end, 'Gamma'"
                    + " from generate_series(1, " + COUNT + ") n order by n");
            st.execute("insert into " + schema + ".child (family_id, first_name, last_name, birth_date, school)"
                    + " select f.id, case when g.n = " + FORMULA_FAMILY + " then '" + FORMULA_CHILD + "'"
                    + " else (" + sqlArray(FIRST_NAMES) + ")[(g.n + k) % 8 + 1] end,"
                    + " split_part(f.label, ' ', 1), date '2015-01-01' + k * 400 + g.n % 300,"
                    + " (" + sqlArray(SCHOOLS) + ")[(g.n + k) % 4 + 1]"
                    + " from " + schema + ".family f cross join lateral (select right(f.label, 4)::int as n) g"
                    + " cross join lateral generate_series(0, g.n % 3) k order by f.id, k");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
