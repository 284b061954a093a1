package fr.portailfamille.platform.family;

import fr.portailfamille.platform.family.validation.FrenchFormats;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.problems.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rules of the family file. {@link #check} lists EVERY problem at once (field path + text, bundle
 * {@code refusals}, {@code family.*}): formats always, mandatory fields only for "Valider l'inscription". {@link #normalize}
 * puts phones and IBAN in their canonical form.
 */
public final class FamilyFileRules {

    /** Who may attest a quotient familial (family.qf_source). */
    public static final Set<String> QF_SOURCES = Set.of("CAF", "MSA", "AVIS_IMPOSITION");

    public static final Set<String> SITUATIONS = Set.of("MARIES", "PACSES", "CONCUBINAGE", "CELIBATAIRE",
            "SEPARES", "DIVORCES", "VEUF");
    public static final Set<String> CIVILITIES = Set.of("MME", "M");

    private FamilyFileRules() {
    }

    public static List<FieldError> check(FamilyForm f, boolean forSubmission, LocalDate today) {
        return check(f, forSubmission, today, null);
    }

    /**
     * The rules of a file changed from {@code stored} (null: a first entry): the rules that time alone breaks — a child
     * of the file who has turned 18 since, a proof of quotient dated more than ten years back — hold for what is typed,
     * not for a value left as it was stored, which the family could not truthfully change (Léa, 18 this year, does
     * not stop her brother's class from being updated).
     */
    public static List<FieldError> check(FamilyForm f, boolean forSubmission, LocalDate today, FamilyForm stored) {
        List<FieldError> e = new ArrayList<>();
        if (forSubmission) {
            required(e, "situation", f.getSituation(), "family.situation.required");
            required(e, "addressLine", f.getAddressLine(), "family.address.required");
            required(e, "postcode", f.getPostcode(), "family.postcode.required");
            required(e, "city", f.getCity(), "family.city.required");
        }
        e.addAll(FormLimits.check(f));
        if (notBlank(f.getSituation()) && !SITUATIONS.contains(f.getSituation())) {
            e.add(error("situation", "family.situation.unknown"));
        }
        if (notBlank(f.getPostcode()) && !FrenchFormats.isPostcode(f.getPostcode())) {
            e.add(error("postcode", "family.postcode.invalid"));
        }
        phone(e, "homePhone", f.getHomePhone());
        if (notBlank(f.getCafNumber()) && !FrenchFormats.isCafNumber(f.getCafNumber())) {
            e.add(error("cafNumber", "family.caf.invalid"));
        }
        if (f.isQuotientFamilialUnreadable()) {
            e.add(error("quotientFamilial", "family.qf.unreadable"));
        } else if (f.getQuotientFamilial() != null && !FrenchFormats.isQuotientFamilial(f.getQuotientFamilial())) {
            e.add(error("quotientFamilial", "family.qf.range"));
        }
        if (notBlank(f.getQfSource()) && !QF_SOURCES.contains(f.getQfSource())) {
            e.add(error("qfSource", "family.qfSource.unknown"));
        }
        if (f.getQfProofDate() != null && f.getQfProofDate().isAfter(today)) {
            e.add(error("qfProofDate", "family.qfProofDate.future"));
        } else if (f.getQfProofDate() != null && f.getQfProofDate().isBefore(today.minusYears(10))
                && (stored == null || !f.getQfProofDate().equals(stored.getQfProofDate()))) {
            e.add(error("qfProofDate", "family.qfProofDate.tooOld"));
        }
        if (forSubmission) {
            e.addAll(quotientWithoutProof(f));
        }
        if (f.isMonthlyResourcesUnreadable()) {
            e.add(error("monthlyResources", "family.resources.unreadable"));
        } else if (f.getMonthlyResourcesCents() != null && f.getMonthlyResourcesCents() > 100_000_00L) {
            e.add(error("monthlyResources", "family.resources.tooHigh"));
        }
        if (notBlank(f.getIban())) {
            if (!FrenchFormats.isIban(f.getIban())) {
                e.add(error("iban", "family.iban.invalid"));
            }
            if (forSubmission) {
                required(e, "accountHolder", f.getAccountHolder(), "family.accountHolder.required");
            }
        }
        person(e, "responsable1", f.getResponsable1(), forSubmission, true, today);
        if (f.isWithResponsable2()) {
            person(e, "responsable2", f.getResponsable2(), forSubmission, false, today);
        }
        if (forSubmission && f.getChildren().isEmpty()) {
            e.add(error("children", "family.children.required"));
        }
        for (int i = 0; i < f.getChildren().size(); i++) {
            FamilyForm.ChildForm c = f.getChildren().get(i);
            child(e, "children[" + i + "]", c, forSubmission, today, storedBirthDate(stored, c));
        }
        return e;
    }

    private static void person(List<FieldError> e, String p, FamilyForm.Person r, boolean submit, boolean first,
                               LocalDate today) {
        int who = first ? 1 : 2;
        if (submit) {
            required(e, p + ".civility", r.getCivility(), "family.person.civility.required", who);
            required(e, p + ".lastName", r.getLastName(), "family.person.lastName.required", who);
            required(e, p + ".firstName", r.getFirstName(), "family.person.firstName.required", who);
            if (first) {
                if (r.getBirthDate() == null) {
                    e.add(error(p + ".birthDate", "family.person.birthDate.required", who));
                }
                required(e, p + ".mobilePhone", r.getMobilePhone(), "family.person.mobilePhone.required", who);
                required(e, p + ".email", r.getEmail(), "family.person.email.required", who);
            }
        }
        if (notBlank(r.getCivility()) && !CIVILITIES.contains(r.getCivility())) {
            e.add(error(p + ".civility", "family.person.civility.unknown"));
        }
        if (r.getBirthDate() != null && !FrenchFormats.isBirthDateOfAdult(r.getBirthDate(), today)) {
            e.add(error(p + ".birthDate", "family.person.birthDate.invalid"));
        }
        phone(e, p + ".mobilePhone", r.getMobilePhone());
        phone(e, p + ".workPhone", r.getWorkPhone());
        if (notBlank(r.getEmail()) && !FrenchFormats.isEmail(r.getEmail())) {
            e.add(error(p + ".email", "family.email.invalid"));
        }
    }

    /**
     * A quotient familial is given with who attests it and the proof's date (the tariffs' rule of a proof too old
     * counts from it: without it, the maximum tariff): what is missing of those, beside its field.
     */
    public static List<FieldError> quotientWithoutProof(FamilyForm f) {
        List<FieldError> e = new ArrayList<>();
        if (f.getQuotientFamilial() != null) {
            if (!notBlank(f.getQfSource())) {
                e.add(error("qfSource", "family.qfSource.required"));
            }
            if (f.getQfProofDate() == null) {
                e.add(error("qfProofDate", "family.qfProofDate.required"));
            }
        }
        return e;
    }

    /** The birth date stored for this child of the file (by its id), null for a new child or a first entry. */
    private static LocalDate storedBirthDate(FamilyForm stored, FamilyForm.ChildForm c) {
        if (stored == null || c.getId() == null) {
            return null;
        }
        return stored.getChildren().stream().filter(s -> c.getId().equals(s.getId())).map(FamilyForm.ChildForm::getBirthDate)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static void child(List<FieldError> e, String p, FamilyForm.ChildForm c, boolean submit, LocalDate today,
                              LocalDate storedBirthDate) {
        if (submit) {
            required(e, p + ".firstName", c.getFirstName(), "family.child.firstName.required");
            required(e, p + ".lastName", c.getLastName(), "family.child.lastName.required");
            required(e, p + ".sex", c.getSex(), "family.child.sex.required");
            if (c.getBirthDate() == null) {
                e.add(error(p + ".birthDate", "family.child.birthDate.required"));
            }
            required(e, p + ".school", c.getSchool(), "family.child.school.required");
        }
        if (notBlank(c.getSex()) && !Set.of("F", "M").contains(c.getSex())) {
            e.add(error(p + ".sex", "family.child.sex.unknown"));
        }
        if (c.getBirthDate() != null && !FrenchFormats.isBirthDateOfChild(c.getBirthDate(), today)
                && !c.getBirthDate().equals(storedBirthDate)) {
            e.add(error(p + ".birthDate", "family.child.birthDate.invalid"));
        }
        phone(e, p + ".doctorPhone", c.getDoctorPhone());
        for (int j = 0; j < c.getContacts().size(); j++) {
            FamilyForm.Contact k = c.getContacts().get(j);
            String q = p + ".contacts[" + j + "]";
            required(e, q + ".name", k.getName(), "family.contact.name.required");
            required(e, q + ".relation", k.getRelation(), "family.contact.relation.required");
            required(e, q + ".phone", k.getPhone(), "family.contact.phone.required");
            phone(e, q + ".phone", k.getPhone());
        }
    }

    /** Canonical forms: trimmed texts, phones "06 12 34 56 78", grouped IBAN. Call after a clean check. */
    public static void normalize(FamilyForm f) {
        f.setHomePhone(normPhone(f.getHomePhone()));
        f.setIban(notBlank(f.getIban()) ? FrenchFormats.normalizeIban(f.getIban()) : null);
        f.setCafNumber(trim(f.getCafNumber()) == null ? null : f.getCafNumber().replace(" ", ""));
        f.setPostcode(trim(f.getPostcode()));
        for (FamilyForm.Person p : List.of(f.getResponsable1(), f.getResponsable2())) {
            p.setMobilePhone(normPhone(p.getMobilePhone()));
            p.setWorkPhone(normPhone(p.getWorkPhone()));
            p.setEmail(trim(p.getEmail()));
        }
        for (FamilyForm.ChildForm c : f.getChildren()) {
            c.setDoctorPhone(normPhone(c.getDoctorPhone()));
            c.getContacts().forEach(k -> k.setPhone(normPhone(k.getPhone())));
        }
    }

    private static String normPhone(String v) {
        return notBlank(v) ? FrenchFormats.normalizePhone(v) : null;
    }

    private static String trim(String v) {
        return notBlank(v) ? v.trim() : null;
    }

    private static void phone(List<FieldError> e, String field, String value) {
        if (notBlank(value) && FrenchFormats.normalizePhone(value) == null) {
            e.add(error(field, "family.phone.invalid"));
        }
    }

    private static void required(List<FieldError> e, String field, String value, String key, Object... args) {
        if (!notBlank(value)) {
            e.add(error(field, key, args));
        }
    }

    /** The problem {@code key} of the bundle {@code refusals}, at {@code field}. */
    static FieldError error(String field, String key, Object... args) {
        return new FieldError(field, Refused.text(key, args));
    }

    static boolean notBlank(String v) {
        return v != null && !v.isBlank();
    }
}
