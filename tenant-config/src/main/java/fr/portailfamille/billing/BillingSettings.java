package fr.portailfamille.billing;

import fr.portailfamille.documents.DocumentExpiry;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The commune's billing settings: its QF brackets, how long a QF proof is valid, and the postcodes of
 * its residents. Lists are unmodifiable copies ({@code null} gives an empty list); values are checked by
 * the configuration rules, not here.
 *
 * @param qfValidityMonths months a QF proof stays valid after its date; {@code null}: proofs never expire
 *     (and an undated proof is accepted)
 * @param residentPostcodes postcodes whose families are residents
 * @param brackets the QF brackets, contiguous from 0, the last one open-ended (in the file's order)
 * @param reminderDays the delays of the reminders (relances) in days after an invoice's due date,
 *     increasing (e.g. 15 and 45); empty: no reminder
 * @param certificateDays how many days after an absent day a family may still send the medical certificate of an
 *     illness declared without one (the day is then excused if an agent accepts it); {@code null}:
 *     {@value #DEFAULT_CERTIFICATE_DAYS}
 */
public record BillingSettings(Integer qfValidityMonths, List<String> residentPostcodes, List<QfBracket> brackets,
        List<Integer> reminderDays, Integer certificateDays) {

    /** The days a family has to send a late medical certificate when the commune did not say. */
    public static final int DEFAULT_CERTIFICATE_DAYS = 7;

    public BillingSettings {
        residentPostcodes = residentPostcodes == null ? List.of() : List.copyOf(residentPostcodes);
        brackets = brackets == null ? List.of() : List.copyOf(brackets);
        reminderDays = reminderDays == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(reminderDays));
    }

    /** Settings with the default delay for a late medical certificate. */
    public BillingSettings(Integer qfValidityMonths, List<String> residentPostcodes, List<QfBracket> brackets,
            List<Integer> reminderDays) {
        this(qfValidityMonths, residentPostcodes, brackets, reminderDays, null);
    }

    /** The days a family has to send a late medical certificate: the commune's, or {@value #DEFAULT_CERTIFICATE_DAYS}. */
    public int lateCertificateDays() {
        return certificateDays == null ? DEFAULT_CERTIFICATE_DAYS : certificateDays;
    }

    /** Settings without reminders. */
    public BillingSettings(Integer qfValidityMonths, List<String> residentPostcodes, List<QfBracket> brackets) {
        this(qfValidityMonths, residentPostcodes, brackets, List.of());
    }

    /** No brackets, no expiry, no resident postcode. */
    public static BillingSettings none() {
        return new BillingSettings(null, List.of(), List.of());
    }

    /** The bracket {@code qf} falls in; empty when none does (brackets not configured). */
    public Optional<QfBracket> bracketOf(int qf) {
        return brackets.stream().filter(b -> b.contains(qf)).findFirst();
    }

    /** The bracket of code {@code code}. */
    public Optional<QfBracket> bracket(String code) {
        return brackets.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    /**
     * Whether a family living at {@code postcode} is resident: the agent's {@code override} when given,
     * otherwise whether the postcode is one of the commune's. A commune that has not listed its postcodes (a new
     * commune's default) has no non-residents: every family pays the resident price until it does.
     */
    public boolean isResident(String postcode, Boolean override) {
        if (override != null) {
            return override;
        }
        if (residentPostcodes.isEmpty()) {
            return true;
        }
        return postcode != null && residentPostcodes.contains(postcode.strip());
    }

    /**
     * The last day a QF proof dated {@code proofDate} is valid, as a "QF" document valid that many months would be
     * ({@link DocumentExpiry#lastDayOf}: a proof of 15/01/2026 valid 12 months is valid through 14/01/2027); empty when
     * proofs never expire.
     */
    public Optional<LocalDate> proofValidUntil(LocalDate proofDate) {
        return qfValidityMonths == null || proofDate == null ? Optional.empty()
                : Optional.of(DocumentExpiry.lastDayOf(proofDate, qfValidityMonths));
    }
}
