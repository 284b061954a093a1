package fr.portailfamille.platform.mail;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * When a mail the SMTP server refused is tried again: five minutes after its first failure, then twice as long after
 * each new one, an hour apart at most; given up two days after it was first asked for.
 */
public final class MailRetries {

    static final Duration FIRST = Duration.ofMinutes(5);
    static final Duration LONGEST = Duration.ofHours(1);
    static final Duration GIVE_UP_AFTER = Duration.ofDays(2);

    /**
     * How long a mail written to the outbox is left to the sender of the server whose transaction asked for it before
     * any replica's retry job sends it (that server died with it in its queue): longer than the sender takes for a
     * full queue, so that a mail is not sent by both.
     */
    public static final Duration SENDER_LEASE = Duration.ofHours(1);

    private MailRetries() {
    }

    /** The next try after {@code attempts} failed ones, the last at {@code now}. */
    public static OffsetDateTime next(int attempts, OffsetDateTime now) {
        Duration wait = FIRST;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return now.plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
    }

    /** Whether a mail first asked for at {@code createdAt} is given up at {@code now}. */
    public static boolean givenUp(OffsetDateTime createdAt, OffsetDateTime now) {
        return !now.isBefore(createdAt.plus(GIVE_UP_AFTER));
    }
}
