package fr.portailfamille.platform.family.validation;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * French input rules for the family file, as pure static functions (no dependencies, no clock:
 * "today" is always passed in). Every {@code isX} method returns {@code false} for {@code null};
 * the Bean Validation constraints of this package are the ones that treat null/blank as valid.
 */
public final class FrenchFormats {

    /** Lowest and highest accepted quotient familial (euros). */
    public static final int QF_MIN = 0;
    public static final int QF_MAX = 10_000;

    /** Age bounds (in full years) for a child and for an adult responsible of the household. */
    public static final int CHILD_MAX_AGE_EXCLUSIVE = 18;
    public static final int ADULT_MIN_AGE = 16;
    public static final int ADULT_MAX_AGE = 120;

    private static final int EMAIL_MAX_LENGTH = 254;
    private static final int EMAIL_LOCAL_MAX_LENGTH = 64;
    private static final int DNS_LABEL_MAX_LENGTH = 63;

    private static final int IBAN_MIN_LENGTH = 15;
    private static final int IBAN_MAX_LENGTH = 34;

    /** IBAN total lengths per country (ISO 13616 registry), SEPA area and neighbours. */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22),
            Map.entry("CH", 21), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22),
            Map.entry("DK", 18), Map.entry("EE", 20), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23), Map.entry("GR", 27),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MT", 31), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25), Map.entry("RO", 24),
            Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
            Map.entry("VA", 22));

    private FrenchFormats() {
    }

    // ------------------------------------------------------------------------------------------
    // Telephone
    // ------------------------------------------------------------------------------------------

    /**
     * Normalises a French telephone number to its national form {@code "06 12 34 56 78"}.
     *
     * <p>Accepted writings: {@code 0612345678}, {@code 06 12 34 56 78}, {@code 06.12.34.56.78},
     * {@code 06-12-34-56-78}, {@code +33 6 12 34 56 78}, {@code +33612345678},
     * {@code 0033612345678}. A national number is 10 digits: {@code 0} then 1–9 (01–05
     * geographic, 06/07 mobile, 08 special, 09 non-geographic); an international one is
     * {@code +33}/{@code 0033} then 9 digits not starting with 0.
     *
     * @return the canonical national form, or {@code null} if the input is not a valid number
     */
    public static String normalizePhone(String input) {
        if (input == null) {
            return null;
        }
        String compact = stripSeparators(input, " .-\u00A0\u202F\t");
        String national;
        if (compact.startsWith("+33")) {
            national = internationalToNational(compact.substring(3));
        } else if (compact.startsWith("0033")) {
            national = internationalToNational(compact.substring(4));
        } else {
            national = compact;
        }
        if (national == null || national.length() != 10 || !isAsciiDigits(national)
                || national.charAt(0) != '0' || national.charAt(1) == '0') {
            return null;
        }
        StringBuilder out = new StringBuilder(14);
        for (int i = 0; i < 10; i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(national, i, i + 2);
        }
        return out.toString();
    }

    /** {@code true} if the input is a valid French number (see {@link #normalizePhone}). */
    public static boolean isPhone(String input) {
        return normalizePhone(input) != null;
    }

    /** {@code true} if the input is a valid French mobile number (06 or 07). */
    public static boolean isMobile(String input) {
        String normalized = normalizePhone(input);
        return normalized != null && (normalized.startsWith("06") || normalized.startsWith("07"));
    }

    private static String internationalToNational(String subscriber) {
        if (subscriber.length() != 9 || subscriber.charAt(0) == '0') {
            return null;
        }
        return "0" + subscriber;
    }

    // ------------------------------------------------------------------------------------------
    // Postcode
    // ------------------------------------------------------------------------------------------

    /**
     * {@code true} for a French postcode: 5 digits in 01000–95999 (metropolitan France, Corsica
     * included as 20000–20999), 97100–97699 (overseas departments and collectivities) or
     * 98000–98999 (Monaco, Pacific collectivities). Leading and trailing blanks are ignored.
     */
    public static boolean isPostcode(String input) {
        if (input == null) {
            return false;
        }
        String code = input.strip();
        if (code.length() != 5 || !isAsciiDigits(code)) {
            return false;
        }
        int value = Integer.parseInt(code);
        return (value >= 1_000 && value <= 95_999)
                || (value >= 97_100 && value <= 97_699)
                || (value >= 98_000 && value <= 98_999);
    }

    // ------------------------------------------------------------------------------------------
    // IBAN
    // ------------------------------------------------------------------------------------------

    /**
     * Validates an IBAN (ISO 13616) and returns it in its canonical printed form, upper-case in
     * groups of four: {@code "FR76 3000 6000 0112 3456 7890 189"}.
     *
     * <p>Checks: two-letter country code, two check digits (02–98), alphanumeric BBAN, total
     * length of the country (15–34 for a country not in the table), and mod-97 of the rearranged
     * number equal to 1.
     *
     * @return the grouped IBAN, or {@code null} if invalid
     */
    public static String normalizeIban(String input) {
        String iban = compactIban(input);
        if (iban == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(iban.length() + iban.length() / 4);
        for (int i = 0; i < iban.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(iban, i, Math.min(i + 4, iban.length()));
        }
        return out.toString();
    }

    /** {@code true} if the input is a valid IBAN (see {@link #normalizeIban}). */
    public static boolean isIban(String input) {
        return compactIban(input) != null;
    }

    /** The IBAN without separators and upper-cased if it is valid, {@code null} otherwise. */
    static String compactIban(String input) {
        if (input == null) {
            return null;
        }
        String iban = stripWhitespace(input).toUpperCase(Locale.ROOT);
        if (iban.length() < IBAN_MIN_LENGTH || iban.length() > IBAN_MAX_LENGTH) {
            return null;
        }
        if (!isAsciiUpper(iban.charAt(0)) || !isAsciiUpper(iban.charAt(1))
                || !isAsciiDigit(iban.charAt(2)) || !isAsciiDigit(iban.charAt(3))) {
            return null;
        }
        for (int i = 4; i < iban.length(); i++) {
            char c = iban.charAt(i);
            if (!isAsciiDigit(c) && !isAsciiUpper(c)) {
                return null;
            }
        }
        Integer expectedLength = IBAN_LENGTHS.get(iban.substring(0, 2));
        if (expectedLength != null && iban.length() != expectedLength) {
            return null;
        }
        // 00, 01 and 99 are never produced by the algorithm (01 and 98 would pass mod-97 alike).
        int checkDigits = Integer.parseInt(iban.substring(2, 4));
        if (checkDigits < 2 || checkDigits > 98) {
            return null;
        }
        return ibanMod97(iban) == 1 ? iban : null;
    }

    /**
     * ISO 7064 MOD 97-10 of a compact IBAN: first four characters moved to the end, letters
     * replaced by 10–35, computed digit by digit so no big number is needed.
     */
    static int ibanMod97(String compactIban) {
        String rearranged = compactIban.substring(4) + compactIban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (isAsciiDigit(c)) {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return remainder;
    }

    // ------------------------------------------------------------------------------------------
    // E-mail
    // ------------------------------------------------------------------------------------------

    /**
     * Pragmatic e-mail check: no whitespace, exactly one {@code @}, local part of 1–64
     * characters, a domain with at least one dot and no empty label, at most 254 characters.
     */
    public static boolean isEmail(String input) {
        if (input == null || input.isEmpty() || input.length() > EMAIL_MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.isISOControl(c)) {
                return false;
            }
        }
        int at = input.indexOf('@');
        if (at < 0 || input.indexOf('@', at + 1) >= 0) {
            return false;
        }
        String local = input.substring(0, at);
        String domain = input.substring(at + 1);
        if (local.isEmpty() || local.length() > EMAIL_LOCAL_MAX_LENGTH || domain.indexOf('.') < 0
                || !EMAIL_LOCAL.matcher(local).matches()) {
            return false;
        }
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > DNS_LABEL_MAX_LENGTH || !DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The local part as Keycloak's user profile takes it: runs of letters, digits and {@code !#$%&'*+/=?^_`{|}~-}
     * separated by single dots (« claude,martin@… » or « claude..martin@… », accepted here, were refused there and the
     * invitation failed as if Keycloak were down).
     */
    private static final String ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern EMAIL_LOCAL = Pattern.compile(ATOM + "(\\." + ATOM + ")*");

    /** A domain's label: letters, digits and hyphens, not at either end. */
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?");

    // ------------------------------------------------------------------------------------------
    // CAF, quotient familial
    // ------------------------------------------------------------------------------------------

    /** {@code true} for a CAF allocataire number: exactly 7 digits once spaces are removed. */
    public static boolean isCafNumber(String input) {
        if (input == null) {
            return false;
        }
        String number = stripWhitespace(input);
        return number.length() == 7 && isAsciiDigits(number);
    }

    /** {@code true} for a quotient familial between 0 and 10 000 included. */
    public static boolean isQuotientFamilial(Integer qf) {
        return qf != null && qf >= QF_MIN && qf <= QF_MAX;
    }

    // ------------------------------------------------------------------------------------------
    // Birth dates
    // ------------------------------------------------------------------------------------------

    /**
     * {@code true} if {@code birth} is not after {@code today} and the child is under 18 at
     * {@code today}: on the 18th birthday the person is no longer a child. Ages are counted in
     * full years ({@link Period}), so someone born on 29 February turns 18 on 1 March of a
     * non-leap year.
     */
    public static boolean isBirthDateOfChild(LocalDate birth, LocalDate today) {
        if (birth == null || today == null || birth.isAfter(today)) {
            return false;
        }
        return ageInYears(birth, today) < CHILD_MAX_AGE_EXCLUSIVE;
    }

    /**
     * {@code true} if {@code birth} is not after {@code today} and the person is between 16 and
     * 120 full years old at {@code today} (both included).
     */
    public static boolean isBirthDateOfAdult(LocalDate birth, LocalDate today) {
        if (birth == null || today == null || birth.isAfter(today)) {
            return false;
        }
        int age = ageInYears(birth, today);
        return age >= ADULT_MIN_AGE && age <= ADULT_MAX_AGE;
    }

    /** Age in full years at {@code today}; {@code birth} must not be after {@code today}. */
    public static int ageInYears(LocalDate birth, LocalDate today) {
        return Period.between(birth, today).getYears();
    }

    // ------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------

    private static String stripSeparators(String input, String separators) {
        StringBuilder out = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (separators.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String stripWhitespace(String input) {
        StringBuilder out = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAsciiDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
