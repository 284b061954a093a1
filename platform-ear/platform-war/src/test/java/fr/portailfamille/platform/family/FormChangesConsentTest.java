package fr.portailfamille.platform.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The parent's own consent to the commune's information (responsable 1) is its choice, applied at once: a family's
 * edit of its validated file never turns it into a change request, while its other changes (a phone) still do.
 */
class FormChangesConsentTest {

    @Test
    void theParentsOwnConsentIsNoRequestButItsPhoneIs() {
        Family file = ChangeRequestApplicationTest.storedFile();
        FamilyForm current = FamilyFileMapper.toForm(file);
        FamilyForm proposed = FamilyFileMapper.toForm(file);
        proposed.getResponsable1().setConsentEmail(true);
        proposed.getResponsable1().setConsentSms(true);
        assertTrue(FormChanges.requested(current, proposed).isEmpty(), "l'accord seul : aucune demande");
        assertEquals(Set.of("/responsable1/consentEmail", "/responsable1/consentSms"),
                FormChanges.diff(current, proposed).get(ChangeRequest.Type.TELEPHONES).keySet(), "mais c'est un changement");

        proposed.getResponsable1().setWorkPhone("05 55 11 22 33");
        Map<ChangeRequest.Type, Map<String, jakarta.json.JsonValue>> requested = FormChanges.requested(current, proposed);
        assertEquals(Set.of(ChangeRequest.Type.TELEPHONES), requested.keySet());
        assertEquals(Set.of("/responsable1/workPhone"), requested.get(ChangeRequest.Type.TELEPHONES).keySet());
    }
}
