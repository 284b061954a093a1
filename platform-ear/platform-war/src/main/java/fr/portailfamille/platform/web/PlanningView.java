package fr.portailfamille.platform.web;

import fr.portailfamille.booking.BookingDecision;
import fr.portailfamille.booking.CancellationDecision;
import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.platform.booking.ActivityUnit;
import fr.portailfamille.platform.booking.TypicalWeekResult;
import fr.portailfamille.platform.booking.BookingService;
import fr.portailfamille.platform.booking.PlanningDay;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;

/**
 * "Mon planning": a child's month for one activity, each day and unit showing its legend state in
 * words and colour; "Réserver" and "Annuler" act on one unit-day, under the commune's rules.
 * The child is named by its position in the family's own file.
 */
@Named
@ViewScoped
public class PlanningView implements Serializable {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d", Locale.FRENCH);
    /** The legend (labels and colours); per-commune legends come with the configuration screens. */
    private static final Legend LEGEND = Legend.defaults();
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    @Inject
    transient BookingService bookings;

    @Inject
    transient FamilyFileService files;

    @Inject
    transient UserView user;

    private int enfant = 1;
    private Long activite;
    private String mois;
    private List<FamilyForm.ChildForm> children;
    private List<Activity> activities;
    private List<PlanningDay> days;
    private boolean validated;
    private List<ActivityUnit> units;
    /** Semaine type: "MONDAY|12" → ticked. */
    private final Map<String, Boolean> week = new HashMap<>();
    private LocalDate weekFrom;
    private LocalDate weekTo;

    public void load() {
        validated = files.fileOf(user.require()).getStatus() == FamilyStatus.VALIDATED;
        children = files.formOf(user.require()).getChildren();
        activities = bookings.activities();
        if (activite == null && !activities.isEmpty()) {
            activite = activities.get(0).getId();
        }
        units = activite == null ? List.of() : bookings.unitsOf(activite);
        refresh();
    }

    private void refresh() {
        FamilyForm.ChildForm child = getChild();
        days = !validated || child == null || child.getId() == null || activite == null ? List.of()
                : bookings.planning(user.require(), child.getId(), activite, getMonth());
    }

    public void book(long unitId, LocalDate day) {
        try {
            BookingDecision d = bookings.book(user.require(), getChild().getId(), unitId, day);
            message(d.outcome() == BookingDecision.Outcome.REFUSED ? FacesMessage.SEVERITY_ERROR : FacesMessage.SEVERITY_INFO,
                    d.message());
        } catch (BookingService.BookingRefused e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        refresh();
    }

    public void cancel(long bookingId) {
        try {
            CancellationDecision d = bookings.cancel(user.require(), bookingId);
            message(d.outcome() == CancellationDecision.Outcome.REFUSED ? FacesMessage.SEVERITY_ERROR
                    : FacesMessage.SEVERITY_INFO, d.message());
        } catch (BookingService.BookingRefused e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        refresh();
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
        } catch (BookingService.BookingRefused e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        refresh();
    }

    public List<DayOfWeek> getWeekdays() {
        return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    public String weekdayLabel(DayOfWeek d) {
        String s = d.getDisplayName(java.time.format.TextStyle.FULL, Locale.FRENCH);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
        return MONTH.format(getMonth());
    }

    public String getPrevious() {
        return getMonth().minusMonths(1).toString();
    }

    public String getNext() {
        return getMonth().plusMonths(1).toString();
    }

    public String dayLabel(LocalDate day) {
        return DAY.format(day);
    }

    /** The commune's label of a legend state (EL 5 cannot read record components). */
    public String label(DayState state) {
        return LEGEND.entry(state).label();
    }

    /** The commune's colours of a legend state, as an inline style. */
    public String style(DayState state) {
        Legend.LegendEntry e = LEGEND.entry(state);
        return "background: " + e.background() + "; color: " + e.text();
    }

    public List<DayState> getStates() {
        return List.of(DayState.values());
    }

    public FamilyForm.ChildForm getChild() {
        return children != null && enfant >= 1 && enfant <= children.size() ? children.get(enfant - 1) : null;
    }

    public boolean isValidated() { return validated; }
    public List<ActivityUnit> getUnits() { return units; }
    public Map<String, Boolean> getWeek() { return week; }
    public LocalDate getWeekFrom() { return weekFrom; }
    public void setWeekFrom(LocalDate v) { weekFrom = v; }
    public LocalDate getWeekTo() { return weekTo; }
    public void setWeekTo(LocalDate v) { weekTo = v; }
    public List<FamilyForm.ChildForm> getChildren() { return children; }
    public List<Activity> getActivities() { return activities; }
    public List<PlanningDay> getDays() { return days; }
    public int getEnfant() { return enfant; }
    public void setEnfant(int enfant) { this.enfant = enfant; }
    public Long getActivite() { return activite; }
    public void setActivite(Long activite) { this.activite = activite; }
    public String getMois() { return mois; }
    public void setMois(String mois) { this.mois = mois; }
}
