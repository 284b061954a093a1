package fr.portailfamille.configuration;

import fr.portailfamille.billing.Adjustment;
import fr.portailfamille.documents.DocumentType;
import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.QfBracket;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.SepaCreditor;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.billing.Tariff.BracketPrice;
import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.booking.Legend.LegendEntry;
import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.configuration.CommuneConfiguration.ActivityType;
import fr.portailfamille.configuration.CommuneConfiguration.Closure;
import fr.portailfamille.configuration.CommuneConfiguration.Establishment;
import fr.portailfamille.configuration.CommuneConfiguration.EstablishmentKind;
import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.CommuneConfiguration.PeriodKind;
import fr.portailfamille.configuration.CommuneConfiguration.Unit;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one reader of a commune's configuration tables (V3 activities and units, V5 calendar, closures,
 * legend, settings, establishments, documents, V8 billing settings, QF brackets, régies and tariffs): every select on them and their mapping to
 * {@link CommuneConfiguration} values is here; {@link ConfigurationStore} is the one writer. The caller
 * chooses the connection ({@link Rows}): plain JDBC ({@link #of(Connection, String)}) or the platform's
 * JPA native queries, so a read joins the caller's transaction. Tables are qualified with the schema.
 */
public final class ConfigurationReader {

    private static final Pattern SCHEMA = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

    /** Runs one select without parameters and gives its rows, the columns in select order. */
    @FunctionalInterface
    public interface Rows {
        List<Object[]> select(String sql);
    }

    private final Rows rows;
    private final String s;

    /**
     * @param schema the commune's schema, a plain lower-case identifier
     * @throws IllegalArgumentException when {@code schema} is not one
     */
    public ConfigurationReader(Rows rows, String schema) {
        this.rows = rows;
        this.s = qualifier(schema);
    }

    /** A reader over a JDBC connection (the caller closes it). */
    public static ConfigurationReader of(Connection c, String schema) {
        return new ConfigurationReader(jdbc(c), schema);
    }

    /** {@link Rows} over a JDBC connection. */
    public static Rows jdbc(Connection c) {
        return sql -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<Object[]> result = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    result.add(row);
                }
                return result;
            } catch (SQLException e) {
                throw new IllegalStateException("Lecture de la configuration impossible : " + sql, e);
            }
        };
    }

    /**
     * The whole configuration, in a stable order: establishments and activities by code, units by code
     * within their activity, periods by start date, closures by day; the legend is the
     * {@link Legend#defaults() default} one overlaid with the commune's entries.
     */
    public CommuneConfiguration configuration() {
        Map<String, String> settings = settings();
        return new CommuneConfiguration(settings.get(ConfigurationStore.ZONE), settings.get(ConfigurationStore.CGU),
                establishments(), periods(), closures(), activities(), legend(), billing(), documentTypes(), services());
    }

    /** The commune's services families write to (Boîte de réception), in their order. */
    public List<fr.portailfamille.messaging.InboxService> services() {
        List<fr.portailfamille.messaging.InboxService> services = new ArrayList<>();
        for (Object[] r : rows.select("select code, label, email from " + s + "inbox_service order by position, code")) {
            services.add(new fr.portailfamille.messaging.InboxService((String) r[0], (String) r[1], (String) r[2]));
        }
        return services;
    }

    /** The commune's document types, in their order. */
    public List<DocumentType> documentTypes() {
        List<DocumentType> types = new ArrayList<>();
        for (Object[] r : rows.select("select code, label, for_child, health, validity, validity_months, valid_until from "
                + s + "document_type order by position, code")) {
            types.add(new DocumentType((String) r[0], (String) r[1], Boolean.TRUE.equals(r[2]), Boolean.TRUE.equals(r[3]),
                    DocumentType.Validity.valueOf((String) r[4]), integer(r[5]), r[6] == null ? null : day(r[6])));
        }
        return types;
    }

    /**
     * The billing configuration: brackets by lower bound, régies by code with their activities by code,
     * tariffs by activity, unit (whole activity first) and start day, prices in bracket order;
     * {@code null} when the commune never imported a billing section.
     */
    public BillingConfiguration billing() {
        List<Object[]> settings = rows.select("select qf_validity_months, resident_postcodes, reminder_days, certificate_days from " + s
                + "billing_settings");
        List<QfBracket> brackets = rows.select("select code, label, qf_min, qf_max from " + s + "qf_bracket order by qf_min, code")
                .stream().map(r -> new QfBracket((String) r[0], (String) r[1], integer(r[2]), integer(r[3]))).toList();
        Map<Long, List<String>> activities = new HashMap<>();
        rows.select("select ra.regie_id, a.code from " + s + "regie_activity ra join " + s + "activity a on a.id = ra.activity_id"
                + " order by a.code").forEach(r -> activities.computeIfAbsent(number(r[0]), k -> new ArrayList<>()).add((String) r[1]));
        List<Regie> regies = rows.select("select id, code, label, invoice_prefix, manager_name, manager_email, manager_phone,"
                + " payment_instructions, payfip_numcli, collection, wallet_floor_cents, sepa_ics, sepa_name, sepa_iban,"
                + " sepa_bic, sepa_debit_day from " + s + "regie order by code").stream()
                .map(r -> new Regie((String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                        activities.getOrDefault(number(r[0]), List.of()), (String) r[7], (String) r[8],
                        Regie.Collection.valueOf((String) r[9]), number(r[10]), r[11] == null ? null
                                : new SepaCreditor((String) r[11], (String) r[12], (String) r[13], (String) r[14], integer(r[15]))))
                .toList();
        Map<Long, List<BracketPrice>> prices = new HashMap<>();
        rows.select("select p.tariff_id, b.code, p.price_cents from " + s + "tariff_price p join " + s + "qf_bracket b"
                + " on b.id = p.bracket_id order by p.tariff_id, b.qf_min").forEach(r -> prices.computeIfAbsent(number(r[0]),
                        k -> new ArrayList<>()).add(new BracketPrice((String) r[1], number(r[2]))));
        List<Tariff> tariffs = rows.select("select t.id, a.code, u.code, t.valid_from, t.mode, t.maximum_cents,"
                + " t.effort_rate_percent, t.floor_cents, t.ceiling_cents, t.non_resident_kind, t.non_resident_percent,"
                + " t.non_resident_cents, t.sibling_second_percent, t.sibling_third_percent, t.late_kind, t.late_percent,"
                + " t.late_cents, t.unexcused_absence_billed, t.unbooked_presence_cents from " + s + "tariff t join " + s
                + "activity a on a.id = t.activity_id left join " + s + "activity_unit u on u.id = t.unit_id"
                + " order by a.code, u.code nulls first, t.valid_from").stream()
                .map(r -> new Tariff((String) r[1], (String) r[2], day(r[3]), Tariff.Mode.valueOf((String) r[4]), prices.get(number(r[0])),
                        number(r[5]), (BigDecimal) r[6], number(r[7]), number(r[8]), adjustment(r[9], r[10], r[11]),
                        (BigDecimal) r[12], (BigDecimal) r[13], adjustment(r[14], r[15], r[16]), (Boolean) r[17], number(r[18])))
                .toList();
        if (settings.isEmpty() && brackets.isEmpty() && regies.isEmpty() && tariffs.isEmpty()) {
            return null;
        }
        Integer validity = settings.isEmpty() ? null : integer(settings.get(0)[0]);
        List<String> postcodes = settings.isEmpty() ? List.of() : split((String) settings.get(0)[1]);
        List<Integer> reminders = settings.isEmpty() ? List.of()
                : split((String) settings.get(0)[2]).stream().map(Integer::valueOf).toList();
        return new BillingConfiguration(new BillingSettings(validity, postcodes, brackets, reminders,
                settings.isEmpty() ? null : integer(settings.get(0)[3])), regies, tariffs);
    }

    private static Adjustment adjustment(Object kind, Object percent, Object cents) {
        return kind == null ? null : new Adjustment(Adjustment.Kind.valueOf((String) kind), (BigDecimal) percent, number(cents));
    }

    /** The free settings (zone, cgu…), by key. */
    public Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        rows.select("select key, value from " + s + "commune_setting").forEach(r -> settings.put((String) r[0], (String) r[1]));
        return settings;
    }

    /** One free setting (zone, cgu…). */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings().get(key));
    }

    public List<Establishment> establishments() {
        return rows.select("select code, name, kind, address from " + s + "establishment order by code").stream()
                .map(r -> new Establishment((String) r[0], (String) r[1], EstablishmentKind.valueOf((String) r[2]),
                        (String) r[3])).toList();
    }

    /** School years and holidays, by start day. */
    public List<Period> periods() {
        return rows.select("select kind, label, start_day, end_day from " + s + "calendar_period"
                + " order by start_day, end_day, kind, label").stream()
                .map(r -> new Period(PeriodKind.valueOf((String) r[0]), (String) r[1], day(r[2]), day(r[3]))).toList();
    }

    /** The periods of one kind, by start day. */
    public List<Period> periods(PeriodKind kind) {
        return periods().stream().filter(p -> p.kind() == kind).toList();
    }

    public List<Closure> closures() {
        return rows.select("select day, label from " + s + "closure order by day").stream()
                .map(r -> new Closure(day(r[0]), (String) r[1])).toList();
    }

    /** The default legend overlaid with the commune's entries (states the platform no longer has are ignored). */
    public Legend legend() {
        Map<DayState, LegendEntry> legend = new EnumMap<>(Legend.defaults().entries());
        for (Object[] r : rows.select("select state, label, background, text_color from " + s + "legend_entry")) {
            Stream.of(DayState.values()).filter(d -> d.name().equals(r[0])).findFirst().ifPresent(state -> legend.put(state,
                    new LegendEntry((String) r[1], ((String) r[2]).strip(), ((String) r[3]).strip())));
        }
        return new Legend(legend);
    }

    /** The documents each activity requires at registration, in order, by activity id (none: absent). */
    public Map<Long, List<String>> documentsByActivity() {
        Map<Long, List<String>> documents = new HashMap<>();
        rows.select("select activity_id, label from " + s + "activity_document order by activity_id, position")
                .forEach(r -> documents.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add((String) r[1]));
        return documents;
    }

    /** Activities by code, with their documents and units (by code). */
    public List<Activity> activities() {
        Map<Long, List<String>> documents = documentsByActivity();
        Map<Long, List<Unit>> units = new HashMap<>();
        rows.select("select activity_id, code, label, start_time, end_time, capacity, weekdays from " + s + "activity_unit"
                + " order by activity_id, code").forEach(r -> units.computeIfAbsent(((Number) r[0]).longValue(),
                        k -> new ArrayList<>()).add(new Unit((String) r[1], (String) r[2], time(r[3]), time(r[4]),
                                ((Number) r[5]).intValue(), split((String) r[6]).stream().map(Integer::valueOf).toList())));
        return rows.select("select a.id, a.code, a.name, a.description, a.type, e.code, a.min_age, a.max_age, a.school_levels,"
                + " a.runs_in_holidays, a.booking_deadline, a.cancellation_deadline, a.late_policy, a.needs_validation,"
                + " a.last_day from " + s + "activity a left join " + s + "establishment e on e.id = a.establishment_id order by a.code")
                .stream().map(r -> {
                    long id = ((Number) r[0]).longValue();
                    return new Activity((String) r[1], (String) r[2], (String) r[3], ActivityType.valueOf((String) r[4]),
                            (String) r[5], integer(r[6]), integer(r[7]), split((String) r[8]), (Boolean) r[9],
                            (String) r[10], (String) r[11], LatePolicy.valueOf((String) r[12]), (Boolean) r[13],
                            documents.getOrDefault(id, List.of()), units.getOrDefault(id, List.of()),
                            r[14] == null ? null : day(r[14]));
                }).toList();
    }

    /** A date column as JDBC ({@code java.sql.Date}) or a JPA provider may give it. */
    static LocalDate day(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /** A time column as JDBC ({@code java.sql.Time}) or a JPA provider may give it; {@code null} stays null. */
    static LocalTime time(Object value) {
        return value instanceof java.sql.Time t ? t.toLocalTime() : (LocalTime) value;
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    /** {@code "PS, MS"} → [PS, MS]; {@code null} or blank → []. */
    static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : Stream.of(list.split(",")).map(String::strip).toList();
    }

    /** The quoted schema followed by a dot, once the name is checked to be a plain identifier. */
    public static String qualifier(String schema) {
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("Nom de schéma invalide : " + schema);
        }
        return "\"" + schema + "\".";
    }
}
