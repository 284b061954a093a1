package fr.portailfamille.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds a unit's days up into weeks (Monday to Sunday), in date order. */
public final class OccupancyWeeks {

    private OccupancyWeeks() {
    }

    public static List<WeekOccupancy> of(List<DayOccupancy> days) {
        Map<LocalDate, int[]> weeks = new TreeMap<>();
        for (DayOccupancy d : days) {
            int[] w = weeks.computeIfAbsent(d.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    k -> new int[5]);
            w[0]++;
            w[1] += d.capacity();
            w[2] += d.taken();
            w[3] += d.waiting();
            if (d.taken() >= d.capacity()) {
                w[4]++;
            }
        }
        List<WeekOccupancy> list = new ArrayList<>();
        weeks.forEach((monday, w) -> list.add(new WeekOccupancy(monday, w[0], w[1], w[2], w[3], w[4])));
        return list;
    }
}
