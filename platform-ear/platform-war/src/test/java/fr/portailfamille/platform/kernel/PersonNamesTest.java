package fr.portailfamille.platform.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.platform.staff.StaffAccountRules;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Names Keycloak refuses are told beside their field, in French and in English; French names pass. */
class PersonNamesTest {

    @Test
    void frenchNamesPassAndKeycloaksRefusedCharactersAreTold() {
        for (String ok : new String[] {"Martin-Dupont", "N'Diaye", "Zoé", "Le Gall", "Ève-Marie", "O’Connor", "Martin - DGS"}) {
            assertEquals(Optional.empty(), PersonNames.refusedCharacter(ok), ok);
        }
        assertEquals(Optional.of("("), PersonNames.refusedCharacter("Martin (DGS)"));
        for (String refused : new String[] {"a<b", "a&b", "a/b", "a;b", "a=b", "a!b", "a?b", "a{b", "a\nb"}) {
            assertTrue(PersonNames.refusedCharacter(refused).isPresent(), refused);
        }
        var m = PersonNames.refusal("Martin (DGS)").orElseThrow();
        assertTrue(m.french().startsWith("Un nom ne peut pas contenir le caractère « ( »"), m.french());
        assertTrue(m.in(Locale.ENGLISH).startsWith("A name cannot hold the character “(”"), m.in(Locale.ENGLISH));
        assertEquals("lastName", StaffAccountRules.invitation("dgs@alpha.test", "Claude", "Martin (DGS)").get(0).field());
    }
}
