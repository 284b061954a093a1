package fr.portailfamille.platform.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an accepted change request does to a stored family file, kind by kind: the family edits its whole
 * file, each kind of change becomes one request (as {@code FamilyFileService.requestChanges} makes them),
 * and accepting one writes that change, and only it, onto the entities.
 */
class ChangeRequestApplicationTest {

    /** A validated file as it is stored: one responsable, one child (id 41) with one authorised contact. */
    static Family storedFile() {
        Family f = new Family("Foyer Camille Martin", "camille@exemple.fr");
        f.setAddressLine("1 rue des Écoles");
        f.setPostcode("87000");
        f.setCity("Limoges");
        f.setCafNumber("1234567");
        f.setQuotientFamilial(620);
        f.setIban("FR7630006000011234567890189");
        f.setAccountHolder("Camille Martin");
        Responsable r1 = f.responsable(1);
        r1.setFirstName("Camille");
        r1.setLastName("Martin");
        r1.setEmail("camille@exemple.fr");
        r1.setMobilePhone("06 12 34 56 78");
        Child lea = f.addChild("Léa", "Martin", LocalDate.of(2018, 4, 2));
        stored(lea, 41L);
        lea.setAllergies("aucune");
        lea.addContact("Jeanne Martin", "grand-mère", "05 55 00 00 00");
        return f;
    }

