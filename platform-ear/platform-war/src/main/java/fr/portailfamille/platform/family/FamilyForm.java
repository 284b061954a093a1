package fr.portailfamille.platform.family;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the family edits in "Mon foyer": a plain copy of its file, never an entity, so that nothing
 * reaches the database before {@link FamilyFileService} has checked it. Children are matched to the
 * stored ones by id, and only among this family's children.
 */
public class FamilyForm implements Serializable {

    /** A responsable (1 or 2). */
    public static class Person implements Serializable {
        private String civility;
        @Size(max = 100, message = "Ce texte est trop long : 100 caractères au plus.")
        private String lastName;
        @Size(max = 100, message = "Ce texte est trop long : 100 caractères au plus.")
        private String firstName;
        private LocalDate birthDate;
        @Size(max = 20, message = "Ce texte est trop long : 20 caractères au plus.")
        private String mobilePhone;
        @Size(max = 20, message = "Ce texte est trop long : 20 caractères au plus.")
        private String workPhone;
        @Size(max = 254, message = "Ce texte est trop long : 254 caractères au plus.")
        private String email;
        @Size(max = 100, message = "Ce texte est trop long : 100 caractères au plus.")
        private String profession;
        @Size(max = 100, message = "Ce texte est trop long : 100 caractères au plus.")
        private String employer;
        private boolean consentEmail;
        private boolean consentSms;

        public String getCivility() { return civility; }
        public void setCivility(String v) { civility = v; }
        public String getLastName() { return lastName; }
        public void setLastName(String v) { lastName = v; }
        public String getFirstName() { return firstName; }
        public void setFirstName(String v) { firstName = v; }
        public LocalDate getBirthDate() { return birthDate; }
        public void setBirthDate(LocalDate v) { birthDate = v; }
        public String getMobilePhone() { return mobilePhone; }
        public void setMobilePhone(String v) { mobilePhone = v; }
        public String getWorkPhone() { return workPhone; }
        public void setWorkPhone(String v) { workPhone = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
        public String getProfession() { return profession; }
        public void setProfession(String v) { profession = v; }
        public String getEmployer() { return employer; }
        public void setEmployer(String v) { employer = v; }
        public boolean isConsentEmail() { return consentEmail; }
        public void setConsentEmail(boolean v) { consentEmail = v; }
        public boolean isConsentSms() { return consentSms; }
        public void setConsentSms(boolean v) { consentSms = v; }
    }

    /** A person allowed to pick a child up. */
    public static class Contact implements Serializable {
        @Size(max = 120, message = "Ce texte est trop long : 120 caractères au plus.")
        private String name;
        @Size(max = 60, message = "Ce texte est trop long : 60 caractères au plus.")
        private String relation;
        @Size(max = 20, message = "Ce texte est trop long : 20 caractères au plus.")
        private String phone;

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getRelation() { return relation; }
        public void setRelation(String v) { relation = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
    }

    /** A child with its fiche sanitaire, authorisations and contacts. */
    public static class ChildForm implements Serializable {
        private Long id;
        @Size(max = 100, message = "Ce texte est trop long : 100 caractères au plus.")
        private String firstName;
        @Size(max = 100, message = "Ce texte est trop long : 100 caractères au plus.")
        private String lastName;
        private String sex;
        private LocalDate birthDate;
        @Size(max = 100, message = "Ce texte est trop long : 100 caractères au plus.")
        private String birthPlace;
        @Size(max = 120, message = "Ce texte est trop long : 120 caractères au plus.")
        private String school;
        @Size(max = 30, message = "Ce texte est trop long : 30 caractères au plus.")
        private String schoolClass;
        private boolean photoConsent;
        private boolean mayLeaveAlone;
        @Size(max = 500, message = "Ce texte est trop long : 500 caractères au plus.")
        private String allergies;
        private boolean pai;
        @Size(max = 200, message = "Ce texte est trop long : 200 caractères au plus.")
        private String diet;
        @Size(max = 120, message = "Ce texte est trop long : 120 caractères au plus.")
        private String doctorName;
        @Size(max = 20, message = "Ce texte est trop long : 20 caractères au plus.")
        private String doctorPhone;
        private boolean glasses;
        @Size(max = 1000, message = "Ce texte est trop long : 1000 caractères au plus.")
        private String medicalNotes;
        private List<Contact> contacts = new ArrayList<>();

