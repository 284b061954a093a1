package fr.portailfamille.platform.family;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A child of a household. */
@Entity
@Table(name = "child")
public class Child implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private String sex;
    @Column(name = "birth_place")
    private String birthPlace;
    private String school;
    @Column(name = "school_class")
    private String schoolClass;
    /** The school year its class is known for ("2026-2027", tenant V57): the nightly job moves it up a level a year. */
    @Column(name = "class_year")
    private String classYear;
    @Column(name = "photo_consent")
    private boolean photoConsent;
    @Column(name = "may_leave_alone")
    private boolean mayLeaveAlone;
    /** Fiche sanitaire: health data, read only by agents with the agent-sante role (audited). */
    private String allergies;
    private boolean pai;
    private String diet;
    @Column(name = "doctor_name")
    private String doctorName;
    @Column(name = "doctor_phone")
    private String doctorPhone;
    private boolean glasses;
    @Column(name = "medical_notes")
    private String medicalNotes;

    @OneToMany(mappedBy = "child", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<AuthorizedContact> contacts = new ArrayList<>();

    protected Child() {
    }

    Child(Family family, String firstName, String lastName, LocalDate birthDate) {
        this.family = family;
        this.firstName = firstName;
        this.lastName = lastName;
        this.birthDate = birthDate;
    }

    public Long getId() {
        return id;
    }

    public Family getFamily() {
        return family;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setFirstName(String firstName) { this.firstName = firstName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public String getBirthPlace() { return birthPlace; }
    public void setBirthPlace(String birthPlace) { this.birthPlace = birthPlace; }
    public String getSchool() { return school; }
    public void setSchool(String school) { this.school = school; }
    public String getSchoolClass() { return schoolClass; }
    /** A class changed by hand (the family's file, an agent) is the year's as typed: its year is stamped again at night. */
    public void setSchoolClass(String schoolClass) {
        if (!java.util.Objects.equals(this.schoolClass, schoolClass)) {
            classYear = null;
        }
        this.schoolClass = schoolClass;
    }
    public String getClassYear() { return classYear; }
    public void setClassYear(String classYear) { this.classYear = classYear; }
    public boolean isPhotoConsent() { return photoConsent; }
    public void setPhotoConsent(boolean photoConsent) { this.photoConsent = photoConsent; }
    public boolean isMayLeaveAlone() { return mayLeaveAlone; }
    public void setMayLeaveAlone(boolean mayLeaveAlone) { this.mayLeaveAlone = mayLeaveAlone; }
    public String getAllergies() { return allergies; }
    public void setAllergies(String allergies) { this.allergies = allergies; }
    public boolean isPai() { return pai; }
    public void setPai(boolean pai) { this.pai = pai; }
    public String getDiet() { return diet; }
    public void setDiet(String diet) { this.diet = diet; }
    public String getDoctorName() { return doctorName; }
    public void setDoctorName(String doctorName) { this.doctorName = doctorName; }
    public String getDoctorPhone() { return doctorPhone; }
    public void setDoctorPhone(String doctorPhone) { this.doctorPhone = doctorPhone; }
    public boolean isGlasses() { return glasses; }
    public void setGlasses(boolean glasses) { this.glasses = glasses; }
    public String getMedicalNotes() { return medicalNotes; }
    public void setMedicalNotes(String medicalNotes) { this.medicalNotes = medicalNotes; }
    public List<AuthorizedContact> getContacts() { return contacts; }

    public AuthorizedContact addContact(String name, String relation, String phone) {
        AuthorizedContact c = new AuthorizedContact(this, name, relation, phone);
        contacts.add(c);
        return c;
    }
}
