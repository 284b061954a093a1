package fr.portailfamille.retention;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * The durations after which the platform deletes personal data that has served its purpose (RGPD, art. 5-1-e: kept no
 * longer than needed), the nightly purge's rules:
 * <ul>
 * <li>a document the service refused (family documents), and the files sent with a registration the service refused
 * or the family withdrew, and a change request refused or withdrawn (the values it proposed: health, bank details): of
 * no use once the family was told why — deleted {@link #refusedDocument} after the decision;</li>
 * <li>a validated document past its expiry (the family was warned before, and asked for a new one): deleted
 * {@link #expiredDocument} after it expired;</li>
 * <li>a medical certificate of an absence (health data), once reviewed or no longer awaiting a review (its day
 * closed): its file erased {@link #absenceCertificate} after the absence's day (the decision, the reason and the
 * file's name stay with the absence);</li>
 * <li>a conversation with the town hall without a message for {@link #quietThread}: deleted with its messages and
 * their attachments, whichever side had put it away;</li>
 * <li>the journals of who did what on a family's file and on the agents' accounts (health reads included), and the
 * change requests accepted (the values they replaced): {@link #journal}.</li>
 * </ul>
 * Invoices, payments and the régie's journal are accounting records, kept as the public accounting rules say, and are
 * not purged here; neither are a family's file and its children while the family is registered.
 */
public record Retention(Period refusedDocument, Period expiredDocument, Period absenceCertificate, Period quietThread,
                        Period journal) {

    /** The platform's durations. */
    public static final Retention DEFAULT = new Retention(Period.ofMonths(3), Period.ofYears(1), Period.ofYears(1),
            Period.ofYears(3), Period.ofYears(3));

    public Retention {
        for (Period p : new Period[] {refusedDocument, expiredDocument, absenceCertificate, quietThread, journal}) {
            Objects.requireNonNull(p, "period");
            if (p.isNegative() || p.isZero()) {
                throw new IllegalArgumentException("a retention period must be positive: " + p);
            }
        }
    }

    /** The days before which each kind of data goes, on {@code today}. */
    public Cutoffs cutoffs(LocalDate today) {
        return new Cutoffs(today.minus(refusedDocument), today.minus(expiredDocument), today.minus(absenceCertificate),
                today.minus(quietThread), today.minus(journal));
    }

    /**
     * The first day kept of each kind: a refusal, an expiry, an absence's day, a last message, a journal entry of an
     * earlier day goes.
     */
    public record Cutoffs(LocalDate refusedBefore, LocalDate expiredBefore, LocalDate certificateDayBefore,
                          LocalDate quietBefore, LocalDate journalBefore) {
    }
}
