package fr.portailfamille.platform.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.problems.FieldError;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The family file's refusals: the same French texts as ever, read in English on an English page. */
class FamilyFileRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static Optional<FieldError> at(List<FieldError> errors, String field) {
        return errors.stream().filter(e -> e.field().equals(field)).findFirst();
    }

    private static void french(List<FieldError> errors, String field, String text) {
        assertEquals(Optional.of(text), at(errors, field).map(FieldError::message), field);
    }

    private static void english(List<FieldError> errors, String field, String text) {
        assertEquals(Optional.of(text), at(errors, field).map(e -> e.text().in(Locale.ENGLISH)), field);
    }

    @Test
    void aQuotientFamilialIsReadWithItsThousandsGroupedAsAnyPageWritesThem() {
        FamilyForm form = new FamilyForm();
        for (String typed : List.of("1200", "1 200", "1\u00a0200", "1\u202f200", "1,200", "1.200", " 1,200 ")) {
            form.setQuotientFamilialText(typed);
            assertEquals(Integer.valueOf(1200), form.getQuotientFamilial(), typed);
        }
        for (String typed : List.of("650,5", "1,20", "12,00,000", "beaucoup")) {
            form.setQuotientFamilialText(typed);
            assertEquals(null, form.getQuotientFamilial(), typed);
            assertEquals(typed, form.getQuotientFamilialText(), "kept as typed, refused beside the field");
        }
    }

    @Test
    void aSubmissionListsWhatIsMissingInFrenchAndInEnglish() {
        FamilyForm form = new FamilyForm();
        List<FieldError> errors = FamilyFileRules.check(form, true, TODAY);
        french(errors, "situation", "La situation familiale est obligatoire.");
        french(errors, "addressLine", "L'adresse est obligatoire.");
        french(errors, "city", "La commune de résidence est obligatoire.");
        french(errors, "responsable1.civility", "La civilité du responsable 1 est obligatoire.");
        french(errors, "responsable1.birthDate", "La date de naissance du responsable 1 est obligatoire.");
        french(errors, "responsable1.email", "Le courriel du responsable 1 est obligatoire.");
        french(errors, "children", "Ajoutez au moins un enfant.");
        english(errors, "addressLine", "The address is required.");
        english(errors, "responsable1.mobilePhone", "The mobile phone of parent 1 is required.");
        english(errors, "children", "Add at least one child.");

        form.setWithResponsable2(true);
        FamilyForm.ChildForm child = new FamilyForm.ChildForm();
        child.getContacts().add(new FamilyForm.Contact());
        form.getChildren().add(child);
        errors = FamilyFileRules.check(form, true, TODAY);
        french(errors, "responsable2.lastName", "Le nom du responsable 2 est obligatoire.");
        english(errors, "responsable2.firstName", "The first name of parent 2 is required.");
        french(errors, "children[0].school", "L'école de l'enfant est obligatoire.");
        french(errors, "children[0].contacts[0].relation", "Le lien avec l'enfant est obligatoire.");
        english(errors, "children[0].birthDate", "The child's date of birth is required.");
    }

    /** What time alone breaks in a stored file (a child now 18, a proof now 10 years old) is no error until typed anew. */
    @Test
    void whatTimeAloneBrokeInTheStoredFileIsNoErrorUntilTypedAnew() {
        FamilyForm stored = new FamilyForm();
        FamilyForm.ChildForm lea = new FamilyForm.ChildForm();
        lea.setId(7L);
        lea.setBirthDate(TODAY.minusYears(18));
        stored.getChildren().add(lea);
        stored.setQfProofDate(TODAY.minusYears(11));
        FamilyForm same = new FamilyForm();
        FamilyForm.ChildForm unchanged = new FamilyForm.ChildForm();
        unchanged.setId(7L);
        unchanged.setBirthDate(lea.getBirthDate());
        same.getChildren().add(unchanged);
        same.setQfProofDate(stored.getQfProofDate());
        assertEquals(List.of(), FamilyFileRules.check(same, false, TODAY, stored));
        assertEquals(List.of("qfProofDate", "children[0].birthDate"), FamilyFileRules.check(same, false, TODAY).stream()
                .map(FieldError::field).toList(), "a first entry");
        // typed anew, or a new child with the same date
        unchanged.setBirthDate(TODAY.minusYears(19));
        same.setQfProofDate(TODAY.minusYears(12));
        FamilyForm.ChildForm added = new FamilyForm.ChildForm();
        added.setBirthDate(lea.getBirthDate());
        same.getChildren().add(added);
        assertEquals(List.of("qfProofDate", "children[0].birthDate", "children[1].birthDate"),
                FamilyFileRules.check(same, false, TODAY, stored).stream().map(FieldError::field).toList());
    }

    @Test
    void formatsAreExplainedInFrenchAndInEnglish() {
        FamilyForm form = new FamilyForm();
        form.setSituation("AUTRE");
        form.setPostcode("870");
        form.setHomePhone("12");
        form.setCafNumber("12");
        form.setQuotientFamilialText("beaucoup");
        form.setQfSource("BANQUE");
        form.setQfProofDate(TODAY.plusDays(1));
        form.setMonthlyResourcesCents(100_000_01L);
        form.setIban("FR76 0000");
        form.getResponsable1().setCivility("DR");
        form.getResponsable1().setEmail("camille");
        form.getResponsable1().setBirthDate(TODAY);
        FamilyForm.ChildForm child = new FamilyForm.ChildForm();
        child.setSex("X");
        child.setBirthDate(TODAY.plusDays(1));
        form.getChildren().add(child);
        List<FieldError> errors = FamilyFileRules.check(form, false, TODAY);
        french(errors, "situation", "Situation familiale inconnue.");
        french(errors, "postcode", "Code postal invalide : 5 chiffres, par exemple 87000.");
        french(errors, "homePhone", "Numéro de téléphone invalide : 10 chiffres, par exemple 06 12 34 56 78.");
        french(errors, "cafNumber", "Numéro d'allocataire CAF invalide : 7 chiffres.");
        french(errors, "quotientFamilial", "Le quotient familial s'écrit en chiffres, par exemple 650.");
        french(errors, "qfSource", "Organisme inconnu : CAF, MSA ou avis d'imposition.");
        french(errors, "qfProofDate", "La date de l'attestation ne peut pas être dans le futur.");
        french(errors, "monthlyResources", "Les ressources mensuelles doivent être inférieures à 100 000 €.");
        french(errors, "iban", "IBAN invalide : vérifiez les chiffres (clé de contrôle incorrecte).");
        french(errors, "responsable1.civility", "Civilité inconnue.");
        french(errors, "responsable1.email", "Adresse de courriel invalide, par exemple prenom.nom@exemple.fr.");
        french(errors, "responsable1.birthDate", "Date de naissance invalide : un responsable a au moins 16 ans"
                + " et la date ne peut pas être dans le futur.");
        french(errors, "children[0].sex", "Sexe inconnu.");
        french(errors, "children[0].birthDate", "Date de naissance invalide : elle doit être passée et l'enfant"
                + " doit avoir moins de 18 ans.");
        english(errors, "postcode", "Invalid postcode: 5 digits, e.g. 87000.");
        english(errors, "monthlyResources", "The monthly resources must be less than €100,000.");
        english(errors, "responsable1.email", "Invalid email address, e.g. firstname.lastname@example.com.");

        form.setQfProofDate(TODAY.minusYears(11));
        french(FamilyFileRules.check(form, false, TODAY), "qfProofDate",
                "Cette attestation a plus de 10 ans : indiquez la date de la plus récente.");
        form.setQuotientFamilial(10_001);
        french(FamilyFileRules.check(form, false, TODAY), "quotientFamilial",
                "Le quotient familial doit être compris entre 0 et 10 000.");
    }

    @Test
    void theServicesRefusalsKeepTheirFrenchTexts() {
        assertEquals("Les comptes des agents de la commune n'ont pas de dossier famille.", Refused.text("family.staff.noFile").french());
        assertEquals("Votre dossier famille n'existe pas encore : indiquez votre accord dans Mon foyer en le remplissant.",
                FamilyFileService.noFileYet().getMessage());
        assertEquals("Your family file does not exist yet: give your consent in My household when you fill it in.",
                FamilyFileService.noFileYet().text().in(Locale.ENGLISH));
        assertEquals("Cette demande ne fait pas partie de votre dossier.", Refused.text("family.request.notYours").french());
        assertEquals("This request is not part of your file.", Refused.text("family.request.notYours").in(Locale.ENGLISH));
    }

    @Test
    void aChildWithBookingsIsNotRemovedAndTheTextSaysWhatHangsOnIt() {
        var list = Refused.text("family.child.inUse.list", Refused.text("family.child.inUse.list",
                Refused.text("family.child.inUse.bookings", 1234L), Refused.text("family.child.inUse.registrations", 2L)),
                Refused.text("family.child.inUse.school", 1L));
        assertEquals("Impossible de retirer Léa Martin du dossier : des éléments lui sont rattachés (1234 réservation(s),"
                + " 2 inscription(s) aux activités, 1 inscription(s) scolaire(s)). Traitez-les d'abord ; rien n'a été"
                + " enregistré.", Refused.text("family.child.inUse", "Léa Martin", list).french());
        assertEquals("Cannot remove this child from the file: items are linked to this child (1 booking(s)). Deal with them"
                + " first; nothing has been saved.", Refused.text("family.child.inUse", Refused.text("family.child.this"),
                Refused.text("family.child.inUse.bookings", 1L)).in(Locale.ENGLISH));
        assertTrue(Refused.text("family.child.inUse", Refused.text("family.child.this"),
                Refused.text("family.child.inUse.bookings", 1L)).french().startsWith("Impossible de retirer cet enfant du"));
    }
}
