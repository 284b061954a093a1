package fr.portailfamille.platform.booking.window;

import fr.portailfamille.booking.window.WindowRules;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What an agent sets when opening a window: the activity and its period, when requests are taken (commune's
 * local time), the weights of the criteria, and whether a proof must back the "both parents working" answer.
 */
public record WindowSettings(long activityId, LocalDate periodFrom, LocalDate periodTo, LocalDateTime opensAt,
                             LocalDateTime closesAt, WindowRules rules, boolean proofRequired) {
}
