package fr.portailfamille.billing.sepa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SepaRulesTest {

    @Test
    void rumIsStableUniquePerMandateAndInTheSepaSet() {
        assertEquals("PF-PERISCO-00000042", SepaRules.rum("PERISCO", 42));
        assertEquals(SepaRules.rum("PERISCO", 42), SepaRules.rum("PERISCO", 42));
        assertFalse(SepaRules.rum("PERISCO", 42).equals(SepaRules.rum("PERISCO", 43)));
        // an underscore is not in the SEPA set: made a hyphen; the longest régie code still fits in 35 characters
        assertEquals("PF-ALSH-ETE-00000007", SepaRules.rum("ALSH_ETE", 7));
        String longest = SepaRules.rum("ABCDEFGHIJKLMNOPQRST", 99_999_999L);
        assertTrue(longest.length() <= 35 && SepaRules.isRum(longest), longest);
        assertThrows(IllegalArgumentException.class, () -> SepaRules.rum("X", 0));
        assertFalse(SepaRules.isRum("PF ESPACE"));
        assertFalse(SepaRules.isRum("x".repeat(36)));
    }

    @Test
    void firstCollectionIsFrstThenRcur() {
        assertEquals(SepaRules.Sequence.FRST, SepaRules.sequence(false));
        assertEquals(SepaRules.Sequence.RCUR, SepaRules.sequence(true));
    }

    @Test
    void dueDateIsTheDebitDayOfTheFollowingMonth() {
        assertEquals(LocalDate.of(2026, 11, 10), SepaRules.dueDate(LocalDate.of(2026, 10, 27), 10), "14 days: announced in time");
        assertEquals(LocalDate.of(2027, 1, 5), SepaRules.dueDate(LocalDate.of(2026, 12, 2), 5));
        assertEquals(LocalDate.of(2027, 2, 28), SepaRules.dueDate(LocalDate.of(2027, 1, 31), 28));
        // less than 14 days between the invoice (the pre-notification) and the debit day: the month after
        assertEquals(LocalDate.of(2026, 12, 10), SepaRules.dueDate(LocalDate.of(2026, 10, 31), 10));
        assertEquals(LocalDate.of(2027, 1, 1), SepaRules.dueDate(LocalDate.of(2026, 11, 25), 1));
        assertEquals(LocalDate.of(2026, 12, 9), SepaRules.dueDate(LocalDate.of(2026, 11, 25), 9), "exactly 14 days");
        assertThrows(IllegalArgumentException.class, () -> SepaRules.dueDate(LocalDate.of(2026, 1, 1), 29));
        assertThrows(IllegalArgumentException.class, () -> SepaRules.dueDate(LocalDate.of(2026, 1, 1), 0));
        // a due date already past when the file is made: the next day
        assertEquals(LocalDate.of(2026, 11, 10), SepaRules.collectionDate(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 2)));
        assertEquals(LocalDate.of(2026, 11, 13), SepaRules.collectionDate(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 12)));
        assertEquals(LocalDate.of(2026, 11, 11), SepaRules.collectionDate(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 10)));
    }

    @Test
    void ibanIsCheckedByIban4jWithAFrenchMessage() {
        assertNull(SepaRules.ibanProblem("FR76 3000 6000 0112 3456 7890 189"));
        assertNull(SepaRules.ibanProblem("de89370400440532013000"));
        assertEquals("FR7630006000011234567890189", SepaRules.normalizeIban(" fr76 3000 6000 0112 3456 7890 189 "));
        // a wrong key, a wrong length, nothing
        assertTrue(SepaRules.ibanProblem("FR76 3000 6000 0112 3456 7890 188").french().contains("clé de contrôle"));
        assertNotNull(SepaRules.ibanProblem("FR76 3000 6000"));
        assertEquals("Indiquez l'IBAN du compte à débiter.", SepaRules.ibanProblem("  ").french());
        assertNotNull(SepaRules.ibanProblem("FR76" + "1".repeat(40)));
    }

    @Test
    void bicIsOptionalCheckedAndOfTheIbansCountry() {
        assertNull(SepaRules.bicProblem(null, "FR7630006000011234567890189"));
        assertNull(SepaRules.bicProblem("agrifrpp882", "FR7630006000011234567890189"));
        assertNull(SepaRules.bicProblem("BNPAFRPP", "FR7630006000011234567890189"));
        assertTrue(SepaRules.bicProblem("AGRI", "FR7630006000011234567890189").french().contains("n'est pas valide"));
        assertTrue(SepaRules.bicProblem("DEUTDEFF", "FR7630006000011234567890189").french().contains("même pays"));
        // overseas banks hold French IBANs under their own territory's BIC (La Réunion, Guadeloupe, Martinique)
        assertNull(SepaRules.bicProblem("AGRIRERX", "FR7630006000011234567890189"));
        assertNull(SepaRules.bicProblem("AGRIGPGX", "FR7630006000011234567890189"));
        assertNull(SepaRules.bicProblem("BNPAMQMX", "FR7630006000011234567890189"));
        assertTrue(SepaRules.bicProblem("AGRIRERX", "DE89370400440532013000").french().contains("même pays"));
        // outside the EEA (a cross-border worker near Geneva, a Monaco bank): required, as the rulebook says
        assertTrue(SepaRules.bicProblem(null, "CH9300762011623852957").french().startsWith("Le BIC est obligatoire"));
        assertTrue(SepaRules.bicProblem(" ", "MC5811222000010123456789030").french().contains("IBAN MC"));
        assertNull(SepaRules.bicProblem("UBSWCHZH80A", "CH9300762011623852957"));
        assertNull(SepaRules.bicProblem(null, "DE89370400440532013000"), "inside the EEA: optional");
    }

    @Test
    void theProblemsReadInEnglish() {
        assertEquals("Enter the IBAN of the account to debit.", SepaRules.ibanProblem("  ").in(Locale.ENGLISH));
        assertTrue(SepaRules.bicProblem("DEUTDEFF", "FR7630006000011234567890189").in(Locale.ENGLISH)
                .startsWith("This BIC is not from the same country as the IBAN"));
        assertTrue(SepaRules.icsProblem("DE97ZZZ09999999999").in(Locale.ENGLISH).contains("check digits"));
    }

    @Test
    void icsCheckDigitsAreMod97OverTheNationalIdentifier() {
        // the German test creditor identifier published by the Bundesbank, and a French one computed the same way
        assertNull(SepaRules.icsProblem("DE98ZZZ09999999999"));
        assertEquals("98", SepaRules.icsCheckDigits("DE", "09999999999"));
        String fr = "FR" + SepaRules.icsCheckDigits("FR", "123456") + "ZZZ123456";
        assertNull(SepaRules.icsProblem(fr));
        assertNull(SepaRules.icsProblem(fr.toLowerCase()), "capitals or not");
        // the business code is left out of the key: any code keeps the key
        assertNull(SepaRules.icsProblem(fr.substring(0, 4) + "ABC" + fr.substring(7)));
        assertTrue(SepaRules.icsProblem("DE97ZZZ09999999999").french().contains("clé de contrôle"));
        assertTrue(SepaRules.icsProblem("FR-123").french().contains("forme"));
        assertNotNull(SepaRules.icsProblem(null));
    }

    @Test
    void textsAreMadeSepaSafeAndIbansMasked() {
        assertEquals("Helene Lefevre-Durand", SepaRules.sepaText("Hélène  Lefèvre_Durand", 70));
        assertEquals("Cantine + garderie", SepaRules.sepaText("Cantine & garderie", 70));
        assertEquals("Famille", SepaRules.sepaText("Famille « Martin »", 7));
        assertEquals("FR76 **** **** 0189", SepaRules.maskIban("FR7630006000011234567890189"));
        assertEquals("FR76 3000 6000 0112 3456 7890 189", SepaRules.formatIban("fr7630006000011234567890189"));
    }

    @Test
    void rejectReasonsHaveFrenchLabels() {
        assertEquals("Provision insuffisante (AM04)", RejectReason.label("AM04"));
        assertTrue(RejectReason.label("MD01").startsWith("Pas de mandat valide"));
        assertTrue(RejectReason.known("AC04"));
        assertFalse(RejectReason.known("ZZ99"));
        assertEquals("AM04", RejectReason.all().keySet().iterator().next());
    }
}
