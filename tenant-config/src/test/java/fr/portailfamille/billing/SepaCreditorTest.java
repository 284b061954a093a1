package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SepaCreditorTest {

    @Test
    void creditorIdentifiersAreCheckedLikeTheEpcSays() {
        assertTrue(SepaCreditor.isCreditorId("FR72ZZZ123456"));
        // the EPC's German example; the business code (ZZZ) is not part of the check
        assertTrue(SepaCreditor.isCreditorId("DE98ZZZ09999999999"));
        assertTrue(SepaCreditor.isCreditorId("FR72ABC123456"));
        assertFalse(SepaCreditor.isCreditorId("FR73ZZZ123456"), "wrong check digits");
        assertFalse(SepaCreditor.isCreditorId("FR72ZZZ"), "no national identifier");
        assertFalse(SepaCreditor.isCreditorId("fr72zzz123456"), "kept in capitals");
        assertFalse(SepaCreditor.isCreditorId("FR72 ZZZ 123456"), "kept without spaces");
        assertFalse(SepaCreditor.isCreditorId(null));
    }

    @Test
    void identifiersAreKeptCompactInCapitals() {
        assertEquals("FR7630006000011234567890189", SepaCreditor.compact(" fr76 3000 6000 0112 3456 7890 189 "));
        assertEquals(null, SepaCreditor.compact(null));
    }
}