        public Long getId() { return id; }
        public void setId(Long v) { id = v; }
        public String getFirstName() { return firstName; }
        public void setFirstName(String v) { firstName = v; }
        public String getLastName() { return lastName; }
        public void setLastName(String v) { lastName = v; }
        public String getSex() { return sex; }
        public void setSex(String v) { sex = v; }
        public LocalDate getBirthDate() { return birthDate; }
        public void setBirthDate(LocalDate v) { birthDate = v; }
        public String getBirthPlace() { return birthPlace; }
        public void setBirthPlace(String v) { birthPlace = v; }
        public String getSchool() { return school; }
        public void setSchool(String v) { school = v; }
        public String getSchoolClass() { return schoolClass; }
        public void setSchoolClass(String v) { schoolClass = v; }
        public boolean isPhotoConsent() { return photoConsent; }
        public void setPhotoConsent(boolean v) { photoConsent = v; }
        public boolean isMayLeaveAlone() { return mayLeaveAlone; }
        public void setMayLeaveAlone(boolean v) { mayLeaveAlone = v; }
        public String getAllergies() { return allergies; }
        public void setAllergies(String v) { allergies = v; }
        public boolean isPai() { return pai; }
        public void setPai(boolean v) { pai = v; }
        public String getDiet() { return diet; }
        public void setDiet(String v) { diet = v; }
        public String getDoctorName() { return doctorName; }
        public void setDoctorName(String v) { doctorName = v; }
        public String getDoctorPhone() { return doctorPhone; }
        public void setDoctorPhone(String v) { doctorPhone = v; }
        public boolean isGlasses() { return glasses; }
        public void setGlasses(boolean v) { glasses = v; }
        public String getMedicalNotes() { return medicalNotes; }
        public void setMedicalNotes(String v) { medicalNotes = v; }
        public List<Contact> getContacts() { return contacts; }
        public void setContacts(List<Contact> v) { contacts = v; }
    }

    /** The file this form was read from (null for a file not saved yet): an edit is saved onto that file only. */
    private Long familyId;
    /**
     * The file as an agent read it into this form ({@link FamilyFileMapper#fingerprint}), null when not read for an
     * agent's edit: a save finding the file changed since (the family's request accepted by another agent…) is refused
     * rather than putting the older values back.
     */
    private String readAs;
    private String situation;
    @Size(max = 200, message = "Ce texte est trop long : 200 caractères au plus.")
    private String addressLine;
    @Size(max = 5, message = "Ce texte est trop long : 5 caractères au plus.")
    private String postcode;
    @Size(max = 100, message = "Ce texte est trop long : 100 caractères au plus.")
    private String city;
    @Size(max = 20, message = "Ce texte est trop long : 20 caractères au plus.")
    private String homePhone;
    @Size(max = 7, message = "Ce texte est trop long : 7 caractères au plus.")
    private String cafNumber;
    private Integer quotientFamilial;
    /** The quotient familial as typed when it is not a whole number (null otherwise): kept to be shown again, never saved. */
    private transient String quotientFamilialUnread;
    /** CAF, MSA or AVIS_IMPOSITION. */
    @Size(max = 20, message = "Ce texte est trop long : 20 caractères au plus.")
    private String qfSource;
    private LocalDate qfProofDate;
    private Long monthlyResourcesCents;
    /** The monthly resources as typed when they are not an amount of euros (null otherwise): shown again, never saved. */
    private transient String monthlyResourcesUnread;
    @Size(max = 42, message = "Ce texte est trop long : 42 caractères au plus.")
    private String iban;
    @Size(max = 120, message = "Ce texte est trop long : 120 caractères au plus.")
    private String accountHolder;
    private Person responsable1 = new Person();
    private boolean withResponsable2;
    private Person responsable2 = new Person();
    private List<ChildForm> children = new ArrayList<>();

