package fr.portailfamille.documents;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * When a validated document is expired, expiring (announced on Accueil and mailed
 * {@value #NOTICE_DAYS} days before), or plainly valid.
 */
public final class DocumentExpiry {

    /** Days before its expiry a document is announced as expiring. */
    public static final int NOTICE_DAYS = 30;

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private DocumentExpiry() {
    }

    /**
     * The last day of {@code months} months from {@code issued}: the day before the same day of the month, or, when that
     * month is too short for it (30 November + 3 months, 29 February + 12), its last day itself. A document "valid 12
     * months" and a QF proof valid 12 months (the tariffs) end on the same day.
     */
    public static LocalDate lastDayOf(LocalDate issued, int months) {
        LocalDate same = issued.plusMonths(months);
        return same.getDayOfMonth() != issued.getDayOfMonth() ? same : same.minusDays(1);
    }

    /** Whether a document valid until {@code expiresOn} (null: never expires) is expired on {@code today}. */
    public static boolean expired(LocalDate expiresOn, LocalDate today) {
        return expiresOn != null && expiresOn.isBefore(today);
    }

    /** Whether it is still valid on {@code today} but expires within {@value #NOTICE_DAYS} days. */
    public static boolean expiring(LocalDate expiresOn, LocalDate today) {
        return expiresOn != null && !expired(expiresOn, today) && !expiresOn.isAfter(today.plusDays(NOTICE_DAYS));
    }

    /** Whether it may be used on {@code today} (reused by a registration). */
    public static boolean valid(LocalDate expiresOn, LocalDate today) {
        return !expired(expiresOn, today);
    }

    /**
     * The family's notice in French (its mail): "Votre attestation d'assurance scolaire (Léa) expire le 31/08/2027."
     * ({@code child}: the child's first name, or {@code null} for a document of the family).
     */
    public static String notice(String label, String child, LocalDate expiresOn, LocalDate today) {
        return text(label, child, expiresOn, today).french();
    }

    /**
     * The family's notice, to be read in the reader's language: "Votre attestation d'assurance scolaire (Léa) expire le
     * 31/08/2027." or "… a expiré le … : envoyez-en une nouvelle version." ({@code child}: the child's first name, or
     * {@code null} for a document of the family).
     */
    public static Message text(String label, String child, LocalDate expiresOn, LocalDate today) {
        // "attestation d'assurance" in the sentence, an acronym as it is ("Votre RIB", not "Votre rIB")
        boolean acronym = label.length() > 1 && Character.isUpperCase(label.charAt(1));
        String what = label.isEmpty() || acronym ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
        String whose = child == null || child.isBlank() ? "" : " (" + child + ")";
        return Problems.of(expired(expiresOn, today) ? "documents.notice.expired" : "documents.notice.expiring", what, whose,
                Problems.dateTime("format.date", expiresOn));
    }
}
