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
        this.day = d.day();
        this.cells = d.cells().stream().map(PlanningCell::new).toList();
    }

    public LocalDate getDay() { return day; }
    public List<PlanningCell> getCells() { return cells; }
}
