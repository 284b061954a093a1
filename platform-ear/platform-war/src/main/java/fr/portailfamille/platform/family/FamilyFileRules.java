package fr.portailfamille.platform.family;

import fr.portailfamille.platform.family.validation.FrenchFormats;
import fr.portailfamille.problems.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rules of the family file. {@link #check} lists EVERY problem at once (field path + French
 * message): formats always, mandatory fields only for "Valider l'inscription". {@link #normalize}
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
        List<FieldError> e = new ArrayList<>();
        if (forSubmission) {
            required(e, "situation", f.getSituation(), "La situation familiale est obligatoire.");
            required(e, "addressLine", f.getAddressLine(), "L'adresse est obligatoire.");
            required(e, "postcode", f.getPostcode(), "Le code postal est obligatoire.");
            required(e, "city", f.getCity(), "La commune de résidence est obligatoire.");
        }
        e.addAll(FormLimits.check(f));
        if (notBlank(f.getSituation()) && !SITUATIONS.contains(f.getSituation())) {
            e.add(new FieldError("situation", "Situation familiale inconnue."));
        }
        if (notBlank(f.getPostcode()) && !FrenchFormats.isPostcode(f.getPostcode())) {
            e.add(new FieldError("postcode", "Code postal invalide : 5 chiffres, par exemple 87000."));
        }
        phone(e, "homePhone", f.getHomePhone());
        if (notBlank(f.getCafNumber()) && !FrenchFormats.isCafNumber(f.getCafNumber())) {
            e.add(new FieldError("cafNumber", "Numéro d'allocataire CAF invalide : 7 chiffres."));
        }
        if (f.isQuotientFamilialUnreadable()) {
            e.add(new FieldError("quotientFamilial", "Le quotient familial s'écrit en chiffres, par exemple 650."));
        } else if (f.getQuotientFamilial() != null && !FrenchFormats.isQuotientFamilial(f.getQuotientFamilial())) {
            e.add(new FieldError("quotientFamilial", "Le quotient familial doit être compris entre 0 et 10 000."));
        }
        if (notBlank(f.getQfSource()) && !QF_SOURCES.contains(f.getQfSource())) {
            e.add(new FieldError("qfSource", "Organisme inconnu : CAF, MSA ou avis d'imposition."));
        }
        if (f.getQfProofDate() != null && f.getQfProofDate().isAfter(today)) {
            e.add(new FieldError("qfProofDate", "La date de l'attestation ne peut pas être dans le futur."));
        } else if (f.getQfProofDate() != null && f.getQfProofDate().isBefore(today.minusYears(10))) {
            e.add(new FieldError("qfProofDate", "Cette attestation a plus de 10 ans : indiquez la date de la plus récente."));
        }
        if (f.getQuotientFamilial() != null && forSubmission) {
            if (!notBlank(f.getQfSource())) {
                e.add(new FieldError("qfSource", "Indiquez qui atteste votre quotient familial (CAF, MSA ou avis d'imposition)."));
            }
            if (f.getQfProofDate() == null) {
                e.add(new FieldError("qfProofDate", "Indiquez la date de l'attestation de quotient familial."));
            }
        }
        if (f.isMonthlyResourcesUnreadable()) {
            e.add(new FieldError("monthlyResources", "Les ressources mensuelles s'écrivent en euros, par exemple 1 850,50."));
        } else if (f.getMonthlyResourcesCents() != null && f.getMonthlyResourcesCents() > 100_000_00L) {
            e.add(new FieldError("monthlyResources", "Les ressources mensuelles doivent être inférieures à 100 000 €."));
        }
        if (notBlank(f.getIban())) {
            if (!FrenchFormats.isIban(f.getIban())) {
                e.add(new FieldError("iban", "IBAN invalide : vérifiez les chiffres (clé de contrôle incorrecte)."));
            }
            if (forSubmission) {
                required(e, "accountHolder", f.getAccountHolder(), "Le titulaire du compte est obligatoire avec un IBAN.");
            }
        }
        person(e, "responsable1", f.getResponsable1(), forSubmission, true, today);
        if (f.isWithResponsable2()) {
            person(e, "responsable2", f.getResponsable2(), forSubmission, false, today);
        }
        if (forSubmission && f.getChildren().isEmpty()) {
            e.add(new FieldError("children", "Ajoutez au moins un enfant."));
        }
        for (int i = 0; i < f.getChildren().size(); i++) {
            child(e, "children[" + i + "]", f.getChildren().get(i), forSubmission, today);
        }
        return e;
    }

    private static void person(List<FieldError> e, String p, FamilyForm.Person r, boolean submit, boolean first,
                               LocalDate today) {
        String who = first ? "du responsable 1" : "du responsable 2";
        if (submit) {
            required(e, p + ".civility", r.getCivility(), "La civilité " + who + " est obligatoire.");
            required(e, p + ".lastName", r.getLastName(), "Le nom " + who + " est obligatoire.");
            required(e, p + ".firstName", r.getFirstName(), "Le prénom " + who + " est obligatoire.");
            if (first) {
                if (r.getBirthDate() == null) {
                    e.add(new FieldError(p + ".birthDate", "La date de naissance " + who + " est obligatoire."));
                }
                required(e, p + ".mobilePhone", r.getMobilePhone(), "Le téléphone portable " + who + " est obligatoire.");
                required(e, p + ".email", r.getEmail(), "Le courriel " + who + " est obligatoire.");
            }
        }
        if (notBlank(r.getCivility()) && !CIVILITIES.contains(r.getCivility())) {
            e.add(new FieldError(p + ".civility", "Civilité inconnue."));
        }
        if (r.getBirthDate() != null && !FrenchFormats.isBirthDateOfAdult(r.getBirthDate(), today)) {
            e.add(new FieldError(p + ".birthDate", "Date de naissance invalide : un responsable a au moins 16 ans"
                    + " et la date ne peut pas être dans le futur."));
        }
        phone(e, p + ".mobilePhone", r.getMobilePhone());
        phone(e, p + ".workPhone", r.getWorkPhone());
        if (notBlank(r.getEmail()) && !FrenchFormats.isEmail(r.getEmail())) {
            e.add(new FieldError(p + ".email", "Adresse de courriel invalide, par exemple prenom.nom@exemple.fr."));
        }
    }

    private static void child(List<FieldError> e, String p, FamilyForm.ChildForm c, boolean submit, LocalDate today) {
        if (submit) {
            required(e, p + ".firstName", c.getFirstName(), "Le prénom de l'enfant est obligatoire.");
            required(e, p + ".lastName", c.getLastName(), "Le nom de l'enfant est obligatoire.");
            required(e, p + ".sex", c.getSex(), "Le sexe de l'enfant est obligatoire.");
            if (c.getBirthDate() == null) {
                e.add(new FieldError(p + ".birthDate", "La date de naissance de l'enfant est obligatoire."));
            }
            required(e, p + ".school", c.getSchool(), "L'école de l'enfant est obligatoire.");
        }
        if (notBlank(c.getSex()) && !Set.of("F", "M").contains(c.getSex())) {
            e.add(new FieldError(p + ".sex", "Sexe inconnu."));
        }
        if (c.getBirthDate() != null && !FrenchFormats.isBirthDateOfChild(c.getBirthDate(), today)) {
            e.add(new FieldError(p + ".birthDate", "Date de naissance invalide : elle doit être passée et l'enfant"
                    + " doit avoir moins de 18 ans."));
        }
        phone(e, p + ".doctorPhone", c.getDoctorPhone());
        for (int j = 0; j < c.getContacts().size(); j++) {
            FamilyForm.Contact k = c.getContacts().get(j);
            String q = p + ".contacts[" + j + "]";
            required(e, q + ".name", k.getName(), "Le nom de la personne autorisée est obligatoire.");
            required(e, q + ".relation", k.getRelation(), "Le lien avec l'enfant est obligatoire.");
            required(e, q + ".phone", k.getPhone(), "Le téléphone de la personne autorisée est obligatoire.");
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
            e.add(new FieldError(field, "Numéro de téléphone invalide : 10 chiffres, par exemple 06 12 34 56 78."));
        }
    }

    private static void required(List<FieldError> e, String field, String value, String message) {
        if (!notBlank(value)) {
            e.add(new FieldError(field, message));
        }
    }

    static boolean notBlank(String v) {
        return v != null && !v.isBlank();
    }
}
