package fr.portailfamille.platform.family.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrenchFormatsTest {

    /** Independent mod-97 with BigInteger, to cross-check the examples and the chunked version. */
    static boolean mod97IsOne(String iban) {
        String compact = iban.replace(" ", "").toUpperCase();
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.getNumericValue(c)); // '0'..'9' -> 0..9, 'A'..'Z' -> 10..35
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    @Nested
    class Phone {

        @ParameterizedTest
        @ValueSource(strings = {
            "06 12 34 56 78", "06.12.34.56.78", "0612345678", "+33 6 12 34 56 78",
            "+33612345678", "0033612345678", "06-12-34-56-78", " 06 12 34 56 78 ",
            "06\u00A012\u00A034\u00A056\u00A078"})
        void normalisesEveryWritingOfTheSameMobile(String input) {
            assertEquals("06 12 34 56 78", FrenchFormats.normalizePhone(input));
        }

        @Test
        void normalisesLandlinesAndOtherPrefixes() {
            assertEquals("05 55 45 60 00", FrenchFormats.normalizePhone("0555456000"));
            assertEquals("01 23 45 67 89", FrenchFormats.normalizePhone("+33 1 23 45 67 89"));
            assertEquals("09 87 65 43 21", FrenchFormats.normalizePhone("0033 9 87 65 43 21"));
            assertEquals("08 00 12 34 56", FrenchFormats.normalizePhone("08.00.12.34.56"));
            assertEquals("07 00 00 00 01", FrenchFormats.normalizePhone("+33700000001"));
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "", "   ", "061234567", "06123456789", "0012345678", "1612345678", "+330612345678",
            "+3361234567", "+336123456789", "00330612345678", "+44 7911 123456", "06 12 34 56 7a",
            "06/12/34/56/78", "+33 (0)6 12 34 56 78", "٠٦١٢٣٤٥٦٧٨"})
        void rejectsInvalidNumbers(String input) {
            assertNull(FrenchFormats.normalizePhone(input));
            assertFalse(FrenchFormats.isPhone(input));
        }

        @Test
        void nullIsInvalid() {
            assertNull(FrenchFormats.normalizePhone(null));
            assertFalse(FrenchFormats.isPhone(null));
            assertFalse(FrenchFormats.isMobile(null));
        }

        @Test
        void mobilesAre06And07Only() {
            assertTrue(FrenchFormats.isMobile("06 12 34 56 78"));
            assertTrue(FrenchFormats.isMobile("+33 7 12 34 56 78"));
            assertFalse(FrenchFormats.isMobile("05 55 45 60 00"));
            assertFalse(FrenchFormats.isMobile("09 87 65 43 21"));
            assertFalse(FrenchFormats.isMobile("08 00 12 34 56"));
            assertFalse(FrenchFormats.isMobile("0612"));
        }
    }

    @Nested
    class Postcode {

        @ParameterizedTest
        @ValueSource(strings = {
            "87000", "75001", "01000", "95999", "20000", "20090", "20200", "20999", "97100",
            "97400", "97600", "97699", "98000", "98714", "98999", " 87000 "})
        void acceptsMetropolitanCorsicanAndOverseas(String input) {
            assertTrue(FrenchFormats.isPostcode(input), input);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "00000", "00999", "96000", "96999", "97000", "97099", "97700", "97999", "99000",
            "99999", "8700", "870000", "87 000", "2A000", "8700a", "", "     "})
        void rejectsOutOfRangeOrMalformed(String input) {
            assertFalse(FrenchFormats.isPostcode(input), input);
        }

        @Test
        void nullIsInvalid() {
            assertFalse(FrenchFormats.isPostcode(null));
        }
    }

    @Nested
    class IbanTest {

        @ParameterizedTest
        @ValueSource(strings = {
            "FR7630006000011234567890189", "FR1420041010050500013M02606",
            "MC5811222000010123456789030", "DE89370400440532013000", "BE68539007547034",
            "ES9121000418450200051332", "IT60X0542811101000000123456", "LU280019400644750000",
            "CH9300762011623852957", "GB29NWBK60161331926819", "PT50000201231234567890154",
            "NL91ABNA0417164300", "NO9386011117947"})
        void examplesAreValidByIndependentComputation(String iban) {
            assertTrue(mod97IsOne(iban), "test data: " + iban);
            assertTrue(FrenchFormats.isIban(iban), iban);
            assertEquals(1, FrenchFormats.ibanMod97(iban));
        }

        @Test
        void normalisesToGroupsOfFour() {
            assertEquals("FR76 3000 6000 0112 3456 7890 189",
                    FrenchFormats.normalizeIban("FR7630006000011234567890189"));
            assertEquals("FR76 3000 6000 0112 3456 7890 189",
                    FrenchFormats.normalizeIban("  fr76 3000 6000 0112 3456 7890 189 "));
            assertEquals("FR14 2004 1010 0505 0001 3M02 606",
                    FrenchFormats.normalizeIban("fr14 2004 1010 0505 0001 3m02 606"));
            assertEquals("BE68 5390 0754 7034", FrenchFormats.normalizeIban("BE68539007547034"));
            assertEquals("FR76 3000 6000 0112 3456 7890 189",
                    FrenchFormats.normalizeIban("FR76 3000 6000 0112 3456 7890 189"));
        }

        @Test
        void rejectsOneMistypedDigit() {
            String valid = "FR7630006000011234567890189";
            assertTrue(FrenchFormats.isIban(valid));
            // every single-digit substitution in the BBAN must be caught by the mod-97 key
            for (int i = 4; i < valid.length(); i++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d == valid.charAt(i)) {
                        continue;
                    }
                    String typo = valid.substring(0, i) + d + valid.substring(i + 1);
                    assertFalse(FrenchFormats.isIban(typo), typo);
                    assertNull(FrenchFormats.normalizeIban(typo), typo);
                }
            }
            assertFalse(FrenchFormats.isIban("FR7630006000011234567890188"));
            assertFalse(FrenchFormats.isIban("FR7730006000011234567890189"));
        }

        @Test
        void rejectsTwoSwappedDigits() {
            assertFalse(FrenchFormats.isIban("FR7603006000011234567890189"));
        }

        @Test
        void rejectsWrongLengthForKnownCountry() {
            // valid mod-97 but too short for FR (26 chars): built so that the key is right
            String shortFr = withKey("FR", "3000600001123456789018");
            assertTrue(mod97IsOne(shortFr), shortFr);
            assertFalse(FrenchFormats.isIban(shortFr));
            String longDe = withKey("DE", "3704004405320130001");
            assertTrue(mod97IsOne(longDe), longDe);
            assertFalse(FrenchFormats.isIban(longDe));
        }

        @Test
        void unknownCountryUsesGenericLengthBounds() {
            String ok = withKey("XK", "1212012345678906"); // 20 chars, not in the table
            assertTrue(FrenchFormats.isIban(ok), ok);
            String tooShort = withKey("XX", "1234567890"); // 14 chars
            assertFalse(FrenchFormats.isIban(tooShort), tooShort);
            String tooLong = withKey("XX", "1234567890123456789012345678901"); // 35 chars
            assertFalse(FrenchFormats.isIban(tooLong), tooLong);
        }

        @Test
        void rejectsCheckDigits01Or00Or99EvenIfMod97Passes() {
            // 01 and 98 are congruent mod 97: only 98 is a genuine key
            String genuine = "FR9830006000011234567003989";
            String forged = "FR0130006000011234567003989";
            assertTrue(mod97IsOne(genuine));
            assertTrue(mod97IsOne(forged));
            assertTrue(FrenchFormats.isIban(genuine));
            assertFalse(FrenchFormats.isIban(forged));
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "", "FR", "FR76", "7630006000011234567890189FR", "F17630006000011234567890189",
            "FR7A30006000011234567890189", "FR76-3000-6000-0112-3456-7890-189",
            "FR76300060000112345678901É9"})
        void rejectsMalformed(String input) {
            assertFalse(FrenchFormats.isIban(input), input);
        }

        @Test
        void nullIsInvalid() {
            assertFalse(FrenchFormats.isIban(null));
            assertNull(FrenchFormats.normalizeIban(null));
        }

        /** Builds an IBAN with the right key for any country and BBAN (test data only). */
        private String withKey(String country, String bban) {
            String probe = bban + country + "00";
            StringBuilder digits = new StringBuilder();
            for (char c : probe.toCharArray()) {
                digits.append(Character.getNumericValue(c));
            }
            int key = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
            return country + String.format("%02d", key) + bban;
        }
    }

    @Nested
    class Email {

        @ParameterizedTest
        @ValueSource(strings = {
            "marie.dupont@example.fr", "jean-pierre+ecole@mairie-limoges.fr", "a@b.co",
            "élodie@exemple.fr", "x@sub.domain.example.com"})
        void acceptsPlausibleAddresses(String input) {
            assertTrue(FrenchFormats.isEmail(input), input);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "", "marie.dupont", "@example.fr", "marie@", "marie@example", "marie@@example.fr",
            "marie@dupont@example.fr", "marie dupont@example.fr", " marie@example.fr",
            "marie@example.fr ", "marie@.example.fr", "marie@example..fr", "marie@example.fr.",
            "marie@exa\tmple.fr", "claude,martin@mairie.fr", "claude..martin@mairie.fr", ".claude@mairie.fr",
            "claude.@mairie.fr", "claude;martin@mairie.fr", "claude(martin)@mairie.fr", "marie@exa_mple.fr",
            "marie@-example.fr"})
        void rejectsImplausibleAddresses(String input) {
            assertFalse(FrenchFormats.isEmail(input), input);
        }

        @Test
        void enforcesLengthLimits() {
            String local64 = "a".repeat(64);
            assertTrue(FrenchFormats.isEmail(local64 + "@example.fr"));
            assertFalse(FrenchFormats.isEmail(local64 + "a@example.fr"));
            String label = "d".repeat(60);
            String domain = label + "." + label + "." + label + "." + "d".repeat(50) + ".fr";
            String at254 = "a".repeat(254 - 1 - domain.length()) + "@" + domain;
            assertEquals(254, at254.length());
            assertTrue(FrenchFormats.isEmail(at254));
            assertFalse(FrenchFormats.isEmail("a" + at254));
            assertFalse(FrenchFormats.isEmail("a@" + "d".repeat(64) + ".fr"));
        }

        @Test
        void nullIsInvalid() {
            assertFalse(FrenchFormats.isEmail(null));
        }
    }

    @Nested
    class CafAndQuotient {

        @ParameterizedTest
        @ValueSource(strings = {"1234567", "0012345", "123 45 67", " 1234567 "})
        void acceptsSevenDigits(String input) {
            assertTrue(FrenchFormats.isCafNumber(input), input);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "123456", "12345678", "123456A", "A123456", "123-4567"})
        void rejectsOtherShapes(String input) {
            assertFalse(FrenchFormats.isCafNumber(input), input);
        }

        @Test
        void cafNullIsInvalid() {
            assertFalse(FrenchFormats.isCafNumber(null));
        }

        @Test
        void quotientFamilialBounds() {
            assertTrue(FrenchFormats.isQuotientFamilial(0));
            assertTrue(FrenchFormats.isQuotientFamilial(650));
            assertTrue(FrenchFormats.isQuotientFamilial(10_000));
            assertFalse(FrenchFormats.isQuotientFamilial(-1));
            assertFalse(FrenchFormats.isQuotientFamilial(10_001));
            assertFalse(FrenchFormats.isQuotientFamilial(null));
        }
    }

    @Nested
    class BirthDates {

        private final LocalDate today = LocalDate.of(2025, 6, 15);

        @Test
        void childOnEighteenthBirthdayIsNoLongerAChild() {
            assertFalse(FrenchFormats.isBirthDateOfChild(LocalDate.of(2007, 6, 15), today));
            assertTrue(FrenchFormats.isBirthDateOfChild(LocalDate.of(2007, 6, 16), today));
            assertFalse(FrenchFormats.isBirthDateOfChild(LocalDate.of(2007, 6, 14), today));
        }

        @Test
        void childBornTodayIsValidButNotTomorrow() {
            assertTrue(FrenchFormats.isBirthDateOfChild(today, today));
            assertTrue(FrenchFormats.isBirthDateOfChild(LocalDate.of(2015, 1, 1), today));
            assertFalse(FrenchFormats.isBirthDateOfChild(today.plusDays(1), today));
            assertFalse(FrenchFormats.isBirthDateOfChild(LocalDate.of(2030, 1, 1), today));
        }

        @Test
        void leapDayChildTurnsEighteenOnFirstOfMarch() {
            LocalDate birth = LocalDate.of(2008, 2, 29);
            assertTrue(FrenchFormats.isBirthDateOfChild(birth, LocalDate.of(2026, 2, 28)));
            assertFalse(FrenchFormats.isBirthDateOfChild(birth, LocalDate.of(2026, 3, 1)));
        }

        @Test
        void adultBetweenSixteenAndOneHundredTwenty() {
            assertTrue(FrenchFormats.isBirthDateOfAdult(LocalDate.of(1985, 3, 2), today));
            assertTrue(FrenchFormats.isBirthDateOfAdult(LocalDate.of(2009, 6, 15), today));
            assertFalse(FrenchFormats.isBirthDateOfAdult(LocalDate.of(2009, 6, 16), today));
            assertTrue(FrenchFormats.isBirthDateOfAdult(LocalDate.of(1905, 6, 15), today));
            assertTrue(FrenchFormats.isBirthDateOfAdult(LocalDate.of(1904, 6, 16), today));
            assertFalse(FrenchFormats.isBirthDateOfAdult(LocalDate.of(1904, 6, 15), today));
            assertFalse(FrenchFormats.isBirthDateOfAdult(LocalDate.of(1850, 1, 1), today));
        }

        @Test
        void futureOrMissingDatesAreRejected() {
            assertFalse(FrenchFormats.isBirthDateOfAdult(today.plusDays(1), today));
            assertFalse(FrenchFormats.isBirthDateOfAdult(null, today));
            assertFalse(FrenchFormats.isBirthDateOfAdult(today, null));
            assertFalse(FrenchFormats.isBirthDateOfChild(null, today));
            assertFalse(FrenchFormats.isBirthDateOfChild(today, null));
        }

        @Test
        void ageInFullYears() {
            assertEquals(17, FrenchFormats.ageInYears(LocalDate.of(2007, 6, 16), today));
            assertEquals(18, FrenchFormats.ageInYears(LocalDate.of(2007, 6, 15), today));
            assertEquals(0, FrenchFormats.ageInYears(today, today));
        }
    }
}
