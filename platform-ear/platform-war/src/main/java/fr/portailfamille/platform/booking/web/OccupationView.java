package fr.portailfamille.platform.booking.web;

import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.platform.booking.ActivityUnit;
import fr.portailfamille.platform.booking.ActivityCatalog;
import fr.portailfamille.platform.booking.DayOccupancy;
import fr.portailfamille.platform.booking.OccupancyQueries;
import fr.portailfamille.platform.booking.OccupancyWeeks;
import fr.portailfamille.platform.booking.WeekOccupancy;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.web.ViewParams;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Occupancy of a unit over a period ({@code agent/occupation.xhtml}): per day or per week, seats taken
 * out of the capacity, waiting list, how full (bar and colour), and a Chart.js bar chart
 * ({@code p:chart}); the attendance of the period can be exported (CSV, XLSX).
 */
@Named
@ViewScoped
public class OccupationView implements Serializable {

    @Inject
    ActivityCatalog bookings;

    @Inject
    OccupancyQueries queries;

    @Inject
    UserView user;

    private Long unite;
    private String du;
    private String au;
    private String duError;
    private String auError;
    private String vue;
    private List<Activity> activities;
    private final List<ActivityUnit> units = new ArrayList<>();
    private List<DayOccupancy> days = List.of();
    private List<WeekOccupancy> weeks = List.of();

    public void load() {
        activities = bookings.activities();
        units.clear();
        for (Activity a : activities) {
            units.addAll(bookings.unitsOf(a.getId()));
        }
        if (unite == null && !units.isEmpty()) {
            unite = units.get(0).getId();
        }
        if (unite == null) {
            return;
        }
        // a date typed that cannot be read is said beside its field (the period shown falls back to the default)
        duError = unreadable(du) ? Texts.of("agent.occupation.date.invalid") : null;
        auError = unreadable(au) ? Texts.of("agent.occupation.date.invalid") : null;
        try {
            days = queries.daily(user.require(), unite, getFrom(), getTo());
            weeks = OccupancyWeeks.of(days);
        } catch (Refused e) {
            if ("du".equals(e.field())) {
                duError = Texts.of(e);
            } else if ("au".equals(e.field())) {
                auError = Texts.of(e);
            } else {
                FacesContext.getCurrentInstance().addMessage(null,
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.of(e), Texts.of(e)));
            }
        }
    }

    private static boolean unreadable(String v) {
        return v != null && !v.isBlank() && parse(v) == null;
    }

    /** Why the first day cannot be used (beside its field), or {@code null}. */
    public String getDuError() {
        return duError;
    }

    /** Why the last day cannot be used (beside its field), or {@code null}. */
    public String getAuError() {
        return auError;
    }

    /** First day shown: the given one, else Monday of this week. */
    public LocalDate getFrom() {
        LocalDate d = parse(du);
        return d != null ? d : PlatformTime.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Last day shown: the given one, else four weeks after the first day. */
    public LocalDate getTo() {
        LocalDate d = parse(au);
        return d != null ? d : getFrom().plusWeeks(4).minusDays(1);
    }

    public boolean isWeekly() {
        return "semaine".equals(vue);
    }

    public ActivityUnit getUnit() {
        return units.stream().filter(u -> u.getId().equals(unite)).findFirst().orElse(null);
    }

    /** The Chart.js configuration of the chart: seats taken and waiting list as bars, capacity as a line. */
    public String getChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder taken = Json.createArrayBuilder();
        JsonArrayBuilder waiting = Json.createArrayBuilder();
        JsonArrayBuilder capacity = Json.createArrayBuilder();
        if (isWeekly()) {
            for (WeekOccupancy w : weeks) {
                labels.add(Texts.of("agent.occupation.chart.week",
                        w.monday().format(DateTimeFormatter.ofPattern("dd/MM"))));
                taken.add(w.taken());
                waiting.add(w.waiting());
                capacity.add(w.capacity());
            }
        } else {
            DateTimeFormatter shortDay = DateTimeFormatter.ofPattern("EEE dd/MM", PlanningLabels.locale());
            for (DayOccupancy d : days) {
                labels.add(d.day().format(shortDay));
                taken.add(d.taken());
                waiting.add(d.waiting());
                capacity.add(d.capacity());
            }
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("label", Texts.of("agent.occupation.chart.taken"))
                                        .add("data", taken)
                                        .add("backgroundColor", "#1d4f91"))
                                .add(Json.createObjectBuilder().add("label", Texts.of("agent.occupation.chart.waiting"))
                                        .add("data", waiting)
                                        .add("backgroundColor", "#b45309"))
                                .add(Json.createObjectBuilder().add("label", Texts.of("agent.occupation.chart.capacity"))
                                        .add("type", "line")
                                        .add("data", capacity).add("borderColor", "#222222")
                                        .add("backgroundColor", "#222222").add("pointRadius", 0))))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true).add("maintainAspectRatio", false).add("animation", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                                .add("beginAtZero", true).add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }

    public String dayLabel(LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", PlanningLabels.locale()));
    }

    public String weekLabel(WeekOccupancy w) {
        return Texts.of("agent.occupation.week.label",
                w.monday().format(DateTimeFormatter.ofPattern("d MMMM yyyy", PlanningLabels.locale())));
    }

    private static LocalDate parse(String v) {
        try {
            return v == null || v.isBlank() ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public List<Activity> getActivities() { return activities; }
    public List<ActivityUnit> unitsOf(Activity a) {
        return units.stream().filter(u -> u.getActivity().getId().equals(a.getId())).toList();
    }
    public List<DayOccupancy> getDays() { return days; }
    public List<WeekOccupancy> getWeeks() { return weeks; }
    public Long getUnite() { return unite; }
    public void setUnite(Long v) { if (ViewParams.opening()) unite = v; }
    public String getDu() { return du; }
    public void setDu(String v) { if (ViewParams.opening()) du = v; }
    public String getAu() { return au; }
    public void setAu(String v) { if (ViewParams.opening()) au = v; }
    public String getVue() { return vue; }
    public void setVue(String v) { if (ViewParams.opening()) vue = v; }
}
