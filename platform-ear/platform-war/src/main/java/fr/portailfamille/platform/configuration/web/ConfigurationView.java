package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.configuration.CommuneConfiguration.ActivityType;
import fr.portailfamille.configuration.CommuneConfiguration.Closure;
import fr.portailfamille.configuration.CommuneConfiguration.Establishment;
import fr.portailfamille.configuration.CommuneConfiguration.EstablishmentKind;
import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.CommuneConfiguration.PeriodKind;
import fr.portailfamille.configuration.CommuneConfiguration.Unit;
import fr.portailfamille.configuration.ConfigurationException;
import fr.portailfamille.platform.configuration.ConfigurationService;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Agents' configuration screens: calendar (school years, holidays, closures), legend, activities
 * (deadlines, late policy, validation, ages, documents, capacities), establishments, texts, and the
 * configuration file (export, import). Each section is saved as part of the whole configuration,
 * validated by tenant-config's rules and written in one transaction; problems show next to fields.
 */
@Named
@ViewScoped
public class ConfigurationView implements Serializable {

    @Inject
    transient ConfigurationService configuration;

    @Inject
    transient UserView user;

    /** A period being edited. */
    public static class PeriodRow implements Serializable {
        private String kind = PeriodKind.VACANCES.name();
        private String label;
        private LocalDate start;
        private LocalDate end;
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getLabel() { return label; }
        public void setLabel(String v) { label = v; }
        public LocalDate getStart() { return start; }
        public void setStart(LocalDate v) { start = v; }
        public LocalDate getEnd() { return end; }
        public void setEnd(LocalDate v) { end = v; }
    }

    /** A closure being edited. */
    public static class ClosureRow implements Serializable {
        private LocalDate day;
        private String label;
        public LocalDate getDay() { return day; }
        public void setDay(LocalDate v) { day = v; }
        public String getLabel() { return label; }
        public void setLabel(String v) { label = v; }
    }

    /** A legend entry being edited. */
    public static class LegendRow implements Serializable {
        private final DayState state;
        private String label;
        private String background;
        private String text;
        LegendRow(DayState state, Legend.LegendEntry e) {
            this.state = state;
            this.label = e.label();
            this.background = e.background();
            this.text = e.text();
        }
        public DayState getState() { return state; }
        public String getLabel() { return label; }
        public void setLabel(String v) { label = v; }
        public String getBackground() { return background; }
        public void setBackground(String v) { background = v; }
        public String getText() { return text; }
        public void setText(String v) { text = v; }
        public String getStyle() {
            return Legend.isColor(background) && Legend.isColor(text) ? "background: " + background + "; color: " + text : "";
        }
    }

    /** A unit's label and capacity being edited. */
    public static class UnitRow implements Serializable {
        private String code;
        private final boolean fresh;
        private String label;
        private String start;
        private String end;
        private Integer capacity;
        private List<String> weekdays;
        UnitRow(Unit u) {
            code = u.code();
            fresh = false;
            label = u.label();
            start = u.start() == null ? null : u.start().toString();
            end = u.end() == null ? null : u.end().toString();
            capacity = u.capacity();
            weekdays = new ArrayList<>(u.weekdays().stream().map(String::valueOf).toList());
        }
        UnitRow() {
            fresh = true;
            weekdays = new ArrayList<>(List.of("1", "2", "4", "5"));
        }
        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        /** A unit added on this screen, whose code can still be chosen. */
        public boolean isFresh() { return fresh; }
        public String getLabel() { return label; }
        public void setLabel(String v) { label = v; }
        public String getStart() { return start; }
        public void setStart(String v) { start = v; }
        public String getEnd() { return end; }
        public void setEnd(String v) { end = v; }
        public Integer getCapacity() { return capacity; }
        public void setCapacity(Integer v) { capacity = v; }
        public List<String> getWeekdays() { return weekdays; }
        public void setWeekdays(List<String> v) { weekdays = v; }
    }

