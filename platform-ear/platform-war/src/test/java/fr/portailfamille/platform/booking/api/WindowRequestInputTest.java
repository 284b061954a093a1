package fr.portailfamille.platform.booking.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.platform.api.ApiError;
import fr.portailfamille.platform.api.ApiException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code POST /fenetres/{id}/demande} accepts as a request, and the code and field of each refusal. */
class WindowRequestInputTest {

    static ApiError refused(String body) {
        ApiException e = assertThrows(ApiException.class, () -> FenetresResource.parse(body));
        assertEquals(400, e.status());
        return e.error();
    }

    @Test
    void daysOfSeveralChildrenWithTheAnswers() {
        FenetresResource.NouvelleDemande d = FenetresResource.parse("{\"enfants\": [{\"enfant\": 12, \"jours\":"
                + " [{\"unite\": 3, \"date\": \"2027-07-06\"}, {\"unite\": 3, \"date\": \"2027-07-07\"}]},"
                + " {\"enfant\": 13, \"jours\": [{\"unite\": 3, \"date\": \"2027-07-06\"}]}, {\"enfant\": 14, \"jours\": []}],"
                + " \"deuxParentsTravaillent\": true, \"justificatif\": 9}");
        assertEquals(2, d.enfants().size(), "a child without days is left out");
        assertEquals(12, d.enfants().get(0).enfant());
        assertEquals(List.of(LocalDate.parse("2027-07-06"), LocalDate.parse("2027-07-07")),
                d.enfants().get(0).jours().stream().map(FenetresResource.JourPropose::date).toList());
        assertTrue(d.deuxParentsTravaillent());
        assertNull(d.handicap(), "not given: the replaced request's answer is kept");
        assertEquals(9L, d.justificatif());
        assertTrue(d.justificatifGiven());
        FenetresResource.NouvelleDemande none = FenetresResource.parse("{\"enfants\": [{\"enfant\": 1, \"jours\":"
                + " [{\"unite\": 2, \"date\": \"2027-07-06\"}]}], \"justificatif\": null, \"handicap\": false}");
        assertNull(none.justificatif());
        assertTrue(none.justificatifGiven(), "null: no proof, said so");
        assertFalse(none.handicap());
        assertFalse(FenetresResource.parse("{\"enfants\": [{\"enfant\": 1, \"jours\": [{\"unite\": 2, \"date\":"
                + " \"2027-07-06\"}]}]}").justificatifGiven(), "absent: the replaced request's proof is kept");
    }

    @Test
    void eachFaultHasItsCodeAndThePathOfItsField() {
        assertEquals("json_invalide", refused("{\"enfants\": [").code());
        assertEquals("json_invalide", refused("").code());
        assertEquals("json_invalide", refused("[]").code());
        assertEquals("demande_vide", refused("{\"enfants\": []}").code());
        assertEquals("demande_vide", refused("{\"enfants\": [{\"enfant\": 1, \"jours\": []}]}").code());
        ApiError child = refused("{\"enfants\": [{\"enfant\": \"x\", \"jours\": []}]}");
        assertEquals("element_invalide", child.code());
        assertEquals("enfants[0].enfant", child.champs().get(0).champ());
        ApiError date = refused("{\"enfants\": [{\"enfant\": 1, \"jours\": [{\"unite\": 2, \"date\": \"06/07/2027\"}]}]}");
        assertEquals("date_invalide", date.code());
        assertEquals("enfants[0].jours[0].date", date.champs().get(0).champ());
        assertEquals("element_invalide", refused("{\"enfants\": [{\"enfant\": 1, \"jours\": [{\"unite\": -2, \"date\":"
                + " \"2027-07-06\"}]}]}").code());
        assertEquals("element_en_double", refused("{\"enfants\": [{\"enfant\": 1, \"jours\": [{\"unite\": 2, \"date\":"
                + " \"2027-07-06\"}, {\"unite\": 2, \"date\": \"2027-07-06\"}]}]}").code());
        assertEquals("element_en_double", refused("{\"enfants\": [{\"enfant\": 1, \"jours\": []}, {\"enfant\": 1, \"jours\":"
                + " []}]}").code());
        assertEquals("element_invalide", refused("{\"enfants\": [{\"enfant\": 1, \"jours\": [{\"unite\": 2, \"date\":"
                + " \"2027-07-06\"}]}], \"handicap\": \"oui\"}").code());
        assertEquals("justificatif_invalide", refused("{\"enfants\": [{\"enfant\": 1, \"jours\": [{\"unite\": 2, \"date\":"
                + " \"2027-07-06\"}]}], \"justificatif\": \"doc\"}").code());
        StringBuilder many = new StringBuilder("{\"enfants\": [{\"enfant\": 1, \"jours\": [");
        for (int i = 0; i < 401; i++) {
            many.append(i == 0 ? "" : ", ").append("{\"unite\": 2, \"date\": \"").append(LocalDate.of(2027, 1, 1).plusDays(i))
                    .append("\"}");
        }
        assertEquals("demande_trop_longue", refused(many.append("]}]}").toString()).code());
    }
}
