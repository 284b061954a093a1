package fr.portailfamille.platform.booking.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The month of "Mon planning" laid out as calendar weeks (Monday first) over the given weekday columns:
 * each week a row with one slot per column, {@code null} where the month has no day (before the 1st,
 * after the last) or where the day is missing. Days of other weekdays are left out (a Wednesday-only
 * activity shows one column of Wednesdays, not four columns of "Fermé").
 */
public final class PlanningGrid {

    private PlanningGrid() {
    }

    /**
     * @param days    the month's days in date order
     * @param dayOf   the date of a day
     * @param columns the weekdays shown, in order
     * @return the calendar weeks, each of {@code columns.size()} slots
     */
    public static <T> List<List<T>> weeks(List<T> days, Function<T, LocalDate> dayOf, List<DayOfWeek> columns) {
        List<List<T>> weeks = new ArrayList<>();
        List<T> week = null;
        LocalDate weekStart = null;
        for (T d : days) {
            LocalDate day = dayOf.apply(d);
            int column = columns.indexOf(day.getDayOfWeek());
            if (column < 0) {
                continue;
            }
            LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            if (week == null || !monday.equals(weekStart)) {
                weekStart = monday;
                week = new ArrayList<>(Collections.nCopies(columns.size(), null));
                weeks.add(week);
            }
            week.set(column, d);
        }
        return weeks;
    }

    /** The days shown: those falling on one of the columns' weekdays. */
    public static <T> List<T> shown(List<T> days, Function<T, LocalDate> dayOf, List<DayOfWeek> columns) {
        return days.stream().filter(d -> columns.contains(dayOf.apply(d).getDayOfWeek())).toList();
    }
}