    /** An activity's rules being edited. */
    public static class ActivityRow implements Serializable {
        private final String code;
        private String name;
        private String bookingDeadline;
        private String cancellationDeadline;
        private String latePolicy;
        private boolean needsValidation;
        private Integer minAge;
        private Integer maxAge;
        private String documents;
        private String description;
        private String establishment;
        private List<String> levels;
        private final List<UnitRow> units = new ArrayList<>();
        ActivityRow(Activity a) {
            code = a.code();
            name = a.name();
            description = a.description();
            establishment = a.establishment();
            levels = new ArrayList<>(a.levels());
            bookingDeadline = a.bookingDeadline();
            cancellationDeadline = a.cancellationDeadline();
            latePolicy = a.latePolicy() == null ? null : a.latePolicy().name();
            needsValidation = a.needsValidation();
            minAge = a.minAge();
            maxAge = a.maxAge();
            documents = String.join("\n", a.documents());
            a.units().forEach(u -> units.add(new UnitRow(u)));
        }
        public String getCode() { return code; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getBookingDeadline() { return bookingDeadline; }
        public void setBookingDeadline(String v) { bookingDeadline = v; }
        public String getCancellationDeadline() { return cancellationDeadline; }
        public void setCancellationDeadline(String v) { cancellationDeadline = v; }
        public String getLatePolicy() { return latePolicy; }
        public void setLatePolicy(String v) { latePolicy = v; }
        public boolean isNeedsValidation() { return needsValidation; }
        public void setNeedsValidation(boolean v) { needsValidation = v; }
        public Integer getMinAge() { return minAge; }
        public void setMinAge(Integer v) { minAge = v; }
        public Integer getMaxAge() { return maxAge; }
        public void setMaxAge(Integer v) { maxAge = v; }
        public String getDocuments() { return documents; }
        public void setDocuments(String v) { documents = v; }
        public List<UnitRow> getUnits() { return units; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public String getEstablishment() { return establishment; }
        public void setEstablishment(String v) { establishment = v; }
        public List<String> getLevels() { return levels; }
        public void setLevels(List<String> v) { levels = v; }
    }

    /** An establishment being edited. */
    public static class EstablishmentRow implements Serializable {
        private String code;
        private String name;
        private String kind;
        private String address;
        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getAddress() { return address; }
        public void setAddress(String v) { address = v; }
    }

    /** A new activity with its first unit, as agents create it. */
    public static class NewActivity implements Serializable {
        private String code;
        private String name;
        private String type;
        private String unitCode;
        private String unitLabel;
        private String unitStart;
        private String unitEnd;
        private Integer capacity;
        private List<String> weekdays = new ArrayList<>(List.of("1", "2", "4", "5"));
        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getType() { return type; }
        public void setType(String v) { type = v; }
        public String getUnitCode() { return unitCode; }
        public void setUnitCode(String v) { unitCode = v; }
        public String getUnitLabel() { return unitLabel; }
        public void setUnitLabel(String v) { unitLabel = v; }
        public String getUnitStart() { return unitStart; }
        public void setUnitStart(String v) { unitStart = v; }
        public String getUnitEnd() { return unitEnd; }
        public void setUnitEnd(String v) { unitEnd = v; }
        public Integer getCapacity() { return capacity; }
        public void setCapacity(Integer v) { capacity = v; }
        public List<String> getWeekdays() { return weekdays; }
        public void setWeekdays(List<String> v) { weekdays = v; }
    }

    private List<EstablishmentRow> establishments;
    private NewActivity newActivity = new NewActivity();
    private List<PeriodRow> periods;
    private List<ClosureRow> closures;
    private List<LegendRow> legend;
    private List<ActivityRow> activities;
    private String zone;
    private String cgu;
    private transient Part file;

    public void load() {
        CommuneConfiguration conf = configuration.current();
        periods = new ArrayList<>();
        for (Period p : conf.periods()) {
            PeriodRow r = new PeriodRow();
            r.kind = p.kind().name();
            r.label = p.label();
            r.start = p.start();
            r.end = p.end();
            periods.add(r);
        }
        closures = new ArrayList<>();
        for (Closure c : conf.closures()) {
            ClosureRow r = new ClosureRow();
            r.day = c.day();
            r.label = c.label();
            closures.add(r);
        }
        legend = new ArrayList<>();
        for (DayState s : DayState.values()) {
            legend.add(new LegendRow(s, conf.legend().entry(s)));
        }
        activities = new ArrayList<>(conf.activities().stream().map(ActivityRow::new).toList());
        establishments = new ArrayList<>();
        for (Establishment e : conf.establishments()) {
            EstablishmentRow r = new EstablishmentRow();
            r.code = e.code();
            r.name = e.name();
            r.kind = e.kind() == null ? null : e.kind().name();
            r.address = e.address();
            establishments.add(r);
        }
        zone = conf.zone();
        cgu = conf.cgu();
    }

    // ---- calendar ---------------------------------------------------------------------------------

    public void addPeriod() {
        periods.add(new PeriodRow());
    }

    public void removePeriod(int index) {
        periods.remove(index);
    }

    public void addClosure() {
        closures.add(new ClosureRow());
    }

    public void removeClosure(int index) {
        closures.remove(index);
    }

    public void saveCalendar() {
        save("calendrier", "Calendrier enregistré : les plannings des familles en tiennent compte dès maintenant.", c ->
                new CommuneConfiguration(c.zone(), c.cgu(), c.establishments(),
                        periods.stream().map(p -> new Period(p.kind == null ? null : PeriodKind.valueOf(p.kind), p.label,
                                p.start, p.end)).toList(),
                        closures.stream().map(d -> new Closure(d.day, d.label)).toList(), c.activities(), c.legend()));
    }

    // ---- legend -----------------------------------------------------------------------------------

    public void saveLegend() {
        Map<DayState, Legend.LegendEntry> entries = new EnumMap<>(DayState.class);
        legend.forEach(r -> entries.put(r.state, new Legend.LegendEntry(r.label == null ? "" : r.label.strip(),
                r.background, r.text)));
        save("legende", "Légende enregistrée.", c -> new CommuneConfiguration(c.zone(), c.cgu(), c.establishments(),
                c.periods(), c.closures(), c.activities(), new Legend(entries)));
    }

    // ---- activities -------------------------------------------------------------------------------

    public void addUnit(int activity) {
        activities.get(activity).units.add(new UnitRow());
    }

    public void removeUnit(int activity, int unit) {
        activities.get(activity).units.remove(unit);
    }

    /** "Retirer l'activité": gone at the next save, which refuses if the activity has bookings or registrations. */
    public void removeActivity(int activity) {
        activities.remove(activity);
    }

    public void saveActivities() {
        List<FieldError> times = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            for (int j = 0; j < activities.get(i).units.size(); j++) {
                UnitRow u = activities.get(i).units.get(j);
                for (String[] t : List.of(new String[] {"start", u.start}, new String[] {"end", u.end})) {
                    if (!isTime(t[1])) {
                        times.add(new FieldError("activities[" + i + "].units[" + j + "]." + t[0], "Heure attendue au format hh:mm."));
                    }
                }
            }
        }
        if (!times.isEmpty()) {
            FormErrors.show("activites", times);
            return;
        }
        save("activites", "Activités enregistrées.", c -> new CommuneConfiguration(c.zone(), c.cgu(), c.establishments(),
                c.periods(), c.closures(), activities.stream().map(r -> c.activities().stream()
                        .filter(a -> a.code().equals(r.code)).findFirst().map(a -> edited(a, r)).orElse(null))
                        .filter(Objects::nonNull).toList(), c.legend()));
    }

