package fr.portailfamille.billing.sepa;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Pattern;
import org.iban4j.BicUtil;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

/**
 * The rules of a SEPA direct debit (SDD Core) as the platform applies them: references, checks and dates.
 * Every check returns the message shown next to its field ({@code …Text}: to be read in any language, bundle
 * {@code problems}, {@code billing.sepa.*}; else in French), or {@code null} when the value is right.
 */
public final class SepaRules {

    /** FRST: a mandate's first collection; RCUR: the following ones. */
    public enum Sequence { FRST, RCUR }

    /** The characters the SEPA schemes accept in references (EPC restricted Latin set). */
    private static final Pattern SEPA_TEXT = Pattern.compile("[A-Za-z0-9/\\-?:().,'+ ]*");
    private static final Pattern RUM = Pattern.compile("[A-Za-z0-9/\\-?:().,'+]{1,35}");
    private static final Pattern ICS = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}");

    private SepaRules() {
    }

    /**
     * The mandate's unique reference (RUM): {@code PF-<régie code>-<mandate id on 8 digits>}, e.g.
     * {@code PF-PERISCO-00000042}; at most 35 characters of the SEPA set, stable (from the mandate's id, never
     * reused) and unique for the régie's creditor identifier.
     */
    public static String rum(String regieCode, long mandateId) {
        if (mandateId <= 0 || mandateId > 99_999_999L) {
            throw new IllegalArgumentException("mandate id out of range: " + mandateId);
        }
        String code = regieCode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "-");
        String rum = "PF-" + code + "-" + String.format(Locale.ROOT, "%08d", mandateId);
        if (!isRum(rum)) {
            throw new IllegalArgumentException("not a RUM: " + rum);
        }
        return rum;
    }

    /** Whether {@code value} is a valid mandate reference: 1 to 35 characters of the SEPA set, no space. */
    public static boolean isRum(String value) {
        return value != null && RUM.matcher(value).matches();
    }

    /** {@code FRST} when the mandate was never collected (a rejected first debit does not count), else {@code RCUR}. */
    public static Sequence sequence(boolean collectedBefore) {
        return collectedBefore ? Sequence.RCUR : Sequence.FRST;
    }

    /**
     * Days between the invoice (its mail is the SEPA pre-notification: amount and date) and its debit at least: the SEPA
     * Core rulebook's 14 calendar days, no shorter delay being agreed in the mandate.
     */
    public static final int PRE_NOTIFICATION_DAYS = 14;

    /**
     * The day an invoice issued on {@code invoiceDate} is debited: day {@code debitDay} (1 to 28) of the following
     * month, or of the month after when that comes less than {@value #PRE_NOTIFICATION_DAYS} days after the invoice
     * (issued on 25 November with debit day 1: 1 January, not 1 December).
     */
    public static LocalDate dueDate(LocalDate invoiceDate, int debitDay) {
        if (debitDay < 1 || debitDay > 28) {
            throw new IllegalArgumentException("debit day must be 1-28: " + debitDay);
        }
        LocalDate next = YearMonth.from(invoiceDate).plusMonths(1).atDay(debitDay);
        return next.isBefore(invoiceDate.plusDays(PRE_NOTIFICATION_DAYS)) ? next.plusMonths(1) : next;
    }

    /**
     * The collection date asked of the bank in a file made on {@code today}: the due date, or the day after
     * {@code today} when the due date is no longer ahead (a bank refuses a date in the past).
     */
    public static LocalDate collectionDate(LocalDate dueDate, LocalDate today) {
        return dueDate.isAfter(today) ? dueDate : today.plusDays(1);
    }

    /** The IBAN without spaces, in capitals ({@code null} for a blank value). */
    public static String normalizeIban(String iban) {
        if (iban == null || iban.isBlank()) {
            return null;
        }
        return iban.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /**
     * What is wrong with an IBAN (checked by iban4j: country, length, format, key), to be read in any language, or
     * {@code null}.
     */
    public static Message ibanProblem(String iban) {
        String value = normalizeIban(iban);
        if (value == null) {
            return Problems.of("billing.sepa.iban.required");
        }
        if (value.length() > 34) {
            return Problems.of("billing.sepa.iban.tooLong");
        }
        try {
            IbanUtil.validate(value);
        } catch (Iban4jException e) {
            return Problems.of("billing.sepa.iban.invalid");
        }
        if (!SepaCountries.isSepa(value.substring(0, 2))) {
            return Problems.of("billing.sepa.iban.notSepa");
        }
        return null;
    }

    /** The BIC without spaces, in capitals ({@code null} for a blank value: the BIC is optional in SEPA). */
    public static String normalizeBic(String bic) {
        if (bic == null || bic.isBlank()) {
            return null;
        }
        return bic.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /**
     * What is wrong with a BIC given beside {@code iban} (checked by iban4j, its country the IBAN's), or
     * {@code null}; a blank BIC is right (IBAN only, as SEPA allows since 2016) unless the IBAN's country is outside
     * the European Economic Area (Switzerland, United Kingdom, Monaco…: the rulebook requires it, a bank would reject the
     * debit, or the whole file). To be read in any language.
     */
    public static Message bicProblem(String bic, String iban) {
        String value = normalizeBic(bic);
        if (value == null) {
            String ibanValue = normalizeIban(iban);
            return ibanValue != null && ibanValue.length() >= 2 && SepaCountries.outsideEea(ibanValue.substring(0, 2))
                    ? Problems.of("billing.sepa.bic.required", ibanValue.substring(0, 2)) : null;
        }
        try {
            BicUtil.validate(value);
        } catch (Iban4jException e) {
            return Problems.of("billing.sepa.bic.invalid");
        }
        String ibanValue = normalizeIban(iban);
        if (ibanValue != null && ibanValue.length() >= 2 && !sameCountry(value.substring(4, 6), ibanValue.substring(0, 2))) {
            return Problems.of("billing.sepa.bic.otherCountry");
        }
        return null;
    }

    /**
     * The territories whose banks hold French IBANs ({@code FR76…}) under a BIC of their own country code: the overseas
     * departments and collectivities (La Réunion's {@code AGRIRERX}, Guadeloupe's {@code AGRIGPGX}…) and Monaco's banks
     * of the French network.
     */
    private static final java.util.Set<String> FRENCH_IBAN_BIC_COUNTRIES = java.util.Set.of("FR", "GF", "GP", "MQ", "RE",
            "YT", "PM", "BL", "MF", "NC", "PF", "WF", "MC");

    private static boolean sameCountry(String bicCountry, String ibanCountry) {
        return bicCountry.equals(ibanCountry) || "FR".equals(ibanCountry) && FRENCH_IBAN_BIC_COUNTRIES.contains(bicCountry);
    }

    /**
     * What is wrong with a creditor identifier (ICS, e.g. {@code FR72ZZZ123456}), or {@code null}: country,
     * two check digits (ISO 7064 mod 97-10 over the national identifier, the country and "00", the creditor
     * business code left out), business code, national identifier. To be read in any language.
     */
    public static Message icsProblem(String ics) {
        String value = ics == null ? "" : ics.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            return Problems.of("billing.sepa.ics.required");
        }
        if (value.length() > 35 || !ICS.matcher(value).matches()) {
            return Problems.of("billing.sepa.ics.format");
        }
        if (!fr.portailfamille.billing.SepaCreditor.isCreditorId(value)) {
            return Problems.of("billing.sepa.ics.key");
        }
        return null;
    }

    /**
     * The two check digits of a creditor identifier of {@code country} and {@code nationalId} (the key
     * {@link fr.portailfamille.billing.SepaCreditor#isCreditorId} checks), e.g. to make one.
     */
    public static String icsCheckDigits(String country, String nationalId) {
        String digits = toDigits(nationalId + country + "00");
        int mod = 0;
        for (char c : digits.toCharArray()) {
            mod = (mod * 10 + (c - '0')) % 97;
        }
        return String.format(Locale.ROOT, "%02d", 98 - mod);
    }

    private static String toDigits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return b.toString();
    }

    /**
     * {@code text} in the SEPA character set (accents dropped, other characters made spaces), cut to
     * {@code max}: names and remittance texts of a pain.008 file.
     */
    public static String sepaText(String text, int max) {
        if (text == null) {
            return "";
        }
        String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('&', '+').replace('_', '-');
        StringBuilder b = new StringBuilder();
        for (char c : plain.toCharArray()) {
            b.append(SEPA_TEXT.matcher(String.valueOf(c)).matches() ? c : ' ');
        }
        String clean = b.toString().replaceAll("\\s+", " ").strip();
        return clean.length() > max ? clean.substring(0, max).strip() : clean;
    }

    /** {@code iban} shown with only its country, key and last four characters, e.g. {@code FR76 **** **** 0189}. */
    public static String maskIban(String iban) {
        String value = normalizeIban(iban);
        if (value == null) {
            return "";
        }
        if (value.length() < 8) {
            return "****";
        }
        return value.substring(0, 4) + " **** **** " + value.substring(value.length() - 4);
    }

    /** {@code iban} in groups of four, as a RIB prints it. */
    public static String formatIban(String iban) {
        String value = normalizeIban(iban);
        return value == null ? "" : value.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