    /** Gives an entity the id the database would have given it (children are matched by id). */
    static void stored(Child child, long id) {
        try {
            var field = Child.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(child, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The requests a family's edit of its file makes, by kind (old values from the file, new from the form). */
    static Map<ChangeRequest.Type, ChangeRequest> requests(Family file, FamilyForm proposed) {
        FamilyForm current = FamilyFileMapper.toForm(file);
        Map<ChangeRequest.Type, ChangeRequest> requests = new EnumMap<>(ChangeRequest.Type.class);
        FormChanges.diff(current, proposed).forEach((type, values) -> requests.put(type, new ChangeRequest(file, type,
                FormChanges.toJsonText(FormChanges.valuesAt(current, values.keySet())), FormChanges.toJsonText(values))));
        return requests;
    }

    static ChangeRequest only(Family file, FamilyForm proposed, ChangeRequest.Type type) {
        Map<ChangeRequest.Type, ChangeRequest> requests = requests(file, proposed);
        assertEquals(List.of(type), List.copyOf(requests.keySet()));
        return requests.get(type);
    }

    @Test
    void addressIsWrittenOntoTheFile() {
        Family f = storedFile();
        FamilyForm form = FamilyFileMapper.toForm(f);
        form.setAddressLine("12 avenue du Lac");
        form.setPostcode("87100");
        ChangeRequest r = only(f, form, ChangeRequest.Type.ADRESSE);
        ChangeRequestApplication.apply(r);
        assertEquals("12 avenue du Lac", f.getAddressLine());
        assertEquals("87100", f.getPostcode());
        assertEquals("Limoges", f.getCity());
        assertFalse(ChangeRequestApplication.touchesHealth(r));
        assertEquals(ChangeRequestApplication.ACCEPTED, ChangeRequestApplication.auditAction(r));
    }

    @Test
    void eachRequestAppliesItsOwnChangeOnly() {
        Family f = storedFile();
        FamilyForm form = FamilyFileMapper.toForm(f);
        form.setCity("Panazol");
        form.getResponsable1().setMobilePhone("07 00 00 00 01");
        Map<ChangeRequest.Type, ChangeRequest> requests = requests(f, form);
        assertEquals(List.of(ChangeRequest.Type.ADRESSE, ChangeRequest.Type.TELEPHONES), List.copyOf(requests.keySet()));
        ChangeRequestApplication.apply(requests.get(ChangeRequest.Type.TELEPHONES));
        assertEquals("07 00 00 00 01", f.findResponsable(1).orElseThrow().getMobilePhone());
        assertEquals("Limoges", f.getCity(), "the address request is not accepted yet");
    }

    @Test
    void aSecondResponsableIsAddedThenRemoved() {
        Family f = storedFile();
        FamilyForm form = FamilyFileMapper.toForm(f);
        form.setWithResponsable2(true);
        form.getResponsable2().setFirstName("Alex");
        form.getResponsable2().setLastName("Durand");
        form.getResponsable2().setEmail("alex@exemple.fr");
        ChangeRequestApplication.apply(only(f, form, ChangeRequest.Type.CONJOINT));
        Responsable r2 = f.findResponsable(2).orElseThrow();
        assertEquals("Alex", r2.getFirstName());
        assertEquals("Durand", r2.getLastName());
        assertEquals("alex@exemple.fr", r2.getEmail());
        assertEquals("Camille", f.findResponsable(1).orElseThrow().getFirstName());

        FamilyForm without = FamilyFileMapper.toForm(f);
        without.setWithResponsable2(false);
        ChangeRequestApplication.apply(only(f, without, ChangeRequest.Type.CONJOINT));
        assertTrue(f.findResponsable(2).isEmpty());
    }

    @Test
    void quotientFamilialAndCafNumber() {
        Family f = storedFile();
        FamilyForm form = FamilyFileMapper.toForm(f);
        form.setQuotientFamilial(1150);
        form.setCafNumber("7654321");
        form.setQfSource("MSA");
        form.setQfProofDate(java.time.LocalDate.of(2026, 9, 15));
        form.setMonthlyResourcesText("2 140,50");
        ChangeRequestApplication.apply(only(f, form, ChangeRequest.Type.CAF));
        assertEquals(1150, f.getQuotientFamilial());
        assertEquals("7654321", f.getCafNumber());
        assertEquals("MSA", f.getQfSource(), "the tariffs read who attests the QF");
        assertEquals(java.time.LocalDate.of(2026, 9, 15), f.getQfProofDate(), "and since when");
        assertEquals(214050L, f.getMonthlyResourcesCents(), "effort-rate tariffs read the monthly resources");
    }

    @Test
    void bankDetails() {
        Family f = storedFile();
        FamilyForm form = FamilyFileMapper.toForm(f);
        form.setIban("FR1420041010050500013M02606");
        form.setAccountHolder("Camille et Alex Martin");
        ChangeRequestApplication.apply(only(f, form, ChangeRequest.Type.BANQUE));
        assertEquals("FR1420041010050500013M02606", f.getIban());
        assertEquals("Camille et Alex Martin", f.getAccountHolder());
    }

    @Test
    void aNewChildIsAddedWholeWithItsHealthData() {
        Family f = storedFile();
        FamilyForm form = FamilyFileMapper.toForm(f);
        FamilyForm.ChildForm tom = new FamilyForm.ChildForm();
        tom.setFirstName("Tom");
        tom.setLastName("Martin");
        tom.setBirthDate(LocalDate.of(2021, 9, 15));
        tom.setPai(true);
        form.getChildren().add(tom);
        ChangeRequest r = only(f, form, ChangeRequest.Type.ENFANT);
        assertTrue(ChangeRequestApplication.touchesHealth(r), "a new child with a PAI carries health data");
        ChangeRequestApplication.apply(r);
        assertEquals(2, f.getChildren().size());
        Child added = f.getChildren().get(1);
        assertEquals("Tom", added.getFirstName());
        assertEquals(LocalDate.of(2021, 9, 15), added.getBirthDate());
        assertTrue(added.isPai());
        assertNull(added.getId());
        assertEquals("Léa", f.getChildren().get(0).getFirstName());
    }

    @Test
    void aKnownChildsIdentityIsChangedInPlace() {
        Family f = storedFile();
        Child lea = f.getChildren().get(0);
        FamilyForm form = FamilyFileMapper.toForm(f);
        form.getChildren().get(0).setSchoolClass("CE1");
        ChangeRequestApplication.apply(only(f, form, ChangeRequest.Type.ENFANT));
        assertEquals(1, f.getChildren().size());
        assertEquals("CE1", f.getChildren().get(0).getSchoolClass());
        assertEquals(lea, f.getChildren().get(0), "the same entity, matched by id");
    }

    @Test
    void healthFieldsOfAKnownChild() {
        Family f = storedFile();
        FamilyForm form = FamilyFileMapper.toForm(f);
        form.getChildren().get(0).setAllergies("arachide");
        form.getChildren().get(0).setDoctorName("Dr Bernard");
        ChangeRequest r = only(f, form, ChangeRequest.Type.SANTE);
        assertTrue(ChangeRequestApplication.touchesHealth(r));
        assertEquals(ChangeRequestApplication.HEALTH_CHANGED, ChangeRequestApplication.auditAction(r));
        ChangeRequestApplication.apply(r);
        assertEquals("arachide", f.getChildren().get(0).getAllergies());
        assertEquals("Dr Bernard", f.getChildren().get(0).getDoctorName());
    }

    @Test
    void authorisedContactsAreReplacedWhole() {
        Family f = storedFile();
        FamilyForm form = FamilyFileMapper.toForm(f);
        FamilyForm.Contact voisin = new FamilyForm.Contact();
        voisin.setName("Paul Leroy");
        voisin.setRelation("voisin");
        voisin.setPhone("06 98 76 54 32");
        form.getChildren().get(0).getContacts().set(0, voisin);
        ChangeRequestApplication.apply(only(f, form, ChangeRequest.Type.CONTACTS));
        List<AuthorizedContact> contacts = f.getChildren().get(0).getContacts();
        assertEquals(1, contacts.size());
        assertEquals("Paul Leroy", contacts.get(0).getName());
        assertEquals("voisin", contacts.get(0).getRelation());
    }

    @Test
    void authorisations() {
        Family f = storedFile();
        FamilyForm form = FamilyFileMapper.toForm(f);
        form.getChildren().get(0).setPhotoConsent(true);
        form.getChildren().get(0).setMayLeaveAlone(true);
        ChangeRequest r = only(f, form, ChangeRequest.Type.AUTORISATIONS);
        assertFalse(ChangeRequestApplication.touchesHealth(r));
        ChangeRequestApplication.apply(r);
        assertTrue(f.getChildren().get(0).isPhotoConsent());
        assertTrue(f.getChildren().get(0).isMayLeaveAlone());
        assertEquals("aucune", f.getChildren().get(0).getAllergies(), "health data untouched");
    }

    /**
     * Two requests asked from the same file: once one is accepted, the other no longer starts from the file where they
     * touch the same values (its older value would be written back), and still does where they do not — a second new
     * child included.
     */
    @Test
    void aRequestStartsFromTheFileUntilAnotherChangesWhatItChanges() {
        Family f = storedFile();
        FamilyForm typo = FamilyFileMapper.toForm(f);
        typo.setCity("Panazal");
        FamilyForm right = FamilyFileMapper.toForm(f);
        right.setCity("Panazol");
        FamilyForm phone = FamilyFileMapper.toForm(f);
        phone.getResponsable1().setMobilePhone("07 00 00 00 00");
        FamilyForm tom = FamilyFileMapper.toForm(f);
        FamilyForm.ChildForm child = new FamilyForm.ChildForm();
        child.setFirstName("Tom");
        child.setLastName("Martin");
        child.setBirthDate(LocalDate.of(2021, 9, 15));
        tom.getChildren().add(child);
        FamilyForm zoe = FamilyFileMapper.toForm(f);
        FamilyForm.ChildForm other = new FamilyForm.ChildForm();
        other.setFirstName("Zoé");
        other.setLastName("Martin");
        other.setBirthDate(LocalDate.of(2023, 1, 5));
        zoe.getChildren().add(other);
        ChangeRequest first = only(f, typo, ChangeRequest.Type.ADRESSE);
        ChangeRequest second = only(f, right, ChangeRequest.Type.ADRESSE);
        ChangeRequest phones = only(f, phone, ChangeRequest.Type.TELEPHONES);
        ChangeRequest tomAsked = only(f, tom, ChangeRequest.Type.ENFANT);
        ChangeRequest zoeAsked = only(f, zoe, ChangeRequest.Type.ENFANT);

        assertTrue(ChangeRequestApplication.startsFromTheFile(second));
        ChangeRequestApplication.apply(second);
        assertFalse(ChangeRequestApplication.startsFromTheFile(first), "« Panazal » would overwrite « Panazol »");
        assertTrue(ChangeRequestApplication.startsFromTheFile(phones), "the phone was not changed since");
        ChangeRequestApplication.apply(tomAsked);
        assertTrue(ChangeRequestApplication.startsFromTheFile(zoeAsked), "a second new child starts from nothing too");

        // a change on a conjoint removed since: its phone is no longer there to change
        Family g = storedFile();
        FamilyForm withConjoint = FamilyFileMapper.toForm(g);
        withConjoint.setWithResponsable2(true);
        withConjoint.getResponsable2().setFirstName("Alex");
        withConjoint.getResponsable2().setLastName("Durand");
        withConjoint.getResponsable2().setMobilePhone("06 00 00 00 01");
        ChangeRequestApplication.apply(only(g, withConjoint, ChangeRequest.Type.CONJOINT));
        FamilyForm removed = FamilyFileMapper.toForm(g);
        removed.setWithResponsable2(false);
        FamilyForm newPhone = FamilyFileMapper.toForm(g);
        newPhone.getResponsable2().setMobilePhone("06 00 00 00 02");
        ChangeRequest removal = only(g, removed, ChangeRequest.Type.CONJOINT);
        ChangeRequest conjointPhone = only(g, newPhone, ChangeRequest.Type.CONJOINT);
        ChangeRequestApplication.apply(removal);
        assertFalse(ChangeRequestApplication.startsFromTheFile(conjointPhone));
    }
}
