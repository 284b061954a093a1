package fr.portailfamille.platform.booking.web;

import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.web.ViewParams;
import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.platform.booking.ActivityUnit;
import fr.portailfamille.platform.booking.TypicalWeekResult;
import fr.portailfamille.platform.booking.BookingRefused;
import fr.portailfamille.platform.booking.PlanningService;
import fr.portailfamille.platform.booking.PlanningDay;
import fr.portailfamille.platform.booking.PlanningCell;
import fr.portailfamille.platform.booking.PlannedChange;
import fr.portailfamille.platform.booking.ChangeOutcome;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyForm;
import fr.portailfamille.platform.family.FamilyStatus;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;

/**
 * "Mon planning": a child's month for one activity, each day and unit showing its legend state in
 * words and colour (the commune's legend). "Réserver" and "Annuler" compose a selection, which can be
 * copied onto the following weeks ("Recopier la sélection"), is summed up before "Confirmer", then
 * applied in one transaction under the commune's rules, with a confirmation of each day.
 * The child is named by its position in the family's own file.
 */
@Named
@ViewScoped
public class PlanningView implements Serializable {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d", Locale.FRENCH);
    private static final String FULL_DAY = "EEEE d MMMM yyyy";
    private static final String MONTH = "MMMM yyyy";

    @Inject
    transient PlanningService bookings;

    @Inject
    transient FamilyFileService files;

    @Inject
    transient UserView user;

    @Inject
    transient CommuneSettings settings;

    /** The commune's legend (labels and colours), read once per view. */
    private transient Legend legend;
    private boolean registered;

    private int enfant = 1;
    private Long activite;
    private String mois;
    private List<FamilyForm.ChildForm> children;
    private List<Activity> activities;
    private List<PlanningDay> days;
    private List<DayOfWeek> columns = List.of();
    private List<List<PlanningDay>> weeks = List.of();
    private boolean validated;
    private List<ActivityUnit> units;
    /** Semaine type: "MONDAY|12" → ticked. */
    private final Map<String, Boolean> week = new HashMap<>();
    private LocalDate weekFrom;
    private LocalDate weekTo;
    /** The family's selection, by unit-day, until it confirms. */
    private final Map<String, PlannedChange> selection = new LinkedHashMap<>();
    private boolean reviewing;
    /** The summary's notice of each selected change, by key. */
    private HashMap<String, String> notices = new HashMap<>();
    private List<ChangeOutcome> outcomes = List.of();
    private LocalDate copyUntil;

    public void load() {
        validated = files.fileOf(user.require()).getStatus() == FamilyStatus.VALIDATED;
        children = files.formOf(user.require()).getChildren();
        activities = bookings.activities();
        if (activite == null && !activities.isEmpty()) {
            activite = firstRegisteredActivity();
        }
        units = activite == null ? List.of() : bookings.unitsOf(activite);
        refresh();
    }

    /**
     * Without an activity asked for, the planning opens on the first activity the child is registered
     * to (registration validated by the service), not on one it cannot book; the first activity when
     * there is none.
     */
    private Long firstRegisteredActivity() {
        FamilyForm.ChildForm child = getChild();
        if (validated && child != null && child.getId() != null) {
            for (Activity a : activities) {
                if (bookings.registered(user.require(), child.getId(), a.getId())) {
                    return a.getId();
                }
            }
        }
        return activities.get(0).getId();
    }

    private void refresh() {
        FamilyForm.ChildForm child = getChild();
        boolean ready = validated && child != null && child.getId() != null && activite != null;
        registered = ready && bookings.registered(user.require(), child.getId(), activite);
        days = ready && registered ? bookings.planning(user.require(), child.getId(), activite, getMonth()) : List.of();
        layOutWeeks();
    }

    /** "Réserver" / "Annuler" on a cell: adds the change to the selection, or takes it back out. */

