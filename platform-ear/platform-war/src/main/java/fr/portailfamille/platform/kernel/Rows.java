package fr.portailfamille.platform.kernel;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Values of native query rows as Java types (the JDBC driver's types vary with the column). */
public final class Rows {

    private Rows() {
    }

    public static long id(Object value) {
        return ((Number) value).longValue();
    }

    public static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return PlatformTime.at(t.toInstant());
        }
        if (value instanceof java.time.Instant t) {
            return PlatformTime.at(t);
        }
        throw new IllegalArgumentException("not a time: " + value.getClass());
    }

    public static LocalDate day(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalArgumentException("not a day: " + value.getClass());
    }
}
