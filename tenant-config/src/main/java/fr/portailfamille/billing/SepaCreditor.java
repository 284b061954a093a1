package fr.portailfamille.billing;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a régie needs to collect invoices by SEPA direct debit: its creditor identifier (ICS, "identifiant
 * créancier SEPA", e.g. {@code FR72ZZZ123456}), the name and account debits are credited to, and the day of the
 * month debits fall on.
 *
 * @param creditorId the ICS: country, two check digits, a three-character business code, the national identifier
 * @param name the creditor's name as debtors' banks show it (70 characters at most)
 * @param iban the account credited
 * @param bic the bank of that account
 * @param debitDay 1 to 28: the day of the month, after the invoice's date, its debit falls on
 */
public record SepaCreditor(String creditorId, String name, String iban, String bic, int debitDay) {

    private static final Pattern CREDITOR_ID = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}");

    /**
     * Whether {@code id} is a well-formed SEPA creditor identifier whose check digits are right: ISO 7064
     * MOD 97-10 over the national identifier, then the country code and {@code 00}, letters as numbers
     * (A = 10 … Z = 35); the business code is not part of the check.
     */
    public static boolean isCreditorId(String id) {
        if (id == null || !CREDITOR_ID.matcher(id).matches()) {
            return false;
        }
        String check = id.substring(7) + id.substring(0, 2) + "00";
        StringBuilder digits = new StringBuilder();
        for (char c : check.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int expected = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return Integer.parseInt(id.substring(2, 4)) == expected;
    }

    /** {@code text} without spaces, in capitals ({@code null} stays {@code null}): how identifiers are kept. */
    public static String compact(String text) {
        return text == null ? null : text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
