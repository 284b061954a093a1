package fr.portailfamille.platform.booking.web;

import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.billing.FamilyPricing;
import fr.portailfamille.platform.billing.SelectionEstimate;
import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.platform.booking.ActivityUnit;
import fr.portailfamille.platform.booking.BookingRefused;
import fr.portailfamille.platform.booking.PlanningService;
import fr.portailfamille.platform.booking.ChangeOutcome;
import fr.portailfamille.platform.booking.PlannedChange;
import fr.portailfamille.platform.booking.PlanningCell;
import fr.portailfamille.platform.booking.WindowSpan;
import fr.portailfamille.platform.booking.PlanningDay;
import fr.portailfamille.platform.booking.PlanningPageReader;
import fr.portailfamille.platform.booking.SelectionReview;
import fr.portailfamille.platform.booking.TypicalWeekResult;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.family.FamilyChild;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.web.ViewParams;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Mon planning": a child's month for one activity as a grid of calendar weeks ({@link PlanningGrid}),
 * each unit-day a button showing its legend state (the commune's words and colours). A tap selects
 * it for booking, or a booked one for cancelling ({@link PlanningSelection}), re-rendering only that cell
 * and the selection bar (Faces AJAX from {@code planning.js}; a plain form post without JavaScript).
 * "Recopier la sélection" copies it onto the following weeks; "Valider la sélection" shows a summary
 * before "Confirmer", which applies it in one transaction. The child is named by its position in the
 * family's own file; month names and day labels are in {@link PlanningLabels}.
 */
@Named
@ViewScoped
public class PlanningView implements Serializable {

    @Inject
    PlanningService bookings;

    @Inject
    PlanningPageReader reader;

    @Inject
    UserView user;

    @Inject
    CommuneSettings settings;

    @Inject
    FamilyPricing pricing;

    /** The commune's legend (labels and colours), read once per view. */
    private transient Legend legend;
    private boolean registered;

    private int enfant = 1;
    private Long activite;
    private String mois;
    private List<FamilyChild> children;
    private List<Activity> activities;
    private List<PlanningDay> days;
    private List<DayOfWeek> columns = List.of();
    /** The grid as drawn, with its words: built from {@link #days} once per request, never stored in the session. */
    private transient List<List<PlanningGridCells.GridDay>> grid;
    private boolean validated;
    private List<ActivityUnit> units;
    /** Semaine type: "MONDAY|12" → ticked. */
    private final Map<String, Boolean> week = new HashMap<>();
    private LocalDate weekFrom;
    private LocalDate weekTo;
    private final PlanningSelection selection = new PlanningSelection();
    private boolean reviewing;
    /** The summary's notice of each selected change, by key. */
    private HashMap<String, String> notices = new HashMap<>();
    /** The summary's prices (estimate), computed when the summary is shown; {@code null} otherwise. */
    private SelectionEstimate estimate;
    private List<ChangeOutcome> outcomes = List.of();
    private LocalDate copyUntil;

    /** Opening the page: one read ({@link PlanningPageReader}), one transaction. */
    public void load() {
        PlanningPageReader.PlanningPage page = reader.read(user.require(), enfant, activite, getMonth());
        validated = page.validated();
        children = page.children();
        activities = page.activities();
        activite = page.activite();
        units = page.units();
        registered = page.registered();
        legend = page.legend();
        layOut(page.days());
    }

    /** After a change: the child's registration and month read again. */
    private void refresh() {
        FamilyChild child = getChild();
        boolean ready = validated && child != null && child.getId() != null && activite != null;
        registered = ready && bookings.registered(user.require(), child.getId(), activite);
        layOut(ready && registered ? bookings.planning(user.require(), child.getId(), activite, getMonth()) : List.of());
    }

    private void layOut(List<PlanningDay> month) {
        columns = units == null ? List.of() : MonthPlan.weekdays(units.stream().map(ActivityUnit::plan).toList());
        days = PlanningGrid.shown(month, PlanningDay::getDay, columns);
        grid = null;
    }

    /**
     * A tap on a unit-day: a bookable one is selected for booking, a cancellable one for cancelling; a
     * second tap takes it back out.
     */
    public void toggle(PlanningGridCells.GridCell shown) {
        PlanningCell cell = shown.getCell();
        if (cell.isBookable() || cell.isCancellable()) {
            selection.toggle(cell.getUnitId(), cell.getDay(), cell.isCancellable() ? cell.getBookingId() : null,
                    cell.getUnitLabel());
            shown.setSelected(selection.contains(cell.getUnitId(), cell.getDay()));
        }
        reviewing = false;
        outcomes = List.of();
    }

    /**
     * The month's weeks as drawn, every word of every cell computed here once (the page only reads properties):
     * rendering 31 days × units used to evaluate some fifteen method expressions per cell (bench 4).
     */
    public List<List<PlanningGridCells.GridDay>> getWeeks() {
        if (grid == null) {
            FacesContext ctx = FacesContext.getCurrentInstance();
            java.util.ResourceBundle msg = ctx.getApplication().getResourceBundle(ctx, "msg");
            PlanningGridCells.Words words = new PlanningGridCells.Words(msg.getString("planning.cell.selected"),
                    msg.getString("planning.cell.toCancel"), msg.getString("planning.absence"), msg.getString("planning.on"));
            java.util.Locale locale = ctx.getViewRoot() == null ? java.util.Locale.FRENCH : ctx.getViewRoot().getLocale();
            grid = PlanningGridCells.weeks(days == null ? List.of() : days, columns, legend(), words, locale, selection::contains);
        }
        return grid;
    }

    /** "Recopier la sélection" ({@link PlanningSelection#copyUntil}). */
    public void copySelection() {
        PlanningSelection.CopyRefusal refusal = selection.copyRefusal(copyUntil);
        if (refusal == PlanningSelection.CopyRefusal.NOTHING_TO_COPY) {
            FormErrors.show("planning", List.of(new FieldError("until", "Sélectionnez d'abord des journées à réserver.")));
        } else if (refusal != null) {
            FormErrors.show("planning", List.of(new FieldError("until",
                    "Indiquez une date après le " + PlanningLabels.DAY.format(selection.firstBooking()) + ", dans l'année.")));
        } else {
            int added = selection.copyUntil(copyUntil);
            grid = null;
            reviewing = false;
            message(FacesMessage.SEVERITY_INFO, added + " journée(s) ajoutée(s) à la sélection.");
        }
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
        SelectionReview review;
        try {
            review = bookings.reviewSelection(user.require(), getChild().getId(), selection.all());
        } catch (BookingRefused e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            return;
        }
        notices = new HashMap<>(review.notices());
        estimate = estimate(review);
        reviewing = true;
    }

    /**
     * The price of the selection's bookings (not the cancellations, nor the bookings that would be
     * refused), by the invoice's rules: one read of the family's facts and the tariffs. {@code null}
     * when it cannot be computed (no activity shown).
     */
    private SelectionEstimate estimate(SelectionReview review) {
        Activity shown = activities == null ? null : activities.stream().filter(a -> a.getId().equals(activite)).findFirst().orElse(null);
        if (shown == null || units == null) {
            return null;
        }
        Map<Long, String> unitCodes = new HashMap<>();
        units.forEach(u -> unitCodes.put(u.getId(), u.getCode()));
        List<SelectionEstimate.Item> items = selection.sorted().stream()
                .filter(c -> !c.isCancellation() && !review.refused().contains(c.getKey()) && unitCodes.containsKey(c.getUnitId()))
                .map(c -> new SelectionEstimate.Item(c.getKey(), shown.getCode(), unitCodes.get(c.getUnitId()), c.getDay(),
                        review.surcharged().contains(c.getKey())))
                .toList();
        if (items.isEmpty()) {
            return null;
        }
        try {
            return pricing.estimate(user.require(), getChild().getId(), shown.getCode(), items);
        } catch (Refused e) {
            return null;
        }
    }

    /** A line's price in the summary: "3,60 €", with the late surcharge apart; empty for a cancellation. */
    public String price(PlannedChange c) {
        SelectionEstimate.Line line = estimate == null ? null : estimate.line(c.getKey());
        if (line == null) {
            return "";
        }
        if (line.priceCents() == null) {
            return line.label();
        }
        String price = Money.format(line.priceCents());
        return line.surchargeCents() == 0 ? price
                : price + " (dont majoration hors délai " + Money.format(line.surchargeCents()) + ")";
    }

    public SelectionEstimate getEstimate() { return estimate; }

    public String euros(long cents) {
        return Money.format(cents);
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
            outcomes = bookings.applySelection(user.require(), getChild().getId(), selection.all());
            selection.clear();
            grid = null;
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
        grid = null;
        reviewing = false;
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

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, text));
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

    /**
     * A window day in words, in the page's language, for its accessible name and the notice above the grid:
     * "sur demande — fenêtre ouverte jusqu'au 15/06/2027 à 18:00".
     */
    public String windowWords(WindowSpan w) {
        FacesContext faces = FacesContext.getCurrentInstance();
        java.util.ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        java.util.Locale locale = faces.getViewRoot().getLocale();
        java.time.format.DateTimeFormatter at = java.time.format.DateTimeFormatter.ofPattern(msg.getString("planning.window.at"),
                locale);
        return switch (w.getPhase()) {
            case BEFORE -> java.text.MessageFormat.format(msg.getString("planning.window.before"), at.format(w.getOpensAt()),
                    at.format(w.getClosesAt()));
            case OPEN -> java.text.MessageFormat.format(msg.getString("planning.window.open"), at.format(w.getClosesAt()));
            case CLOSED -> msg.getString("planning.window.closed");
        };
    }

    /** The unpublished opening windows the month's days are asked for in (the notices above the grid). */
    public List<WindowSpan> getWindows() {
        java.util.Map<Long, WindowSpan> byId = new java.util.LinkedHashMap<>();
        if (days != null) {
            for (PlanningDay d : days) {
                for (PlanningCell c : d.getCells()) {
                    if (c.getWindow() != null) {
                        byId.putIfAbsent(c.getWindow().getId(), c.getWindow());
                    }
                }
            }
        }
        return List.copyOf(byId.values());
    }

    private Legend legend() {
        if (legend == null) {
            legend = settings.legend();
        }
        return legend;
    }

    public List<DayState> getStates() { return List.of(DayState.values()); }
    public FamilyChild getChild() {
        return children != null && enfant >= 1 && enfant <= children.size() ? children.get(enfant - 1) : null;
    }
    public java.time.YearMonth getMonth() { return PlanningLabels.month(mois); }
    public List<PlannedChange> getSelection() { return selection.sorted(); }
    public int getSelectionSize() { return selection.size(); }
    public List<DayOfWeek> getWeekdays() { return columns; }
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
    public List<FamilyChild> getChildren() { return children; }
    public List<Activity> getActivities() { return activities; }
    public List<PlanningDay> getDays() { return days; }
    public List<DayOfWeek> getColumns() { return columns; }
    public int getEnfant() { return enfant; }
    public void setEnfant(int enfant) { if (ViewParams.opening()) this.enfant = enfant; }
    public Long getActivite() { return activite; }
    public void setActivite(Long activite) { if (ViewParams.opening()) this.activite = activite; }
    public String getMois() { return mois; }
    public void setMois(String mois) { if (ViewParams.opening()) this.mois = mois; }
}
