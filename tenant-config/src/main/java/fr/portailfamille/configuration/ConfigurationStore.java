package fr.portailfamille.configuration;

import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.booking.Legend.LegendEntry;
import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.configuration.CommuneConfiguration.Establishment;
import fr.portailfamille.configuration.CommuneConfiguration.Unit;
import fr.portailfamille.documents.DocumentType;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Problems;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one writer of a commune's configuration in its schema (tables of V3 and V5, and V8's billing
 * configuration through {@link BillingStore}; {@link
 * ConfigurationReader} is the one reader), with plain JDBC on the caller's connection: the caller owns the transaction, commits after {@link #importInto} and rolls
 * back when it throws, so that a refused or failed import leaves nothing half-saved. Tables are
 * qualified with the schema, so the connection's search_path does not matter.
 */
public final class ConfigurationStore {

    static final String ZONE = "zone";
    static final String CGU = "cgu";

    private ConfigurationStore() {
    }

    /**
     * Replaces the configuration stored in {@code schema} with {@code conf}, in the caller's transaction.
     * Establishments and activities are matched by code, units by activity and code, and updated in
     * place, so that what references them (bookings, registrations) is kept; those absent from
     * {@code conf} are deleted. Settings, periods, closures, documents and legend are replaced (legend
     * entries equal to the default ones are not stored, so they follow the platform's defaults). The
     * billing section, when the file has one, is written as {@link BillingStore#write} says; without one,
     * the commune's billing is left as it is.
     *
     * @throws ConfigurationException before anything is written, when {@code conf} breaks
     *     {@link ConfigurationRules}, or when it would remove an activity or a unit that has bookings, an
     *     activity that has registrations, an establishment that has school enrolments, or a régie that has
     *     invoices, payments or runs
     */
    public static void importInto(Connection c, String schema, CommuneConfiguration conf) {
        String s = qualifier(schema);
        List<FieldError> errors = ConfigurationRules.validate(conf);
        if (!errors.isEmpty()) {
            throw new ConfigurationException(errors);
        }
        String[] establishments = conf.establishments().stream().map(Establishment::code).toArray(String[]::new);
        String[] activities = conf.activities().stream().map(Activity::code).toArray(String[]::new);
        try {
            refuseRemovalsInUse(c, s, conf, establishments, activities);
            setting(c, s, ZONE, conf.zone());
            setting(c, s, CGU, conf.cgu());
            update(c, "delete from " + s + "establishment where code <> all(?)", (Object) establishments);
            batch(c, "insert into " + s + "establishment (code, name, kind, address) values (?, ?, ?, ?) on conflict (code)"
                    + " do update set name = excluded.name, kind = excluded.kind, address = excluded.address",
                    conf.establishments().stream().map(e -> new Object[] {e.code(), e.name(), e.kind(), e.address()}));
            update(c, "delete from " + s + "calendar_period");
            batch(c, "insert into " + s + "calendar_period (kind, label, start_day, end_day) values (?, ?, ?, ?)",
                    conf.periods().stream().map(p -> new Object[] {p.kind(), p.label(), p.start(), p.end()}));
            update(c, "delete from " + s + "closure");
            batch(c, "insert into " + s + "closure (day, label) values (?, ?)",
                    conf.closures().stream().map(d -> new Object[] {d.day(), d.label()}));
            update(c, "delete from " + s + "legend_entry");
            Map<DayState, LegendEntry> defaults = Legend.defaults().entries();
            batch(c, "insert into " + s + "legend_entry (state, label, background, text_color) values (?, ?, ?, ?)",
                    conf.legend().entries().entrySet().stream().filter(e -> !e.getValue().equals(defaults.get(e.getKey())))
                            .map(e -> new Object[] {e.getKey(), e.getValue().label(), e.getValue().background(), e.getValue().text()}));
            update(c, "delete from " + s + "activity where code <> all(?)", (Object) activities);
            for (Activity a : conf.activities()) {
                writeActivity(c, s, a);
            }
            if (conf.billing() != null) {
                BillingStore.write(c, s, conf.billing());
            }
            if (conf.documentTypes() != null) {
                writeDocumentTypes(c, s, conf.documentTypes());
            }
            if (conf.services() != null) {
                writeServices(c, s, conf.services());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Enregistrement de la configuration dans le schéma " + schema + " impossible", e);
        }
    }

    /**
     * The commune's document types, by code: updated in place (documents keep theirs), the others deleted; a type whose
     * name speaks of health is health data; the documents of a type that became health data become health data.
     */
    private static void writeDocumentTypes(Connection c, String s, List<DocumentType> types) throws SQLException {
        update(c, "delete from " + s + "document_type where code <> all(?)",
                (Object) types.stream().map(DocumentType::code).toArray(String[]::new));
        int[] position = {0};
        batch(c, "insert into " + s + "document_type (code, label, for_child, health, validity, validity_months, valid_until,"
                + " position) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (code) do update set label = excluded.label,"
                + " for_child = excluded.for_child, health = excluded.health, validity = excluded.validity,"
                + " validity_months = excluded.validity_months, valid_until = excluded.valid_until, position = excluded.position",
                // a type named for health ("Carnet de vaccination", "Attestation MDPH") is health data, ticked or not, as
                // a registration's document of that name is (DocumentTypeRules.isHealth): fail closed
                types.stream().map(t -> new Object[] {t.code(), t.label(), t.forChild(),
                    t.health() || fr.portailfamille.documents.DocumentTypeRules.isHealth(List.of(), t.label()), t.validity(),
                    t.validity() == DocumentType.Validity.MONTHS ? t.months() : null,
                    t.validity() == DocumentType.Validity.UNTIL ? t.until() : null, position[0]++}));
        // a type made health data protects the documents already sent too
        fr.portailfamille.documents.HealthFlags.apply(c, s);
    }

    /** The commune's services, by code: updated in place (threads keep theirs), the others deleted. */
    private static void writeServices(Connection c, String s, List<fr.portailfamille.messaging.InboxService> services)
            throws SQLException {
        update(c, "delete from " + s + "inbox_service where code <> all(?)",
                (Object) services.stream().map(fr.portailfamille.messaging.InboxService::code).toArray(String[]::new));
        int[] position = {0};
        batch(c, "insert into " + s + "inbox_service (code, label, email, position) values (?, ?, ?, ?)"
                + " on conflict (code) do update set label = excluded.label, email = excluded.email, position = excluded.position",
                services.stream().map(v -> new Object[] {v.code(), v.label(), v.email(), position[0]++}));
    }

    private static void writeActivity(Connection c, String s, Activity a) throws SQLException {
        long[] id = new long[1];
        query(c, "insert into " + s + "activity (code, name, description, type, establishment_id, min_age, max_age,"
                + " school_levels, runs_in_holidays, booking_deadline, cancellation_deadline, late_policy, needs_validation,"
                + " last_day) values (?, ?, ?, ?, (select id from " + s + "establishment where code = ?), ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)"
                + " on conflict (code) do update set name = excluded.name, description = excluded.description,"
                + " type = excluded.type, establishment_id = excluded.establishment_id, min_age = excluded.min_age,"
                + " max_age = excluded.max_age, school_levels = excluded.school_levels,"
                + " runs_in_holidays = excluded.runs_in_holidays, booking_deadline = excluded.booking_deadline,"
                + " cancellation_deadline = excluded.cancellation_deadline, late_policy = excluded.late_policy,"
                + " needs_validation = excluded.needs_validation, last_day = excluded.last_day returning id",
                rs -> id[0] = rs.getLong(1), a.code(), a.name(), a.description(), a.type(), a.establishment(), a.minAge(),
                a.maxAge(), a.levels().isEmpty() ? null : String.join(",", a.levels()), a.runsInHolidays(),
                a.bookingDeadline(), a.cancellationDeadline(), a.latePolicy(), a.needsValidation(), a.lastDay());
        update(c, "delete from " + s + "activity_document where activity_id = ?", id[0]);
        int[] position = {0};
        batch(c, "insert into " + s + "activity_document (activity_id, position, label) values (?, ?, ?)",
                a.documents().stream().map(d -> new Object[] {id[0], ++position[0], d}));
        update(c, "delete from " + s + "activity_unit where activity_id = ? and code <> all(?)", id[0],
                a.units().stream().map(Unit::code).toArray(String[]::new));
        batch(c, "insert into " + s + "activity_unit (activity_id, code, label, start_time, end_time, capacity, weekdays)"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict (activity_id, code) do update set label = excluded.label,"
                + " start_time = excluded.start_time, end_time = excluded.end_time, capacity = excluded.capacity,"
                + " weekdays = excluded.weekdays",
                a.units().stream().map(u -> new Object[] {id[0], u.code(), u.label(), u.start(), u.end(), u.capacity(),
                    u.weekdays().stream().map(String::valueOf).collect(Collectors.joining(","))}));
    }

    /**
     * Refuses the import when it would delete rows that families' data references. The rows to delete
     * are locked first, so that no booking, registration or enrolment can reference them between this
     * check and their deletion.
     */
    private static void refuseRemovalsInUse(Connection c, String s, CommuneConfiguration conf, String[] establishments,
                                            String[] activities) throws SQLException {
        String[] units = conf.activities().stream() // "ACTIVITY/UNIT": codes cannot hold a "/"
                .flatMap(a -> a.units().stream().map(u -> a.code() + "/" + u.code())).toArray(String[]::new);
        String removedUnits = " from " + s + "activity_unit u join " + s + "activity a on a.id = u.activity_id"
                + " where a.code || '/' || u.code <> all(?)";
        query(c, "select 1 from " + s + "establishment where code <> all(?) for update", rs -> { }, (Object) establishments);
        query(c, "select 1 from " + s + "activity where code <> all(?) for update", rs -> { }, (Object) activities);
        query(c, "select 1" + removedUnits + " for update of u", rs -> { }, (Object) units);

        List<String> kept = List.of(activities);
        List<FieldError> errors = new ArrayList<>();
        query(c, "select e.name, e.code from " + s + "establishment e where e.code <> all(?) and exists (select 1 from "
                + s + "school_enrolment x where x.establishment_id = e.id) order by e.code",
                rs -> errors.add(Problems.error("establishments", "configuration.inUse.establishment", rs.getString(1),
                        rs.getString(2))),
                (Object) establishments);
        // a unit with bookings, or with days asked in an opening window (its wishes and seats would go with it)
        query(c, "select a.name, a.code, u.label, u.code" + removedUnits + " and (exists (select 1 from " + s + "booking b"
                + " where b.unit_id = u.id) or exists (select 1 from " + s + "window_wish w where w.unit_id = u.id))"
                + " order by a.code, u.code", rs -> {
                    int i = kept.indexOf(rs.getString(2));
                    errors.add(i < 0
                            ? Problems.error("activities", "configuration.inUse.activityBookings", rs.getString(1),
                                    rs.getString(2))
                            : Problems.error("activities[" + i + "].units", "configuration.inUse.unit", rs.getString(3),
                                    rs.getString(4), rs.getString(1)));
                }, (Object) units);
        query(c, "select a.name, a.code from " + s + "activity a where a.code <> all(?) and exists (select 1 from "
                + s + "registration r where r.activity_id = a.id) order by a.code",
                rs -> errors.add(Problems.error("activities", "configuration.inUse.activityRegistrations", rs.getString(1),
                        rs.getString(2))), (Object) activities);
        if (conf.billing() != null) {
            BillingStore.refuseRemovalsInUse(c, s, conf.billing(), errors);
            BillingStore.refusePrefixesOfOthers(c, s, conf.billing(), errors);
            BillingStore.refuseWalletsLeft(c, s, conf.billing(), errors);
            BillingStore.refuseMovesWhileInvoicing(c, s, conf.billing(), errors);
        }
        if (conf.documentTypes() != null) {
            query(c, "select t.label, t.code from " + s + "document_type t where t.code <> all(?) and exists (select 1 from "
                    + s + "family_document d where d.type_code = t.code) order by t.code for update of t",
                    rs -> errors.add(Problems.error("documentTypes", "configuration.inUse.documentType", rs.getString(1),
                            rs.getString(2))),
                    (Object) conf.documentTypes().stream().map(DocumentType::code).toArray(String[]::new));
        }
        if (conf.services() != null) {
            // its conversations, or an agent's message to families whose threads are gone (a draft file purged)
            query(c, "select v.label, v.code from " + s + "inbox_service v where v.code <> all(?) and (exists (select 1 from "
                    + s + "message_thread t where t.service_code = v.code) or exists (select 1 from " + s
                    + "message_broadcast b where b.service_code = v.code)) order by v.code for update of v",
                    rs -> errors.add(Problems.error("services", "configuration.inUse.service", rs.getString(1),
                            rs.getString(2))),
                    (Object) conf.services().stream().map(fr.portailfamille.messaging.InboxService::code).toArray(String[]::new));
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException(errors.stream().distinct().toList());
        }
    }

    private static void setting(Connection c, String s, String key, String value) throws SQLException {
        if (value == null) {
            update(c, "delete from " + s + "commune_setting where key = ?", key);
        } else {
            update(c, "insert into " + s + "commune_setting (key, value) values (?, ?)"
                    + " on conflict (key) do update set value = excluded.value", key, value);
        }
    }

    private static String qualifier(String schema) {
        return ConfigurationReader.qualifier(schema);
    }

    @FunctionalInterface
    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    static void query(Connection c, String sql, Row row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            ps.executeUpdate();
        }
    }

    static void batch(Connection c, String sql, Stream<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : (Iterable<Object[]>) rows::iterator) {
                bind(c, ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Binds texts, numbers, booleans, enums (by name), dates, times and text arrays. */
    private static void bind(Connection c, PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("varchar", array));
            } else {
                ps.setObject(i + 1, p instanceof Enum<?> e ? e.name() : p);
            }
        }
    }
}
