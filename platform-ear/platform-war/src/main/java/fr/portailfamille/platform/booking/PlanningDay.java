package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.MonthPlan;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** A day of a child's month planning ({@link MonthPlan.Day}), with getters for EL 5 pages. */
public final class PlanningDay implements Serializable {

    private final LocalDate day;
    private final List<PlanningCell> cells;

    PlanningDay(MonthPlan.Day d) {
        this(d, List.of());
    }

    /** @param windows the activity's unpublished opening windows: a {@code SUR_DEMANDE} cell links to its own */
    PlanningDay(MonthPlan.Day d, List<WindowSpan> windows) {
        this.day = d.day();
        WindowSpan window = windows.stream().filter(w -> w.covers(d.day())).findFirst().orElse(null);
        this.cells = d.cells().stream().map(c -> new PlanningCell(c,
                c.state() == fr.portailfamille.booking.DayState.SUR_DEMANDE ? window : null)).toList();
    }

    public LocalDate getDay() { return day; }
    public List<PlanningCell> getCells() { return cells; }
}
