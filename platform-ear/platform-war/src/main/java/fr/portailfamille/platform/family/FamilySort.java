package fr.portailfamille.platform.family;

/** The columns the families list sorts by, each with its SQL expression (families ordered by id last). */
public enum FamilySort {
    LABEL("lower(f.label)"),
    STATUS("f.status"),
    CHILDREN("children"),
    SCHOOL("schools"),
    QF("f.quotient_familial");

    private final String sql;

    FamilySort(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }
}