    public String getSituation() { return situation; }
    public void setSituation(String v) { situation = v; }
    public String getAddressLine() { return addressLine; }
    public void setAddressLine(String v) { addressLine = v; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String v) { postcode = v; }
    public String getCity() { return city; }
    public void setCity(String v) { city = v; }
    public String getHomePhone() { return homePhone; }
    public void setHomePhone(String v) { homePhone = v; }
    public String getCafNumber() { return cafNumber; }
    public void setCafNumber(String v) { cafNumber = v; }
    public Integer getQuotientFamilial() { return quotientFamilial; }
    public void setQuotientFamilial(Integer v) { quotientFamilial = v; quotientFamilialUnread = null; }

    /**
     * The quotient familial field as text: letters typed there must not stop "Finir plus tard" from saving the
     * rest of the form (an Integer converter would refuse the whole request), so the rules report it instead.
     */
    @JsonbTransient
    public String getQuotientFamilialText() {
        return quotientFamilialUnread != null ? quotientFamilialUnread
                : quotientFamilial == null ? "" : quotientFamilial.toString();
    }

    @JsonbTransient
    public void setQuotientFamilialText(String v) {
        String digits = v == null ? "" : v.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (digits.matches("\\d{1,3}([,.]\\d{3})+")) {
            // thousands grouped as an English page (« 1,200 ») or a habit (« 1.200 ») writes them: a QF is a whole number
            digits = digits.replace(",", "").replace(".", "");
        }
        quotientFamilialUnread = null;
        quotientFamilial = null;
        if (digits.isEmpty()) {
            return;
        }
        try {
            quotientFamilial = Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            quotientFamilialUnread = v.length() > 20 ? v.substring(0, 20) : v;
        }
    }

    /** {@code true} when the typed quotient familial is not a whole number. */
    @JsonbTransient
    public boolean isQuotientFamilialUnreadable() { return quotientFamilialUnread != null; }
    public String getQfSource() { return qfSource; }
    public void setQfSource(String v) { qfSource = v; }
    public LocalDate getQfProofDate() { return qfProofDate; }
    public void setQfProofDate(LocalDate v) { qfProofDate = v; }
    public Long getMonthlyResourcesCents() { return monthlyResourcesCents; }
    public void setMonthlyResourcesCents(Long v) { monthlyResourcesCents = v; monthlyResourcesUnread = null; }

    /** The monthly resources field as euros text ("1 850,50"): what is not an amount is reported by the rules. */
    @JsonbTransient
    public String getMonthlyResourcesText() {
        return monthlyResourcesUnread != null ? monthlyResourcesUnread
                : monthlyResourcesCents == null ? "" : fr.portailfamille.billing.Money.euros(monthlyResourcesCents).toPlainString().replace('.', ',');
    }

    @JsonbTransient
    public void setMonthlyResourcesText(String v) {
        monthlyResourcesUnread = null;
        monthlyResourcesCents = null;
        if (v == null || v.isBlank()) {
            return;
        }
        java.util.Optional<Long> cents = fr.portailfamille.billing.Money.parseEuros(v);
        if (cents.isPresent()) {
            monthlyResourcesCents = cents.get();
        } else {
            monthlyResourcesUnread = v.length() > 20 ? v.substring(0, 20) : v;
        }
    }

    /** {@code true} when the typed monthly resources are not an amount of euros. */
    @JsonbTransient
    public boolean isMonthlyResourcesUnreadable() { return monthlyResourcesUnread != null; }
    public String getIban() { return iban; }
    public void setIban(String v) { iban = v; }
    public String getAccountHolder() { return accountHolder; }
    public void setAccountHolder(String v) { accountHolder = v; }
    public Person getResponsable1() { return responsable1; }
    public void setResponsable1(Person v) { responsable1 = v; }
    public void setResponsable2(Person v) { responsable2 = v; }
    public void setChildren(List<ChildForm> v) { children = v; }
    public String getReadAs() { return readAs; }
    void setReadAs(String v) { readAs = v; }
    public Long getFamilyId() { return familyId; }
    public void setFamilyId(Long v) { familyId = v; }
    public boolean isWithResponsable2() { return withResponsable2; }
    public void setWithResponsable2(boolean v) { withResponsable2 = v; }
    public Person getResponsable2() { return responsable2; }
    public List<ChildForm> getChildren() { return children; }
}
