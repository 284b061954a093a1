package fr.portailfamille.platform.configuration;

import java.time.LocalDate;
import java.util.Map;

/**
 * Closure days a configuration save added (Calendrier, a configuration file), fired in the save's transaction so that
 * what was booked on them is undone with it ({@code booking.ClosedDays}).
 *
 * @param days each day added, with its label ("Grève", "Pont de l'Ascension")
 */
public record ClosuresAdded(Map<LocalDate, String> days) {

    public ClosuresAdded {
        days = Map.copyOf(days);
    }
}