    /**
     * The month as calendar weeks (Monday first), {@code null} for the days of other months; only the
     * weekdays on which one of the activity's units runs ({@link MonthPlan#weekdays}: a Wednesday-only
     * activity shows Wednesdays, not four columns of "Fermé").
     */
    private void layOutWeeks() {
        columns = units == null ? List.of() : MonthPlan.weekdays(units.stream().map(ActivityUnit::plan).toList());
        days = days.stream().filter(d -> columns.contains(d.getDay().getDayOfWeek())).toList();
        weeks = new ArrayList<>();
        List<PlanningDay> week = null;
        LocalDate weekStart = null;
        for (PlanningDay d : days) {
            LocalDate monday = d.getDay().with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            if (week == null || !monday.equals(weekStart)) {
                weekStart = monday;
                week = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    week.add(null);
                }
                weeks.add(week);
            }
            int column = columns.indexOf(d.getDay().getDayOfWeek());
            if (column >= 0) {
                week.set(column, d);
            }
        }
    }

    public void toggle(PlanningCell cell) {
        PlannedChange change = new PlannedChange(cell.getUnitId(), cell.getDay(), cell.isCancellable() ? cell.getBookingId() : null,
                cell.getUnitLabel());
        if (selection.remove(change.getKey()) == null) {
            selection.put(change.getKey(), change);
        }
        reviewing = false;
        outcomes = List.of();
    }

    public boolean selected(PlanningCell cell) {
        return selection.containsKey(cell.getUnitId() + "|" + cell.getDay());
    }

    /**
     * "Recopier la sélection": each selected booking is copied onto the same weekday of every
     * following week up to {@link #getCopyUntil()} (the commune's rules decide each day at validation).
     */
    public void copySelection() {
        List<PlannedChange> bookings = selection.values().stream().filter(c -> !c.isCancellation()).toList();
        if (bookings.isEmpty()) {
            FormErrors.show("planning", List.of(new FieldError("until", "Sélectionnez d'abord des journées à réserver.")));
            return;
        }
        LocalDate first = bookings.stream().map(PlannedChange::getDay).min(LocalDate::compareTo).orElseThrow();
        if (copyUntil == null || !copyUntil.isAfter(first) || copyUntil.isAfter(first.plusYears(1))) {
            FormErrors.show("planning", List.of(new FieldError("until",
                    "Indiquez une date après le " + DAY.format(first) + ", dans l'année.")));
            return;
        }
        int added = 0;
        for (PlannedChange c : bookings) {
            for (LocalDate d = c.getDay().plusWeeks(1); !d.isAfter(copyUntil); d = d.plusWeeks(1)) {
                PlannedChange copy = new PlannedChange(c.getUnitId(), d, null, c.getUnitLabel());
                if (selection.putIfAbsent(copy.getKey(), copy) == null) {
                    added++;
                }
            }
        }
        reviewing = false;
        message(FacesMessage.SEVERITY_INFO, added + " journée(s) ajoutée(s) à la sélection.");
    }

    /**
     * "Valider la sélection": shows the summary, each day with what the family should know before
     * confirming (surcharged, no longer cancellable without charge, billed cancellation, refused…);
     * nothing is booked before "Confirmer".
     */
    public void review() {
        if (selection.isEmpty()) {
            message(FacesMessage.SEVERITY_ERROR, "Sélectionnez au moins une journée à réserver ou à annuler.");
            return;
        }
        try {
            notices = new HashMap<>(bookings.previewSelection(user.require(), getChild().getId(),
                    new ArrayList<>(selection.values())));
        } catch (BookingRefused e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            return;
        }
        reviewing = true;
    }

    /** What the family should know about one line of the summary (empty when nothing special). */
    public String notice(PlannedChange c) {
        String n = notices.get(c.getKey());
        return n == null ? "" : n;
    }

    /** Whether a line of the summary carries a warning (surcharge, billed, not cancellable, refused). */
    public boolean warning(PlannedChange c) {
        String n = notice(c);
        return !n.isEmpty() && !n.equals("Annulation sans frais.");
    }

    /** "Confirmer": applies the whole selection in one transaction and shows what became of each day. */
    public void confirm() {
        try {
            outcomes = bookings.applySelection(user.require(), getChild().getId(), new ArrayList<>(selection.values()));
            selection.clear();
            long done = outcomes.stream().filter(ChangeOutcome::isDone).count();
            message(done == outcomes.size() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                    "Sélection validée : " + done + " sur " + outcomes.size() + " journée(s) enregistrée(s). Détail ci-dessous.");
        } catch (BookingRefused e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        reviewing = false;
        refresh();
    }

    /** "Modifier la sélection": back from the summary, the selection kept. */
    public void clearReview() {
        reviewing = false;
    }

    /** "Vider la sélection". */
    public void clearSelection() {
        selection.clear();
        reviewing = false;
    }

    public List<PlannedChange> getSelection() {
        return selection.values().stream().sorted(Comparator.comparing(PlannedChange::getDay)
                .thenComparingLong(PlannedChange::getUnitId)).toList();
    }

    public String fullDay(LocalDate day) {
        return DateTimeFormatter.ofPattern(FULL_DAY, locale()).format(day);
    }

    /** "Appliquer la semaine type": the ticked units of each weekday, every week of the period. */
    public void applyWeek() {
        Map<DayOfWeek, Set<Long>> byDay = new EnumMap<>(DayOfWeek.class);
        week.forEach((key, ticked) -> {
            if (Boolean.TRUE.equals(ticked)) {
                String[] k = key.split("\\|");
                byDay.computeIfAbsent(DayOfWeek.valueOf(k[0]), d -> new HashSet<>()).add(Long.valueOf(k[1]));
            }
        });
        try {
            TypicalWeekResult result = bookings.applyTypicalWeek(user.require(), getChild().getId(), byDay, weekFrom, weekTo);
            message(FacesMessage.SEVERITY_INFO, "Semaine type appliquée : " + result.summary());
        } catch (BookingRefused e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        refresh();
    }

    /** The weekdays of the "semaine type": those on which one of the activity's units runs. */
    public List<DayOfWeek> getWeekdays() {
        return units == null ? List.of() : MonthPlan.weekdays(units.stream().map(ActivityUnit::plan).toList());
    }

    public String weekdayLabel(DayOfWeek d) {
        String s = d.getDisplayName(java.time.format.TextStyle.FULL, locale());
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The page's language (French first, English when the browser asks for it). */
    private static Locale locale() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        return ctx == null || ctx.getViewRoot() == null ? Locale.FRENCH : ctx.getViewRoot().getLocale();
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, text));
    }

    public YearMonth getMonth() {
        try {
            return mois == null ? YearMonth.now() : YearMonth.parse(mois);
        } catch (DateTimeParseException e) {
            return YearMonth.now();
        }
    }

    public String getMonthLabel() {
        return DateTimeFormatter.ofPattern(MONTH, locale()).format(getMonth());
    }

    public String getPrevious() {
        return getMonth().minusMonths(1).toString();
    }

    public String getNext() {
        return getMonth().plusMonths(1).toString();
    }

    public String dayLabel(LocalDate day) {
        return DateTimeFormatter.ofPattern("EEEE d", locale()).format(day);
    }

    /** The commune's label of a legend state (EL 5 cannot read record components). */
    public String label(DayState state) {
        return legend().entry(state).label();
    }

    /** The commune's colours of a legend state, as an inline style. */
    public String style(DayState state) {
        Legend.LegendEntry e = legend().entry(state);
        return "background: " + e.background() + "; color: " + e.text();
    }

    private Legend legend() {
        if (legend == null) {
            legend = settings.legend();
        }
        return legend;
    }

    public List<DayState> getStates() {
        return List.of(DayState.values());
    }

    public FamilyForm.ChildForm getChild() {
        return children != null && enfant >= 1 && enfant <= children.size() ? children.get(enfant - 1) : null;
    }

    public boolean isValidated() { return validated; }
    public boolean isRegistered() { return registered; }
    public boolean isReviewing() { return reviewing; }
    public List<ChangeOutcome> getOutcomes() { return outcomes; }
    public LocalDate getCopyUntil() { return copyUntil; }
    public void setCopyUntil(LocalDate v) { copyUntil = v; }
    public List<ActivityUnit> getUnits() { return units; }
    public Map<String, Boolean> getWeek() { return week; }
    public LocalDate getWeekFrom() { return weekFrom; }
    public void setWeekFrom(LocalDate v) { weekFrom = v; }
    public LocalDate getWeekTo() { return weekTo; }
    public void setWeekTo(LocalDate v) { weekTo = v; }
    public List<FamilyForm.ChildForm> getChildren() { return children; }
    public List<Activity> getActivities() { return activities; }
    public List<PlanningDay> getDays() { return days; }
    public List<DayOfWeek> getColumns() { return columns; }
    public List<List<PlanningDay>> getWeeks() { return weeks; }
    public int getEnfant() { return enfant; }
    public void setEnfant(int enfant) { if (ViewParams.opening()) this.enfant = enfant; }
    public Long getActivite() { return activite; }
    public void setActivite(Long activite) { if (ViewParams.opening()) this.activite = activite; }
    public String getMois() { return mois; }
    public void setMois(String mois) { if (ViewParams.opening()) this.mois = mois; }
}
