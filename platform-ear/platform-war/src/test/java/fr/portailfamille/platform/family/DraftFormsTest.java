package fr.portailfamille.platform.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.problems.FieldError;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Finir plus tard" keeps what is valid: invalid fields keep their stored value, nothing else is lost. */
class DraftFormsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static FamilyForm.ChildForm child(Long id, String firstName, String doctorPhone) {
        FamilyForm.ChildForm c = new FamilyForm.ChildForm();
        c.setId(id);
        c.setFirstName(firstName);
        c.setDoctorPhone(doctorPhone);
        return c;
    }

    static FamilyForm.Contact contact(String name, String phone) {
        FamilyForm.Contact k = new FamilyForm.Contact();
        k.setName(name);
        k.setRelation("grand-mère");
        k.setPhone(phone);
        return k;
    }

    @Test
    void invalidFieldsKeepTheirStoredValueAndValidOnesAreTaken() {
        FamilyForm stored = new FamilyForm();
        stored.setPostcode("87000");
        stored.setCity("Limoges");
        stored.getResponsable1().setMobilePhone("06 12 34 56 78");
        FamilyForm.ChildForm storedLea = child(7L, "Léa", "05 55 12 34 56");
        storedLea.getContacts().add(contact("Jeanne", "05 55 00 00 00"));
        stored.getChildren().add(storedLea);

        FamilyForm typed = new FamilyForm();
        typed.setPostcode("87000");
        typed.getResponsable1().setMobilePhone("06 12 34 56 78");
        FamilyForm.ChildForm typedLea = child(7L, "Léa", "05 55 12 34 56");
        typedLea.getContacts().add(contact("Jeanne", "05 55 00 00 00"));
        typed.getChildren().add(typedLea);
        typed.setPostcode("8700");
        typed.setCity("Panazol");
        typed.getResponsable1().setMobilePhone("12");
        typed.getChildren().get(0).setFirstName("Léna");
        typed.getChildren().get(0).setDoctorPhone("abc");
        typed.getChildren().get(0).getContacts().add(contact("Paul", "1"));
        typed.getChildren().add(child(null, "Tom", "999"));

        List<FieldError> errors = FamilyFileRules.check(typed, false, TODAY);
        assertEquals(List.of("postcode", "responsable1.mobilePhone", "children[0].doctorPhone",
                "children[0].contacts[1].phone", "children[1].doctorPhone"), errors.stream().map(FieldError::field).toList());

        FamilyForm valid = DraftForms.keepValid(typed, errors, stored);
        assertEquals(List.of(), FamilyFileRules.check(valid, false, TODAY), "ce qui est enregistré est valide");
        assertEquals("87000", valid.getPostcode(), "valeur enregistrée gardée");
        assertEquals("Panazol", valid.getCity(), "champ valide pris");
        assertEquals("06 12 34 56 78", valid.getResponsable1().getMobilePhone());
        assertEquals("Léna", valid.getChildren().get(0).getFirstName());
        assertEquals("05 55 12 34 56", valid.getChildren().get(0).getDoctorPhone(), "même enfant retrouvé par son id");
        assertEquals(List.of("Jeanne"), valid.getChildren().get(0).getContacts().stream().map(FamilyForm.Contact::getName).toList(),
                "une personne autorisée invalide laisse la liste enregistrée");
        assertEquals("Tom", valid.getChildren().get(1).getFirstName());
        assertNull(valid.getChildren().get(1).getDoctorPhone(), "nouvel enfant : le champ invalide reste vide");

        // the typed form is untouched
        assertEquals("8700", typed.getPostcode());
        assertEquals("abc", typed.getChildren().get(0).getDoctorPhone());
        assertEquals(2, typed.getChildren().get(0).getContacts().size());
    }

    @Test
    void aValidFormIsKeptWhole() {
        FamilyForm typed = new FamilyForm();
        typed.setCity("Limoges");
        typed.getChildren().add(child(null, "Léa", null));
        FamilyForm valid = DraftForms.keepValid(typed, List.of(), new FamilyForm());
        assertEquals("Limoges", valid.getCity());
        assertEquals("Léa", valid.getChildren().get(0).getFirstName());
        assertEquals(1, valid.getChildren().size());
        assertTrue(valid != typed, "une copie");
    }

    @Test
    void lettersInTheQuotientFamilialAreReportedNextToItAndTheRestIsStillSaved() {
        FamilyForm stored = new FamilyForm();
        stored.setQuotientFamilial(650);
        FamilyForm typed = new FamilyForm();
        typed.setCity("Panazol");
        typed.setQuotientFamilialText("six cents");

        List<FieldError> errors = FamilyFileRules.check(typed, false, TODAY);
        assertEquals(List.of("quotientFamilial"), errors.stream().map(FieldError::field).toList());
        assertEquals("Le quotient familial s'écrit en chiffres, par exemple 650.", errors.get(0).message());
        FamilyForm kept = DraftForms.keepValid(typed, errors, stored);
        assertEquals(650, kept.getQuotientFamilial(), "the stored value is kept");
        assertEquals("Panazol", kept.getCity(), "the valid fields are taken");
        assertEquals("six cents", typed.getQuotientFamilialText(), "what was typed is shown again");

        typed.setQuotientFamilialText(" 1 250 ");
        assertEquals(1250, typed.getQuotientFamilial());
        assertTrue(FamilyFileRules.check(typed, false, TODAY).isEmpty());
        typed.setQuotientFamilialText("");
        assertNull(typed.getQuotientFamilial());
    }

    @Test
    void wrongMonthlyResourcesAreReportedNextToThemAndTheStoredOnesKept() {
        FamilyForm stored = new FamilyForm();
        stored.setMonthlyResourcesCents(185_000L);
        FamilyForm typed = new FamilyForm();
        typed.setCity("Panazol");
        for (String text : List.of("1850 euros", "150000")) {
            typed.setMonthlyResourcesText(text);
            List<FieldError> errors = FamilyFileRules.check(typed, false, TODAY);
            assertEquals(List.of("monthlyResources"), errors.stream().map(FieldError::field).toList());
            FamilyForm kept = DraftForms.keepValid(typed, errors, stored);
            assertEquals(185_000L, kept.getMonthlyResourcesCents(), "the stored value is kept: " + text);
            assertEquals("Panazol", kept.getCity());
            assertTrue(typed.getMonthlyResourcesText().startsWith(text.substring(0, 4)), "what was typed is shown again");
        }
    }
}
