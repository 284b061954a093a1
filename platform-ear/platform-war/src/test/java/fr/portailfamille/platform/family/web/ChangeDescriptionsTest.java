package fr.portailfamille.platform.family.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a change request asked, in words, as Mes demandes and the agents' queue show it. */
class ChangeDescriptionsTest {

    @Test
    void eachValueIsOneLineWithItsLabel() {
        assertEquals(List.of("Téléphone portable : 06 12 34 56 78", "Téléphone du domicile : —"),
                ChangeDescriptions.lines("{\"/responsable1/mobilePhone\":\"06 12 34 56 78\",\"/homePhone\":null}"));
        assertEquals(List.of("Adresse : 3 rue des Lilas", "Code postal : 87100", "Commune : Limoges"),
                ChangeDescriptions.lines("{\"/addressLine\":\"3 rue des Lilas\",\"/postcode\":\"87100\",\"/city\":\"Limoges\"}"));
        assertEquals(List.of("Conjoint – Prénom : Sam"), ChangeDescriptions.lines("{\"/responsable2/firstName\":\"Sam\"}"));
    }

    @Test
    void aNewChildIsItsNameBirthDateAndSchoolWithoutItsHealthRecord() {
        List<String> lines = ChangeDescriptions.lines("{\"/children/1\":{\"id\":null,\"firstName\":\"Noé\",\"lastName\":\"Martin\","
                + "\"birthDate\":\"2020-04-02\",\"school\":\"École Jules Ferry\",\"allergies\":\"arachide\"}}");
        assertEquals(List.of("Enfant 2 : Noé Martin, né(e) le 2020-04-02, École Jules Ferry"), lines);
    }

    @Test
    void monthlyResourcesAreEurosAndNoTextIsNoLine() {
        assertEquals(List.of("Ressources mensuelles : 1\u00a0850,50\u00a0€", "Justificatif du quotient : CAF"),
                ChangeDescriptions.lines("{\"/monthlyResourcesCents\":185050,\"/qfSource\":\"CAF\"}"));
        assertEquals(List.of(), ChangeDescriptions.lines(null));
        assertEquals(List.of(), ChangeDescriptions.lines(" "));
        assertEquals("Code postal : 87100\nCommune : Limoges",
                ChangeDescriptions.describe("{\"/postcode\":\"87100\",\"/city\":\"Limoges\"}"));
    }
}
