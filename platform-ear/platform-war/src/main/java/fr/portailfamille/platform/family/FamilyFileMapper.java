package fr.portailfamille.platform.family;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Copies between the family file entities and the {@link FamilyForm} the family edits. */
final class FamilyFileMapper {

    private FamilyFileMapper() {
    }

    /**
     * A digest of {@code form}'s values as read (its own {@link FamilyForm#getReadAs()} left out): two reads of an
     * unchanged file give the same, a change of any value, child or contact another.
     */
    static String fingerprint(FamilyForm form) {
        String kept = form.getReadAs();
        form.setReadAs(null);
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(form);
            }
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes.toByteArray()));
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            form.setReadAs(kept);
        }
    }

    static FamilyForm toForm(Family f) {
        FamilyForm form = new FamilyForm();
        form.setFamilyId(f.getId());
        form.setSituation(f.getSituation());
        form.setAddressLine(f.getAddressLine());
        form.setPostcode(f.getPostcode());
        form.setCity(f.getCity());
        form.setHomePhone(f.getHomePhone());
        form.setCafNumber(f.getCafNumber());
        form.setQuotientFamilial(f.getQuotientFamilial());
        form.setQfSource(f.getQfSource());
        form.setQfProofDate(f.getQfProofDate());
        form.setMonthlyResourcesCents(f.getMonthlyResourcesCents());
        form.setIban(f.getIban());
        form.setAccountHolder(f.getAccountHolder());
        f.findResponsable(1).ifPresent(r -> copy(r, form.getResponsable1()));
        f.findResponsable(2).ifPresent(r -> {
            form.setWithResponsable2(true);
            copy(r, form.getResponsable2());
        });
        for (Child c : f.getChildren()) {
            FamilyForm.ChildForm cf = new FamilyForm.ChildForm();
            cf.setId(c.getId());
            cf.setFirstName(c.getFirstName());
            cf.setLastName(c.getLastName());
            cf.setSex(c.getSex());
            cf.setBirthDate(c.getBirthDate());
            cf.setBirthPlace(c.getBirthPlace());
            cf.setSchool(c.getSchool());
            cf.setSchoolClass(c.getSchoolClass());
            cf.setPhotoConsent(c.isPhotoConsent());
            cf.setMayLeaveAlone(c.isMayLeaveAlone());
            cf.setAllergies(c.getAllergies());
            cf.setPai(c.isPai());
            cf.setDiet(c.getDiet());
            cf.setDoctorName(c.getDoctorName());
            cf.setDoctorPhone(c.getDoctorPhone());
            cf.setGlasses(c.isGlasses());
            cf.setMedicalNotes(c.getMedicalNotes());
            for (AuthorizedContact k : c.getContacts()) {
                FamilyForm.Contact kf = new FamilyForm.Contact();
                kf.setName(k.getName());
                kf.setRelation(k.getRelation());
                kf.setPhone(k.getPhone());
                cf.getContacts().add(kf);
            }
            form.getChildren().add(cf);
        }
        return form;
    }

    /**
     * Writes a checked form onto the file. Children are matched by id among this family's children only.
     * Returns the file's children in the form's order.
     */
    static List<Child> apply(FamilyForm form, Family f) {
        f.setSituation(form.getSituation());
        f.setAddressLine(form.getAddressLine());
        f.setPostcode(form.getPostcode());
        f.setCity(form.getCity());
        f.setHomePhone(form.getHomePhone());
        f.setCafNumber(form.getCafNumber());
        f.setQuotientFamilial(form.getQuotientFamilial());
        f.setQfSource(form.getQfSource());
        f.setQfProofDate(form.getQfProofDate());
        f.setMonthlyResourcesCents(form.getMonthlyResourcesCents());
        f.setIban(form.getIban());
        f.setAccountHolder(form.getAccountHolder());
        copy(form.getResponsable1(), f.responsable(1));
        if (form.isWithResponsable2()) {
            copy(form.getResponsable2(), f.responsable(2));
        } else {
            f.removeResponsable(2);
        }
        String r1 = join(form.getResponsable1().getFirstName(), form.getResponsable1().getLastName());
        if (!r1.isBlank()) {
            f.setLabel("Foyer " + r1);
        }
        Map<Long, Child> existing = new HashMap<>();
        f.getChildren().forEach(c -> existing.put(c.getId(), c));
        List<Child> kept = new ArrayList<>();
        for (FamilyForm.ChildForm cf : form.getChildren()) {
            Child c = cf.getId() != null && existing.containsKey(cf.getId()) ? existing.get(cf.getId()) : f.addChild();
            c.setFirstName(cf.getFirstName());
            c.setLastName(cf.getLastName());
            c.setSex(cf.getSex());
            c.setBirthDate(cf.getBirthDate());
            c.setBirthPlace(cf.getBirthPlace());
            c.setSchool(cf.getSchool());
            c.setSchoolClass(cf.getSchoolClass());
            c.setPhotoConsent(cf.isPhotoConsent());
            c.setMayLeaveAlone(cf.isMayLeaveAlone());
            c.setAllergies(cf.getAllergies());
            c.setPai(cf.isPai());
            c.setDiet(cf.getDiet());
            c.setDoctorName(cf.getDoctorName());
            c.setDoctorPhone(cf.getDoctorPhone());
            c.setGlasses(cf.isGlasses());
            c.setMedicalNotes(cf.getMedicalNotes());
            c.getContacts().clear();
            for (FamilyForm.Contact k : cf.getContacts()) {
                c.addContact(k.getName(), k.getRelation(), k.getPhone());
            }
            kept.add(c);
        }
        f.getChildren().retainAll(kept);
        return kept;
    }

    /** The stored children that the form leaves out (they would be deleted by {@link #apply}). */
    static List<Child> removedBy(FamilyForm form, Family f) {
        java.util.Set<Long> kept = new java.util.HashSet<>();
        form.getChildren().forEach(c -> kept.add(c.getId()));
        return f.getChildren().stream().filter(c -> c.getId() != null && !kept.contains(c.getId())).toList();
    }

    private static void copy(Responsable r, FamilyForm.Person p) {
        p.setCivility(r.getCivility());
        p.setLastName(r.getLastName());
        p.setFirstName(r.getFirstName());
        p.setBirthDate(r.getBirthDate());
        p.setMobilePhone(r.getMobilePhone());
        p.setWorkPhone(r.getWorkPhone());
        p.setEmail(r.getEmail());
        p.setProfession(r.getProfession());
        p.setEmployer(r.getEmployer());
        p.setConsentEmail(r.isConsentEmail());
        p.setConsentSms(r.isConsentSms());
    }

    private static void copy(FamilyForm.Person p, Responsable r) {
        r.setCivility(p.getCivility());
        r.setLastName(p.getLastName());
        r.setFirstName(p.getFirstName());
        r.setBirthDate(p.getBirthDate());
        r.setMobilePhone(p.getMobilePhone());
        r.setWorkPhone(p.getWorkPhone());
        r.setEmail(p.getEmail());
        r.setProfession(p.getProfession());
        r.setEmployer(p.getEmployer());
        r.setConsentEmail(p.isConsentEmail());
        r.setConsentSms(p.isConsentSms());
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a.trim()) + " " + (b == null ? "" : b.trim())).trim();
    }
}
