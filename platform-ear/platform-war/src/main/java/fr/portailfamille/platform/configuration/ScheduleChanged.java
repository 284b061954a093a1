package fr.portailfamille.platform.configuration;

import fr.portailfamille.configuration.CommuneConfiguration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A configuration save that changed when the accueils run — the school years or holidays, an activity's running in the
 * holidays, its last day, a unit's weekdays —, fired in the save's transaction after it is written, so that what
 * families booked on days that no longer run is undone with it ({@code booking.ClosedDays}), as added closures are
 * ({@link ClosuresAdded}).
 */
public record ScheduleChanged() {

    /** Whether the days the accueils run may differ between {@code before} and {@code after}. */
    public static boolean between(CommuneConfiguration before, CommuneConfiguration after) {
        return !Objects.equals(before.zone(), after.zone()) || !Objects.equals(before.periods(), after.periods())
                || !schedule(before).equals(schedule(after));
    }

    /** Per activity: its type, whether it runs in the holidays, its last day, and per unit its weekdays. */
    private static Map<String, List<Object>> schedule(CommuneConfiguration c) {
        return c.activities().stream().collect(Collectors.toMap(CommuneConfiguration.Activity::code,
                a -> List.of(String.valueOf(a.type()), a.runsInHolidays(), String.valueOf(a.lastDay()), a.units().stream()
                        .collect(Collectors.toMap(CommuneConfiguration.Unit::code, u -> List.copyOf(u.weekdays()), (x, y) -> x))),
                (x, y) -> x));
    }
}
