package fr.portailfamille.platform.booking.web;

import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.booking.MonthPlan;
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
import fr.portailfamille.booking.TypicalWeek;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.family.FamilyChild;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.PackedState;
import fr.portailfamille.platform.web.Texts;
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

    @Inject
    fr.portailfamille.platform.billing.wallet.Wallets wallets;

    /** The commune's legend (labels and colours), read once per view. */
    private transient Legend legend;
    /*
     * The view's state (every field below) goes to the session packed as one array (PackedState, writeObject): the
     * session is written and read at the end of every request, and this page's other views, untouched, then write back
     * the array they read. {@code packed} is non-null while the state read from the session is not unpacked yet;
     * every public method unpacks it first (use()).
     */
    private transient byte[] packed;
    private transient boolean registered;

    private transient int enfant = 1;
    private transient Long activite;
    private transient String mois;
    private transient List<FamilyChild> children;
    private transient List<Activity> activities;
    private transient List<PlanningDay> days;
    private transient List<DayOfWeek> columns = List.of();
    /** The grid as drawn, with its words: built from {@link #days} once per request, never stored in the session. */
    private transient List<List<PlanningGridCells.GridDay>> grid;
    private transient boolean validated;
    private transient List<ActivityUnit> units;
    /** Semaine type: "MONDAY|12" → ticked. */
    private transient HashMap<String, Boolean> week = new HashMap<>();
    private transient LocalDate weekFrom;
    private transient LocalDate weekTo;
    private transient PlanningSelection selection = new PlanningSelection();
    private transient boolean reviewing;
    /** The summary's notice of each selected change, by key. */
    private transient HashMap<String, String> notices = new HashMap<>();
    /** The keys of the summary's lines flagged as something to know ({@link SelectionReview#warned}). */
    private transient HashSet<String> warned = new HashSet<>();
    /** What the summary shown said ({@link SelectionReview#fingerprint}): « Confirmer » applies only while it holds. */
    private transient String summary;
    /** The summary's prices (estimate), computed when the summary is shown; {@code null} otherwise. */
    private transient SelectionEstimate estimate;
    private transient List<ChangeOutcome> outcomes = List.of();
    private transient LocalDate copyUntil;

    /** The view's state as stored in the session. */
    private record State(boolean registered, int enfant, Long activite, String mois, List<FamilyChild> children,
                         List<Activity> activities, List<PlanningDay> days, List<DayOfWeek> columns, boolean validated,
                         List<ActivityUnit> units, HashMap<String, Boolean> week, LocalDate weekFrom, LocalDate weekTo,
                         PlanningSelection selection, boolean reviewing, HashMap<String, String> notices,
                         HashSet<String> warned, String summary, SelectionEstimate estimate, List<ChangeOutcome> outcomes,
                         LocalDate copyUntil)
            implements Serializable {
    }

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
        out.writeObject(packed != null ? packed : PackedState.pack(new State(registered, enfant, activite, mois, children,
                activities, days, columns, validated, units, week, weekFrom, weekTo, selection, reviewing, notices,
                warned, summary, estimate, outcomes, copyUntil)));
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        packed = (byte[]) in.readObject();
    }

    /** The state read from the session, unpacked on the view's first use in a request. */
    private void use() {
        if (packed == null) {
            return;
        }
        State s = PackedState.unpack(packed, State.class);
        packed = null;
        registered = s.registered();
        enfant = s.enfant();
        activite = s.activite();
        mois = s.mois();
        children = s.children();
        activities = s.activities();
        days = s.days();
        columns = s.columns();
        validated = s.validated();
        units = s.units();
        week = s.week();
        weekFrom = s.weekFrom();
        weekTo = s.weekTo();
        selection = s.selection();
        reviewing = s.reviewing();
        notices = s.notices();
        warned = s.warned();
        summary = s.summary();
        estimate = s.estimate();
        outcomes = s.outcomes();
        copyUntil = s.copyUntil();
    }

    /** Opening the page: one read ({@link PlanningPageReader}), one transaction. */
    public void load() {
        use();
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
        use();
        PlanningCell cell = shown.getCell();
        if (cell.isBookable() || cell.isCancellable()) {
            selection.toggle(cell.getUnitId(), cell.getDay(), cell.isCancellable() ? cell.getBookingId() : null,
                    cell.getUnitLabel(), cell.isCancellable() && (cell.getState() == fr.portailfamille.booking.DayState.LISTE_ATTENTE
                            || cell.getState() == fr.portailfamille.booking.DayState.EN_ATTENTE_VALIDATION));
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
        use();
        if (grid == null) {
            FacesContext ctx = FacesContext.getCurrentInstance();
            java.util.ResourceBundle msg = ctx.getApplication().getResourceBundle(ctx, "msg");
            PlanningGridCells.Words words = new PlanningGridCells.Words(msg.getString("planning.cell.selected"),
                    msg.getString("planning.cell.toCancel"), msg.getString("planning.absence"), msg.getString("planning.on"));
            java.util.Locale locale = PlanningLabels.locale();
            grid = PlanningGridCells.weeks(days == null ? List.of() : days, columns, legend(), words, locale, selection::contains);
        }
        return grid;
    }

    /** "Recopier la sélection" ({@link PlanningSelection#copyUntil}). */
    public void copySelection() {
        use();
        PlanningSelection.CopyRefusal refusal = selection.copyRefusal(copyUntil);
        if (refusal == PlanningSelection.CopyRefusal.NOTHING_TO_COPY) {
            FormErrors.show("planning", List.of(new FieldError("until", Texts.of("planning.copy.nothing"))));
        } else if (refusal != null) {
            FormErrors.show("planning", List.of(new FieldError("until",
                    Texts.of("planning.copy.badDate", PlanningLabels.day(selection.firstBooking())))));
        } else {
            // not onto a day the child already holds, nor into an opening window (asked for on its own page)
            List<PlannedChange> copies = bookings.copiesToKeep(user.require(), getChild().getId(),
                    selection.copies(copyUntil));
            if (selection.size() + copies.size() > PlanningSelection.MAX) {
                // "Confirmer" takes 400 unit-days at most: said now, the selection left as it was
                FormErrors.show("planning", List.of(new FieldError("until", Texts.of("planning.copy.tooLong",
                        String.valueOf(PlanningSelection.MAX)))));
                return;
            }
            int added = selection.add(copies);
            grid = null;
            reviewing = false;
            message(FacesMessage.SEVERITY_INFO, Texts.of("planning.copy.done", String.valueOf(added)));
        }
    }

    /**
     * "Valider la sélection": shows the summary, each day with what the family should know before
     * confirming (surcharged, no longer cancellable without charge, billed cancellation, refused…);
     * nothing is booked before "Confirmer".
     */
    public void review() {
        use();
        if (selection.isEmpty()) {
            message(FacesMessage.SEVERITY_ERROR, Texts.of("planning.review.empty"));
            return;
        }
        SelectionReview review;
        try {
            review = bookings.reviewSelection(user.require(), getChild().getId(), selection.all());
        } catch (BookingRefused e) {
            message(FacesMessage.SEVERITY_ERROR, Texts.of(e));
            return;
        }
        notices = new HashMap<>();
        review.texts().forEach((key, text) -> notices.put(key, Texts.of(text)));
        warned = new HashSet<>(review.warned());
        summary = review.fingerprint();
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
                        review.surcharged().contains(c.getKey()), review.waiting().contains(c.getKey())))
                .toList();
        if (items.isEmpty()) {
            return null;
        }
        try {
            SelectionEstimate priced = pricing.estimate(user.require(), getChild().getId(), shown.getCode(), items);
            // paid by a porte-monnaie at « Confirmer »: the waiting days too, and whether its balance covers it
            return wallets.prepaidFor(user.require(), shown.getCode()).map(priced::paidFrom).orElse(priced);
        } catch (Refused e) {
            return null;
        }
    }

    /**
     * Whether the summary says the porte-monnaie lacks money for the selection: only when it holds no cancellation
     * (a cancellation's refund at « Confirmer » may pay the rest).
     */
    public boolean isWalletShort() {
        use();
        return estimate != null && estimate.getShortfallCents() > 0
                && selection.sorted().stream().noneMatch(PlannedChange::isCancellation);
    }

    /** A line's price in the summary: "3,60 €", with the late surcharge apart; empty for a cancellation. */
    public String price(PlannedChange c) {
        use();
        SelectionEstimate.Line line = estimate == null ? null : estimate.line(c.getKey());
        if (line == null) {
            return "";
        }
        if (line.priceCents() == null) {
            return Texts.of("planning.price.unknown");
        }
        String price = Texts.amount(line.priceCents());
        if (line.waiting()) {
            return Texts.of(estimate.isPrepaid() ? "planning.price.heldWhileWaiting" : "planning.price.ifSeat", price);
        }
        return line.surchargeCents() == 0 ? price
                : Texts.of("planning.price.withSurcharge", price, Texts.amount(line.surchargeCents()));
    }

    public SelectionEstimate getEstimate() { use(); return estimate; }

    /** What the family should know about one line of the summary (empty when nothing special). */
    public String notice(PlannedChange c) {
        use();
        String n = notices.get(c.getKey());
        return n == null ? "" : n;
    }

    /** Whether a line of the summary carries a warning (surcharge, billed, not cancellable, refused). */
    public boolean warning(PlannedChange c) {
        use();
        return warned.contains(c.getKey());
    }

    /** "Confirmer": applies the whole selection in one transaction and shows what became of each day. */
    public void confirm() {
        use();
        try {
            outcomes = bookings.applySelection(user.require(), getChild().getId(), selection.all(), reviewing ? summary : null)
                    .stream().map(o -> o.readBy(Texts::of)).toList();
            selection.clear();
            grid = null;
            long done = outcomes.stream().filter(ChangeOutcome::isDone).count();
            message(done == outcomes.size() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                    Texts.of("planning.confirm.done", String.valueOf(done), String.valueOf(outcomes.size())));
        } catch (BookingRefused e) {
            if ("booking.selection.summaryChanged".equals(e.text().key())) {
                // a deadline passed (or the day filled up) since the summary: shown again as it is now, nothing applied
                review();
                message(FacesMessage.SEVERITY_WARN, Texts.of(e));
                return;
            }
            message(FacesMessage.SEVERITY_ERROR, Texts.of(e));
        }
        reviewing = false;
        refresh();
    }

    /** "Modifier la sélection": back from the summary, the selection kept. */
    public void clearReview() {
        use();
        reviewing = false;
    }

    /** "Vider la sélection". */
    public void clearSelection() {
        use();
        selection.clear();
        grid = null;
        reviewing = false;
    }

    /** "Appliquer la semaine type": the ticked units of each weekday, every week of the period. */
    public void applyWeek() {
        use();
        Map<DayOfWeek, Set<Long>> byDay = new EnumMap<>(DayOfWeek.class);
        week.forEach((key, ticked) -> {
            if (Boolean.TRUE.equals(ticked)) {
                String[] k = key.split("\\|");
                byDay.computeIfAbsent(DayOfWeek.valueOf(k[0]), d -> new HashSet<>()).add(Long.valueOf(k[1]));
            }
        });
        var problem = TypicalWeek.problem(byDay, weekFrom, weekTo, PlatformTime.today());
        if (problem.isPresent()) {
            // next to the date it is about (and in the summary), what was ticked and typed kept
            if (!problem.get().field().equals("days")) {
                FormErrors.show("semaine", List.of(problem.get()));
            }
            message(FacesMessage.SEVERITY_ERROR, Texts.of(problem.get().text()));
            return;
        }
        try {
            TypicalWeekResult result = bookings.applyTypicalWeek(user.require(), getChild().getId(), byDay, weekFrom, weekTo);
            // days refused: a warning; nothing booked at all: an error (as « Confirmer » says its refusals)
            boolean anyTaken = result.getBooked() + result.getSurcharged() + result.getPending() + result.getWaiting() > 0;
            message(result.getRefused() == 0 ? (result.getSurcharged() + result.getLateRequests() == 0
                    ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN) : anyTaken ? FacesMessage.SEVERITY_WARN
                    : FacesMessage.SEVERITY_ERROR, Texts.of("planning.week.applied", Texts.of(result.summary())));
            // the days it booked are no longer to book: out of the selection (they read "à annuler", Confirmer said
            // "déjà réservé"), and a summary made before is made again
            selection.keepBookings(bookings.copiesToKeep(user.require(), getChild().getId(), selection.bookings()));
            reviewing = false;
            estimate = null;
        } catch (BookingRefused e) {
            if (e.field() != null && !e.field().isEmpty()) {
                // too many days for one application: next to the end date, as the period's own problems
                FormErrors.show("semaine", List.of(new fr.portailfamille.problems.FieldError(e.field(), e.text())));
            }
            message(FacesMessage.SEVERITY_ERROR, Texts.of(e));
        }
        refresh();
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, text));
    }

    /** The commune's label of a legend state, its default one in the page's language (EL 5 cannot read record components). */
    public String label(DayState state) {
        use();
        return legend().label(state, Texts.locale());
    }

    /** The commune's colours of a legend state, as an inline style. */
    public String style(DayState state) {
        use();
        Legend.LegendEntry e = legend().entry(state);
        return "background: " + e.background() + "; color: " + e.text();
    }

    /**
     * A window day in words, in the page's language, for its accessible name and the notice above the grid:
     * "sur demande — fenêtre ouverte jusqu'au 15/06/2027 à 18:00".
     */
    public String windowWords(WindowSpan w) {
        use();
        java.time.format.DateTimeFormatter at = java.time.format.DateTimeFormatter.ofPattern(Texts.of("planning.window.at"),
                PlanningLabels.locale());
        return switch (w.getPhase()) {
            case BEFORE -> Texts.of("planning.window.before", at.format(w.getOpensAt()), at.format(w.getClosesAt()));
            case OPEN -> Texts.of("planning.window.open", at.format(w.getClosesAt()));
            case CLOSED -> Texts.of("planning.window.closed");
        };
    }

    /** The unpublished opening windows the month's days are asked for in (the notices above the grid). */
    public List<WindowSpan> getWindows() {
        use();
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

    public List<DayState> getStates() { use(); return List.of(DayState.values()); }
    public FamilyChild getChild() {
        use();
        return children != null && enfant >= 1 && enfant <= children.size() ? children.get(enfant - 1) : null;
    }
    public java.time.YearMonth getMonth() { use(); return PlanningLabels.month(mois); }
    public List<PlannedChange> getSelection() { use(); return selection.sorted(); }
    public int getSelectionSize() { use(); return selection.size(); }
    public List<DayOfWeek> getWeekdays() { use(); return columns; }
    public boolean isValidated() { use(); return validated; }
    public boolean isRegistered() { use(); return registered; }
    public boolean isReviewing() { use(); return reviewing; }
    public List<ChangeOutcome> getOutcomes() { use(); return outcomes; }
    public LocalDate getCopyUntil() { use(); return copyUntil; }
    public void setCopyUntil(LocalDate v) { use(); copyUntil = v; }
    public List<ActivityUnit> getUnits() { use(); return units; }

    /** The units' hours, as the seeds' portals show them: "Matin 07:30–08:30 · Soir 16:30–18:30"; null when none has. */
    public String getUnitTimes() {
        use();
        if (units == null) {
            return null;
        }
        String times = units.stream().filter(u -> u.getStartTime() != null)
                .map(u -> u.getLabel() + " " + u.getStartTime() + (u.getEndTime() == null ? "" : "–" + u.getEndTime()))
                .collect(java.util.stream.Collectors.joining(" · "));
        return times.isEmpty() ? null : times;
    }
    /**
     * The activity's booking and free-cancellation deadlines in words, to plan against before booking ("Réservation au
     * plus tard la veille, 23h59 ; annulation sans frais au plus tard 2 jours avant, 18h00."); null when none is shown.
     */
    public fr.portailfamille.problems.Message getDeadlines() {
        use();
        if (activities == null || activite == null) {
            return null;
        }
        // asked twice by the page (whether to show it, then its words): the deadlines parsed once per activity shown
        if (!activite.equals(deadlinesOf) || activities != deadlinesFrom) {
            deadlines = activities.stream().filter(a -> activite.equals(a.getId())).findFirst()
                    .map(a -> fr.portailfamille.problems.Problems.of("planning.deadlines", a.rules().booking().text(),
                            a.rules().cancellation().text()))
                    .orElse(null);
            deadlinesOf = activite;
            deadlinesFrom = activities;
        }
        return deadlines;
    }

    /** {@link #getDeadlines()} of the activity {@link #deadlinesOf} as read in {@link #deadlinesFrom} (never packed). */
    private transient fr.portailfamille.problems.Message deadlines;
    private transient Long deadlinesOf;
    private transient List<Activity> deadlinesFrom;
    public Map<String, Boolean> getWeek() { use(); return week; }
    public LocalDate getWeekFrom() { use(); return weekFrom; }
    public void setWeekFrom(LocalDate v) { use(); weekFrom = v; }
    public LocalDate getWeekTo() { use(); return weekTo; }
    public void setWeekTo(LocalDate v) { use(); weekTo = v; }
    public List<FamilyChild> getChildren() { use(); return children; }
    public List<Activity> getActivities() { use(); return activities; }
    public List<PlanningDay> getDays() { use(); return days; }
    public List<DayOfWeek> getColumns() { use(); return columns; }
    public int getEnfant() { use(); return enfant; }
    public void setEnfant(int enfant) { use(); if (ViewParams.opening()) this.enfant = enfant; }
    public Long getActivite() { use(); return activite; }
    public void setActivite(Long activite) { use(); if (ViewParams.opening()) this.activite = activite; }
    public String getMois() { use(); return mois; }
    public void setMois(String mois) { use(); if (ViewParams.opening()) this.mois = mois; }
}
