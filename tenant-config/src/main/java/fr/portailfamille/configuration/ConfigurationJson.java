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
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The commune configuration file: JSON with a header ({@code "format":"portail-famille/configuration",
 * "version":2}) so that files can be recognised and their format evolve. Uses Jakarta JSON-P (provided
 * by the application server; Parsson outside of it). Format 2 adds the {@code billing} section (QF
 * brackets, régies, tariffs; amounts in cents, percentages as decimal numbers); files of format 1 are
 * still read, without billing.
 *
 * <p>Reading checks the file's shape only (header, types, known enum values) and reports every problem
 * at once; {@link ConfigurationRules} checks the values. Field paths are the file's, e.g.
 * {@code activities[2].units[0].capacity}, in reading errors and rule errors alike. Unknown keys are
 * ignored, absent lists are empty, absent booleans false, and a state missing from the legend takes
 * its {@link Legend#defaults() default} entry.
 */
public final class ConfigurationJson {

    public static final String FORMAT = "portail-famille/configuration";
    public static final int VERSION = 2;
    /** Oldest format still read. */
    public static final int OLDEST_VERSION = 1;

    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    private static final Message TEXT = Problems.of("configuration.json.text");
    private static final Message INTEGER = Problems.of("configuration.json.integer");
    private static final Message CENTS = Problems.of("configuration.json.cents");
    private static final Message DECIMAL = Problems.of("configuration.json.decimal");

    private ConfigurationJson() {
    }

    /** The configuration as a pretty-printed file. */
    public static String write(CommuneConfiguration conf) {
        JsonObjectBuilder legend = Json.createObjectBuilder();
        conf.legend().entries().forEach((state, e) -> legend.add(state.name(), Json.createObjectBuilder()
                .add("label", value(e.label())).add("background", value(e.background())).add("text", value(e.text()))));
        JsonObjectBuilder root = Json.createObjectBuilder()
                .add("format", FORMAT)
                .add("version", VERSION)
                .add("zone", value(conf.zone()))
                .add("cgu", value(conf.cgu()))
                .add("establishments", array(conf.establishments(), e -> Json.createObjectBuilder()
                        .add("code", value(e.code())).add("name", value(e.name())).add("kind", value(e.kind()))
                        .add("address", value(e.address())).build()))
                .add("periods", array(conf.periods(), p -> Json.createObjectBuilder()
                        .add("kind", value(p.kind())).add("label", value(p.label()))
                        .add("start", value(p.start())).add("end", value(p.end())).build()))
                .add("closures", array(conf.closures(), c -> Json.createObjectBuilder()
                        .add("day", value(c.day())).add("label", value(c.label())).build()))
                .add("activities", array(conf.activities(), ConfigurationJson::activity))
                .add("legend", legend);
        if (conf.billing() != null) {
            root.add("billing", billing(conf.billing()));
        }
        if (conf.documentTypes() != null) {
            root.add("documentTypes", array(conf.documentTypes(), t -> Json.createObjectBuilder()
                    .add("code", value(t.code())).add("label", value(t.label()))
                    .add("forChild", t.forChild()).add("health", t.health())
                    .add("validity", value(t.validity())).add("months", value(t.months()))
                    .add("until", value(t.until())).build()));
        }
        if (conf.services() != null) {
            root.add("services", array(conf.services(), v -> Json.createObjectBuilder()
                    .add("code", value(v.code())).add("label", value(v.label())).add("email", value(v.email())).build()));
        }
        StringWriter out = new StringWriter();
        PRETTY.createWriter(out).write(root.build());
        return out.append('\n').toString();
    }

    /** @throws ConfigurationException with every problem when the text is not a valid configuration file */
    public static CommuneConfiguration read(String json) {
        return read(new StringReader(json));
    }

    /** {@code reader} past a leading byte-order mark, if any (Notepad, PowerShell): the file is read as it was written. */
    private static Reader withoutByteOrderMark(Reader reader) {
        java.io.PushbackReader in = new java.io.PushbackReader(reader, 1);
        try {
            int first = in.read();
            if (first != -1 && first != '\uFEFF') {
                in.unread(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return in;
    }

    /**
     * Reads a configuration file.
     *
     * @throws ConfigurationException with every problem when the text is not a valid configuration file
     * @throws UncheckedIOException when {@code reader} fails
     */
    public static CommuneConfiguration read(Reader reader) {
        JsonValue root;
        try (JsonReader r = Json.createReader(withoutByteOrderMark(reader))) {
            root = r.readValue();
        } catch (JsonParsingException e) {
            throw refused("format", Problems.of("configuration.file.invalidJsonAt", e.getLocation().getLineNumber(),
                    e.getLocation().getColumnNumber()));
        } catch (JsonException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw refused("format", Problems.of("configuration.file.invalidJson"));
        }
        if (!(root instanceof JsonObject o) || !(o.get("format") instanceof JsonString f) || !FORMAT.equals(f.getString())) {
            throw refused("format", Problems.of("configuration.file.notConfiguration"));
        }
        Parser p = new Parser();
        Integer version = p.field(o, "", "version", ConfigurationJson::integer, INTEGER);
        if (version == null || version < OLDEST_VERSION || version > VERSION) {
            throw refused("version", version != null && version > VERSION
                    ? Problems.of("configuration.file.newerVersion", version, OLDEST_VERSION, VERSION)
                    : Problems.of("configuration.file.unknownVersion", OLDEST_VERSION, VERSION));
        }
        CommuneConfiguration conf = p.configuration(o);
        if (!p.errors.isEmpty()) {
            throw new ConfigurationException(p.errors);
        }
        return conf;
    }

    private static JsonObject activity(Activity a) {
        return Json.createObjectBuilder()
                .add("code", value(a.code())).add("name", value(a.name())).add("description", value(a.description()))
                .add("type", value(a.type())).add("establishment", value(a.establishment()))
                .add("ages", Json.createObjectBuilder().add("min", value(a.minAge())).add("max", value(a.maxAge())))
                .add("levels", array(a.levels(), ConfigurationJson::value))
                .add("runsInHolidays", a.runsInHolidays())
                .add("booking", Json.createObjectBuilder().add("deadline", value(a.bookingDeadline()))
                        .add("cancellation", value(a.cancellationDeadline())).add("late", value(a.latePolicy()))
                        .add("validation", a.needsValidation()))
                .add("documents", array(a.documents(), ConfigurationJson::value))
                .add("lastDay", value(a.lastDay()))
                .add("units", array(a.units(), u -> Json.createObjectBuilder()
                        .add("code", value(u.code())).add("label", value(u.label()))
                        .add("start", value(u.start())).add("end", value(u.end())).add("capacity", u.capacity())
                        .add("weekdays", array(u.weekdays(), ConfigurationJson::value)).build()))
                .build();
    }

    private static JsonObject billing(BillingConfiguration b) {
        BillingSettings settings = b.settings();
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("qfValidityMonths", value(settings.qfValidityMonths()))
                .add("residentPostcodes", array(settings.residentPostcodes(), ConfigurationJson::value))
                .add("reminderDays", array(settings.reminderDays(), ConfigurationJson::value))
                .add("brackets", array(settings.brackets(), q -> Json.createObjectBuilder()
                        .add("code", value(q.code())).add("label", value(q.label()))
                        .add("min", value(q.min())).add("max", value(q.max())).build()))
                .add("regies", array(b.regies(), r -> Json.createObjectBuilder()
                        .add("code", value(r.code())).add("label", value(r.label()))
                        .add("invoicePrefix", value(r.invoicePrefix()))
                        .add("manager", Json.createObjectBuilder().add("name", value(r.managerName()))
                                .add("email", value(r.managerEmail())).add("phone", value(r.managerPhone())))
                        .add("activities", array(r.activities(), ConfigurationJson::value))
                        .add("paymentInstructions", value(r.paymentInstructions()))
                        .add("payfipNumcli", value(r.payfipNumcli()))
                        .add("collection", value(r.collection()))
                        .add("walletFloorCents", value(r.walletFloorCents()))
                        .add("sepa", r.sepa() == null ? JsonValue.NULL : Json.createObjectBuilder()
                                .add("creditorId", value(r.sepa().creditorId())).add("name", value(r.sepa().name()))
                                .add("iban", value(r.sepa().iban())).add("bic", value(r.sepa().bic()))
                                .add("debitDay", value(r.sepa().debitDay())).build()).build()))
                .add("tariffs", array(b.tariffs(), ConfigurationJson::tariff));
        if (settings.certificateDays() != null) {
            // only when the commune chose it: a file of the default delay stays as it was
            o.add("certificateDays", settings.certificateDays());
        }
        return o.build();
    }

    private static JsonObject tariff(Tariff t) {
        JsonObjectBuilder prices = Json.createObjectBuilder();
        t.prices().forEach(p -> prices.add(p.bracket(), value(p.cents())));
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("activity", value(t.activity())).add("unit", value(t.unit()))
                .add("validFrom", value(t.validFrom())).add("mode", value(t.mode()))
                .add("pricesCents", prices).add("maximumCents", value(t.maximumCents()));
        o.add("effortRate", t.effortRatePercent() == null && t.floorCents() == null && t.ceilingCents() == null
                ? JsonValue.NULL
                : Json.createObjectBuilder().add("percent", value(t.effortRatePercent()))
                        .add("floorCents", value(t.floorCents())).add("ceilingCents", value(t.ceilingCents())).build());
        return o.add("nonResident", adjustment(t.nonResident()))
                .add("siblings", Json.createObjectBuilder().add("secondPercent", value(t.siblingSecondPercent()))
                        .add("thirdPercent", value(t.siblingThirdPercent())))
                .add("late", adjustment(t.lateSurcharge()))
                .add("unexcusedAbsenceBilled", t.unexcusedAbsenceBilled())
                .add("unbookedPresenceCents", value(t.unbookedPresenceCents()))
                .build();
    }

    private static JsonValue adjustment(Adjustment a) {
        if (a == null) {
            return JsonValue.NULL;
        }
        JsonObjectBuilder o = Json.createObjectBuilder().add("kind", value(a.kind()));
        if (a.percent() != null) {
            o.add("percent", a.percent());
        }
        if (a.cents() != null) {
            o.add("cents", a.cents());
        }
        return o.build();
    }

    /** JSON value of a text, number, enum, date or time; {@code null} gives JSON null. */
    private static JsonValue value(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof Integer i) {
            return Json.createValue(i);
        }
        if (v instanceof Long l) {
            return Json.createValue(l);
        }
        if (v instanceof BigDecimal d) {
            return Json.createValue(d);
        }
        return Json.createValue(v instanceof Enum<?> e ? e.name() : v.toString());
    }

    private static <T> JsonArrayBuilder array(List<T> items, Function<T, JsonValue> item) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        items.forEach(i -> b.add(item.apply(i)));
        return b;
    }

    private static ConfigurationException refused(String field, Message message) {
        return new ConfigurationException(List.of(new FieldError(field, message)));
    }

    // Converters: the value, or null when the JSON value has another type or form.

    private static String text(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : null;
    }

    private static Integer integer(JsonValue v) {
        try {
            return v instanceof JsonNumber n ? n.bigDecimalValue().intValueExact() : null;
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static Long cents(JsonValue v) {
        try {
            return v instanceof JsonNumber n ? n.bigDecimalValue().longValueExact() : null;
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /**
     * A percentage or a rate as written; {@code null} (a "number expected" error) for a number no screen could type
     * (more than 12 decimals or 24 digits, an exponent such as {@code 1e999999999}: scaling it would take the server's
     * memory and minutes, or fail).
     */
    private static BigDecimal decimal(JsonValue v) {
        if (!(v instanceof JsonNumber n)) {
            return null;
        }
        BigDecimal d = n.bigDecimalValue();
        return Math.abs(d.scale()) > 12 || d.precision() > 24 ? null : d;
    }

    private static Boolean bool(JsonValue v) {
        return v == JsonValue.TRUE ? Boolean.TRUE : v == JsonValue.FALSE ? Boolean.FALSE : null;
    }

    private static LocalDate date(JsonValue v) {
        return parsed(v, LocalDate::parse);
    }

    private static LocalTime time(JsonValue v) {
        return parsed(v, LocalTime::parse);
    }

    private static <T> T parsed(JsonValue v, Function<String, T> parse) {
        try {
            return v instanceof JsonString s ? parse.apply(s.getString()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Reads the body of a file whose header was accepted, collecting every problem. */
    private static final class Parser {
        final List<FieldError> errors = new ArrayList<>();

        CommuneConfiguration configuration(JsonObject o) {
            return new CommuneConfiguration(
                    field(o, "", "zone", ConfigurationJson::text, TEXT),
                    field(o, "", "cgu", ConfigurationJson::text, TEXT),
                    list(o, "", "establishments", (v, at) -> object(v, at, e -> new Establishment(
                            field(e, at, "code", ConfigurationJson::text, TEXT),
                            field(e, at, "name", ConfigurationJson::text, TEXT),
                            constant(e, at, "kind", EstablishmentKind.class),
                            field(e, at, "address", ConfigurationJson::text, TEXT)))),
                    list(o, "", "periods", (v, at) -> object(v, at, p -> new Period(
                            constant(p, at, "kind", PeriodKind.class),
                            field(p, at, "label", ConfigurationJson::text, TEXT),
                            date(p, at, "start"),
                            date(p, at, "end")))),
                    list(o, "", "closures", (v, at) -> object(v, at, c -> new Closure(
                            date(c, at, "day"),
                            field(c, at, "label", ConfigurationJson::text, TEXT)))),
                    list(o, "", "activities", (v, at) -> object(v, at, a -> activity(a, at))),
                    legend(o),
                    isNull(o.get("billing")) ? null : object(o.get("billing"), "billing", this::billing),
                    // optional: files written before document types still read (their types are kept)
                    isNull(o.get("documentTypes")) ? null : list(o, "", "documentTypes", (v, at) -> object(v, at,
                            t -> new DocumentType(
                                    field(t, at, "code", ConfigurationJson::text, TEXT),
                                    field(t, at, "label", ConfigurationJson::text, TEXT),
                                    bool(t, at, "forChild"),
                                    bool(t, at, "health"),
                                    constant(t, at, "validity", DocumentType.Validity.class),
                                    field(t, at, "months", ConfigurationJson::integer, INTEGER),
                                    date(t, at, "until")))),
                    // optional: files written before the Boîte de réception still read (their services are kept)
                    isNull(o.get("services")) ? null : list(o, "", "services", (v, at) -> object(v, at,
                            t -> new fr.portailfamille.messaging.InboxService(
                                    field(t, at, "code", ConfigurationJson::text, TEXT),
                                    field(t, at, "label", ConfigurationJson::text, TEXT),
                                    field(t, at, "email", ConfigurationJson::text, TEXT)))));
        }

        BillingConfiguration billing(JsonObject b) {
            String at = "billing";
            BillingSettings settings = new BillingSettings(
                    field(b, at, "qfValidityMonths", ConfigurationJson::integer, INTEGER),
                    list(b, at, "residentPostcodes", (v, p) -> scalar(v, p, ConfigurationJson::text, TEXT)),
                    list(b, at, "brackets", (v, p) -> object(v, p, q -> new QfBracket(
                            field(q, p, "code", ConfigurationJson::text, TEXT),
                            field(q, p, "label", ConfigurationJson::text, TEXT),
                            field(q, p, "min", ConfigurationJson::integer, INTEGER),
                            field(q, p, "max", ConfigurationJson::integer, INTEGER)))),
                    list(b, at, "reminderDays", (v, p) -> scalar(v, p, ConfigurationJson::integer, INTEGER)),
                    field(b, at, "certificateDays", ConfigurationJson::integer, INTEGER));
            return new BillingConfiguration(settings,
                    list(b, at, "regies", (v, p) -> object(v, p, r -> regie(r, p))),
                    list(b, at, "tariffs", (v, p) -> object(v, p, t -> tariff(t, p))));
        }

        Regie regie(JsonObject r, String at) {
            JsonObject manager = child(r, at, "manager");
            String managerAt = at + ".manager";
            return new Regie(
                    field(r, at, "code", ConfigurationJson::text, TEXT),
                    field(r, at, "label", ConfigurationJson::text, TEXT),
                    field(r, at, "invoicePrefix", ConfigurationJson::text, TEXT),
                    field(manager, managerAt, "name", ConfigurationJson::text, TEXT),
                    field(manager, managerAt, "email", ConfigurationJson::text, TEXT),
                    field(manager, managerAt, "phone", ConfigurationJson::text, TEXT),
                    list(r, at, "activities", (v, p) -> scalar(v, p, ConfigurationJson::text, TEXT)),
                    field(r, at, "paymentInstructions", ConfigurationJson::text, TEXT),
                    field(r, at, "payfipNumcli", ConfigurationJson::text, TEXT),
                    constant(r, at, "collection", Regie.Collection.class),
                    Objects.requireNonNullElse(field(r, at, "walletFloorCents", ConfigurationJson::cents, CENTS), 0L),
                    isNull(r.get("sepa")) ? null : sepa(child(r, at, "sepa"), path(at, "sepa")));
        }

        SepaCreditor sepa(JsonObject o, String at) {
            Integer day = field(o, at, "debitDay", ConfigurationJson::integer, INTEGER);
            return new SepaCreditor(field(o, at, "creditorId", ConfigurationJson::text, TEXT),
                    field(o, at, "name", ConfigurationJson::text, TEXT), field(o, at, "iban", ConfigurationJson::text, TEXT),
                    field(o, at, "bic", ConfigurationJson::text, TEXT), day == null ? 0 : day);
        }

        Tariff tariff(JsonObject t, String at) {
            List<BracketPrice> prices = new ArrayList<>();
            JsonObject pricesCents = child(t, at, "pricesCents");
            pricesCents.keySet().forEach(code -> prices.add(new BracketPrice(code,
                    field(pricesCents, at + ".pricesCents", code, ConfigurationJson::cents, CENTS))));
            JsonObject effort = child(t, at, "effortRate");
            JsonObject siblings = child(t, at, "siblings");
            return new Tariff(
                    field(t, at, "activity", ConfigurationJson::text, TEXT),
                    field(t, at, "unit", ConfigurationJson::text, TEXT),
                    date(t, at, "validFrom"),
                    constant(t, at, "mode", Tariff.Mode.class),
                    prices,
                    field(t, at, "maximumCents", ConfigurationJson::cents, CENTS),
                    field(effort, at + ".effortRate", "percent", ConfigurationJson::decimal, DECIMAL),
                    field(effort, at + ".effortRate", "floorCents", ConfigurationJson::cents, CENTS),
                    field(effort, at + ".effortRate", "ceilingCents", ConfigurationJson::cents, CENTS),
                    adjustment(t, at, "nonResident"),
                    field(siblings, at + ".siblings", "secondPercent", ConfigurationJson::decimal, DECIMAL),
                    field(siblings, at + ".siblings", "thirdPercent", ConfigurationJson::decimal, DECIMAL),
                    adjustment(t, at, "late"),
                    bool(t, at, "unexcusedAbsenceBilled"),
                    field(t, at, "unbookedPresenceCents", ConfigurationJson::cents, CENTS));
        }

        /** An adjustment object; {@code null} when absent or null. */
        Adjustment adjustment(JsonObject o, String at, String name) {
            if (isNull(o.get(name))) {
                return null;
            }
            String here = path(at, name);
            return object(o.get(name), here, a -> new Adjustment(
                    constant(a, here, "kind", Adjustment.Kind.class),
                    field(a, here, "percent", ConfigurationJson::decimal, DECIMAL),
                    field(a, here, "cents", ConfigurationJson::cents, CENTS)));
        }

        Activity activity(JsonObject a, String at) {
            JsonObject ages = child(a, at, "ages");
            JsonObject booking = child(a, at, "booking");
            String agesAt = at + ".ages";
            String bookingAt = at + ".booking";
            return new Activity(
                    field(a, at, "code", ConfigurationJson::text, TEXT),
                    field(a, at, "name", ConfigurationJson::text, TEXT),
                    field(a, at, "description", ConfigurationJson::text, TEXT),
                    constant(a, at, "type", ActivityType.class),
                    field(a, at, "establishment", ConfigurationJson::text, TEXT),
                    field(ages, agesAt, "min", ConfigurationJson::integer, INTEGER),
                    field(ages, agesAt, "max", ConfigurationJson::integer, INTEGER),
                    list(a, at, "levels", (v, p) -> scalar(v, p, ConfigurationJson::text, TEXT)),
                    bool(a, at, "runsInHolidays"),
                    field(booking, bookingAt, "deadline", ConfigurationJson::text, TEXT),
                    field(booking, bookingAt, "cancellation", ConfigurationJson::text, TEXT),
                    constant(booking, bookingAt, "late", LatePolicy.class),
                    bool(booking, bookingAt, "validation"),
                    list(a, at, "documents", (v, p) -> scalar(v, p, ConfigurationJson::text, TEXT)),
                    list(a, at, "units", (v, p) -> object(v, p, u -> unit(u, p))),
                    date(a, at, "lastDay"));
        }

        Unit unit(JsonObject u, String at) {
            Integer capacity = field(u, at, "capacity", ConfigurationJson::integer, INTEGER);
            if (capacity == null && isNull(u.get("capacity"))) {
                errors.add(Problems.error(at + ".capacity", "configuration.unit.capacityRequired"));
            }
            return new Unit(
                    field(u, at, "code", ConfigurationJson::text, TEXT),
                    field(u, at, "label", ConfigurationJson::text, TEXT),
                    time(u, at, "start"),
                    time(u, at, "end"),
                    capacity == null ? 0 : capacity,
                    list(u, at, "weekdays", (v, p) -> scalar(v, p, ConfigurationJson::integer, INTEGER)));
        }

        Legend legend(JsonObject o) {
            Map<DayState, LegendEntry> entries = new EnumMap<>(Legend.defaults().entries());
            JsonObject legend = child(o, "", "legend");
            legend.forEach((state, v) -> {
                String at = "legend." + state;
                LegendEntry entry = object(v, at, e -> new LegendEntry(
                        field(e, at, "label", ConfigurationJson::text, TEXT),
                        field(e, at, "background", ConfigurationJson::text, TEXT),
                        field(e, at, "text", ConfigurationJson::text, TEXT)));
                DayState known = Arrays.stream(DayState.values()).filter(s -> s.name().equals(state)).findFirst().orElse(null);
                if (known == null) {
                    errors.add(Problems.error(at, "configuration.legend.unknownState", state,
                            Arrays.stream(DayState.values()).map(Enum::name).collect(Collectors.joining(", "))));
                } else if (entry != null) {
                    entries.put(known, entry);
                }
            });
            return new Legend(entries);
        }

        /** The value of {@code o.name}; {@code null} when absent or null, or (error recorded) of another type. */
        <T> T field(JsonObject o, String at, String name, Function<JsonValue, T> convert, Message message) {
            JsonValue v = o.get(name);
            return isNull(v) ? null : scalar(v, path(at, name), convert, message);
        }

        <T> T scalar(JsonValue v, String at, Function<JsonValue, T> convert, Message message) {
            T t = convert.apply(v);
            if (t == null) {
                errors.add(new FieldError(at, message));
            }
            return t;
        }

        boolean bool(JsonObject o, String at, String name) {
            return Boolean.TRUE.equals(field(o, at, name, ConfigurationJson::bool,
                    Problems.of("configuration.json.boolean")));
        }

        LocalDate date(JsonObject o, String at, String name) {
            return field(o, at, name, ConfigurationJson::date, Problems.of("configuration.json.date"));
        }

        LocalTime time(JsonObject o, String at, String name) {
            return field(o, at, name, ConfigurationJson::time, Problems.of("configuration.json.time"));
        }

        <E extends Enum<E>> E constant(JsonObject o, String at, String name, Class<E> type) {
            String text = field(o, at, name, ConfigurationJson::text, TEXT);
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(text)) {
                    return e;
                }
            }
            if (text != null) {
                errors.add(Problems.error(path(at, name), "configuration.json.unknownValue", text,
                        Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
            }
            return null;
        }

        /** The object {@code o.name}; an empty object when absent or null, or (error recorded) of another type. */
        JsonObject child(JsonObject o, String at, String name) {
            JsonValue v = o.get(name);
            JsonObject child = isNull(v) ? null : object(v, path(at, name), Function.identity());
            return child == null ? JsonValue.EMPTY_JSON_OBJECT : child;
        }

        <T> T object(JsonValue v, String at, Function<JsonObject, T> read) {
            if (v instanceof JsonObject o) {
                return read.apply(o);
            }
            errors.add(Problems.error(at, "configuration.json.object"));
            return null;
        }

        /** The items of array {@code o.name} that could be read; empty when absent or null. */
        <T> List<T> list(JsonObject o, String at, String name, BiFunction<JsonValue, String, T> item) {
            JsonValue v = o.get(name);
            String here = path(at, name);
            List<T> items = new ArrayList<>();
            if (v instanceof JsonArray array) {
                for (int i = 0; i < array.size(); i++) {
                    T t = item.apply(array.get(i), here + "[" + i + "]");
                    if (t != null) {
                        items.add(t);
                    }
                }
            } else if (!isNull(v)) {
                errors.add(Problems.error(here, "configuration.json.list"));
            }
            return items;
        }

        private static boolean isNull(JsonValue v) {
            return v == null || v.getValueType() == JsonValue.ValueType.NULL;
        }

        private static String path(String at, String name) {
            return at.isEmpty() ? name : at + "." + name;
        }
    }
}
