package fr.portailfamille.platform.booking;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** A day of a child's month planning, with one cell per unit of the activity (getters for EL 5 pages). */
public final class PlanningDay implements Serializable {

    private final LocalDate day;
    private final List<PlanningCell> cells;

    public PlanningDay(LocalDate day, List<PlanningCell> cells) {
        this.day = day;
        this.cells = List.copyOf(cells);
    }

    public LocalDate getDay() { return day; }
    public List<PlanningCell> getCells() { return cells; }
}
