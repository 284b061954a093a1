package fr.portailfamille.booking.window;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * When an opening window takes requests: from {@code opensAt} (included) to {@code closesAt} (excluded),
 * in the commune's local time. Inside it, the moment a request arrives changes nothing.
 */
public record WindowPeriod(LocalDateTime opensAt, LocalDateTime closesAt) {

    /** What is wrong with these date-times, to be read in any language, or empty. */
    public static Optional<Message> refusal(LocalDateTime opensAt, LocalDateTime closesAt) {
        if (opensAt == null || closesAt == null) {
            return Optional.of(Problems.of("booking.window.period.required"));
        }
        if (!closesAt.isAfter(opensAt)) {
            return Optional.of(Problems.of("booking.window.period.order"));
        }
        return Optional.empty();
    }

    /** Whether a request made at {@code now} is taken. */
    public boolean takes(LocalDateTime now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /** Whether the window is over at {@code now} (requests can no longer come). */
    public boolean over(LocalDateTime now) {
        return !now.isBefore(closesAt);
    }

    /**
     * Why a request made at {@code now} is refused, to be read in any language (the date-time written as the reader's
     * language writes it), or empty when it is taken.
     */
    public Optional<Message> requestRefusal(LocalDateTime now) {
        if (now.isBefore(opensAt)) {
            return Optional.of(Problems.of("booking.window.notYetOpen", Problems.dateTime("format.window.when", opensAt)));
        }
        if (over(now)) {
            return Optional.of(Problems.of("booking.window.closedSince", Problems.dateTime("format.window.when", closesAt)));
        }
        return Optional.empty();
    }
}