    /** Whether {@code text} is blank or a time "hh:mm". */
    private static boolean isTime(String text) {
        try {
            time(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** "hh:mm" as a time, {@code null} when blank. */
    private static LocalTime time(String text) {
        return text == null || text.isBlank() ? null : LocalTime.parse(text.strip());
    }

    private static Activity edited(Activity a, ActivityRow r) {
        List<Unit> units = r.units.stream().map(x -> new Unit(upper(x.code), x.label, time(x.start), time(x.end),
                x.capacity == null ? -1 : x.capacity, x.weekdays == null ? List.of()
                : x.weekdays.stream().map(Integer::valueOf).sorted().toList())).toList();
        List<String> docs = r.documents == null ? List.of() : Arrays.stream(r.documents.split("\\R"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new Activity(a.code(), r.name, blankToNull(r.description), a.type(), blankToNull(r.establishment), r.minAge,
                r.maxAge, r.levels == null ? List.of() : fr.portailfamille.platform.booking.Activity.LEVELS.stream()
                        .filter(r.levels::contains).toList(),
                a.runsInHolidays(), r.bookingDeadline, r.cancellationDeadline,
                r.latePolicy == null ? null : LatePolicy.valueOf(r.latePolicy), r.needsValidation, docs, units);
    }

    // ---- establishments and new activities -------------------------------------------------------------

    public void addEstablishment() {
        establishments.add(new EstablishmentRow());
    }

    public void removeEstablishment(int index) {
        establishments.remove(index);
    }

    public void saveEstablishments() {
        save("etablissements", "Établissements enregistrés.", c -> new CommuneConfiguration(c.zone(), c.cgu(),
                establishments.stream().map(e -> new Establishment(upper(e.code), e.name,
                        e.kind == null ? null : EstablishmentKind.valueOf(e.kind), blankToNull(e.address))).toList(),
                c.periods(), c.closures(), c.activities(), c.legend()));
    }

    /** "Créer l'activité": a new activity with one unit, default deadlines (J-2 23:59, late refused). */
    public void createActivity() {
        NewActivity n = newActivity;
        if (!isTime(n.unitStart) || !isTime(n.unitEnd)) {
            FormErrors.show("nouvelle", List.of(new FieldError(isTime(n.unitStart) ? "unitEnd" : "unitStart",
                    "Heure attendue au format hh:mm.")));
            return;
        }
        LocalTime start = time(n.unitStart);
        LocalTime end = time(n.unitEnd);
        ActivityType type = n.type == null ? null : ActivityType.valueOf(n.type);
        Activity a = new Activity(upper(n.code), n.name, null, type, null, null, null, List.of(),
                type == ActivityType.ALSH_VACANCES || type == ActivityType.SEJOUR, "J-2@23:59", "J-2@23:59",
                LatePolicy.REFUSED, false, List.of(),
                List.of(new Unit(upper(n.unitCode), n.unitLabel, start, end, n.capacity == null ? -1 : n.capacity,
                        n.weekdays.stream().map(Integer::valueOf).sorted().toList())));
        CommuneConfiguration current = configuration.current();
        int index = current.activities().size();
        try {
            configuration.save(user.require().email(), withActivity(current, a));
            newActivity = new NewActivity();
            load();
            FormErrors.info("Activité « " + a.name() + " » créée : précisez ses délais, âges et documents ci-dessus.");
        } catch (ConfigurationException e) {
            String prefix = "activities[" + index + "]";
            showAll("nouvelle", e.errors().stream().map(x -> new FieldError(newActivityField(x.field(), prefix),
                    x.message())).toList());
        }
    }

    private static CommuneConfiguration withActivity(CommuneConfiguration c, Activity a) {
        List<Activity> all = new ArrayList<>(c.activities());
        all.add(a);
        return new CommuneConfiguration(c.zone(), c.cgu(), c.establishments(), c.periods(), c.closures(), all, c.legend());
    }

    /** The new-activity form's field of a rule's path about the added activity ("" otherwise). */
    static String newActivityField(String field, String prefix) {
        if (field == null || !field.startsWith(prefix + ".")) {
            return "";
        }
        String f = field.substring(prefix.length() + 1);
        return switch (f) {
            case "code", "name", "type" -> f;
            case "units[0].code" -> "unitCode";
            case "units[0].label" -> "unitLabel";
            case "units[0].start" -> "unitStart";
            case "units[0].end" -> "unitEnd";
            case "units[0].capacity" -> "capacity";
            default -> f.startsWith("units[0].weekdays") ? "weekdays" : "";
        };
    }

    private static String upper(String code) {
        return code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Map<String, String> getEstablishmentKinds() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("École maternelle", EstablishmentKind.ECOLE_MATERNELLE.name());
        m.put("École élémentaire", EstablishmentKind.ECOLE_ELEMENTAIRE.name());
        m.put("École primaire", EstablishmentKind.ECOLE_PRIMAIRE.name());
        m.put("Accueil de loisirs", EstablishmentKind.ACCUEIL_LOISIRS.name());
        m.put("Restaurant scolaire", EstablishmentKind.RESTAURANT_SCOLAIRE.name());
        m.put("Autre", EstablishmentKind.AUTRE.name());
        return m;
    }

    /** The establishments as saved, for the activities' "Lieu" choice. */
    public Map<String, String> getEstablishmentItems() {
        Map<String, String> m = new LinkedHashMap<>();
        establishments.stream().filter(e -> e.code != null && e.name != null).forEach(e -> m.put(e.name, e.code));
        return m;
    }

    public List<String> getLevelItems() {
        return fr.portailfamille.platform.booking.Activity.LEVELS;
    }

    public Map<String, String> getActivityTypes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Périscolaire", ActivityType.PERISCOLAIRE.name());
        m.put("Restauration scolaire", ActivityType.RESTAURATION.name());
        m.put("Mercredi", ActivityType.MERCREDI.name());
        m.put("Accueil de loisirs (vacances)", ActivityType.ALSH_VACANCES.name());
        m.put("Séjour", ActivityType.SEJOUR.name());
        m.put("Sport", ActivityType.SPORT.name());
        return m;
    }

    public Map<String, String> getWeekdayItems() {
        Map<String, String> m = new LinkedHashMap<>();
        String[] names = {"Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"};
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], String.valueOf(i + 1));
        }
        return m;
    }

    // ---- texts and file -----------------------------------------------------------------------------

    public void saveTexts() {
        save("textes", "Textes enregistrés.", c -> new CommuneConfiguration(zone == null || zone.isBlank() ? null : zone,
                cgu, c.establishments(), c.periods(), c.closures(), c.activities(), c.legend()));
    }

    /** "Importer": a configuration file exported by this or another commune replaces the configuration. */
    public void importFile() throws IOException {
        if (file == null || file.getSize() == 0) {
            FormErrors.show("import", List.of(new FieldError("file", "Choisissez un fichier de configuration (.json).")));
            return;
        }
        if (file.getSize() > 2 * 1024 * 1024) {
            FormErrors.show("import", List.of(new FieldError("file", "Le fichier dépasse 2 Mo : ce n'est pas un fichier de configuration.")));
            return;
        }
        String json;
        try (InputStream in = file.getInputStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            configuration.importJson(user.require().email(), json);
            load();
            FormErrors.info("Configuration importée.");
        } catch (ConfigurationException e) {
            FormErrors.show("import", e.errors().stream().map(x -> new FieldError("",
                    (x.field() == null || x.field().isEmpty() ? "" : x.field() + " : ") + x.message())).toList());
        }
    }

    private void save(String form, String done, UnaryOperator<CommuneConfiguration> change) {
        try {
            configuration.save(user.require().email(), change.apply(configuration.current()));
            load();
            FormErrors.info(done);
        } catch (ConfigurationException e) {
            showAll(form, e.errors().stream().map(x -> new FieldError(componentPath(x.field()), x.message())).toList());
        }
    }

    /** Every problem in the summary at the top, and next to its field when it has one. */
    private static void showAll(String form, List<FieldError> errors) {
        FormErrors.show(form, errors);
        errors.stream().filter(e -> !e.field().isEmpty()).forEach(e -> FormErrors.error(e.message()));
    }

    /** The component path of a rule's field: "activities[0].booking.deadline" → "activities[0].bookingDeadline". */
    static String componentPath(String field) {
        if (field == null) {
            return "";
        }
        String path = field.replace(".booking.deadline", ".bookingDeadline").replace(".booking.cancellation", ".cancellationDeadline")
                .replace(".booking.late", ".latePolicy").replace(".ages.min", ".minAge").replace(".ages.max", ".maxAge")
                .replaceAll("\\.(documents|levels|weekdays)\\[\\d+]$", ".$1");
        return !path.contains("[") || path.endsWith("]") || path.endsWith(".units") ? "" : path;
    }

    public Map<String, String> getPeriodKinds() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Année scolaire", PeriodKind.ANNEE_SCOLAIRE.name());
        m.put("Vacances scolaires", PeriodKind.VACANCES.name());
        return m;
    }

    public Map<String, String> getLatePolicies() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Refusée", LatePolicy.REFUSED.name());
        m.put("Acceptée et majorée", LatePolicy.SURCHARGED.name());
        return m;
    }

    public Map<String, String> getZones() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String z : List.of("A", "B", "C")) {
            m.put("Zone " + z, z);
        }
        return m;
    }

    public List<EstablishmentRow> getEstablishments() { return establishments; }
    public NewActivity getNewActivity() { return newActivity; }
    public List<PeriodRow> getPeriods() { return periods; }
    public List<ClosureRow> getClosures() { return closures; }
    public List<LegendRow> getLegend() { return legend; }
    public List<ActivityRow> getActivities() { return activities; }
    public String getZone() { return zone; }
    public void setZone(String v) { zone = v; }
    public String getCgu() { return cgu; }
    public void setCgu(String v) { cgu = v; }
    public Part getFile() { return file; }
    public void setFile(Part v) { file = v; }
}
