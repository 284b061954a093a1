package fr.portailfamille.platform.registration;

import fr.portailfamille.platform.family.Child;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A school pre-registration (inscription scolaire) for a school year, decided by the education service. */
@Entity
@Table(name = "school_enrolment")
public class SchoolEnrolment extends FamilyRequest {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "establishment_id")
    private Establishment establishment;
    @Column(name = "school_year")
    private String schoolYear;
    private String level;
    private String comment;
    @Column(name = "applied_at")
    private OffsetDateTime appliedAt;

    protected SchoolEnrolment() {
    }

    SchoolEnrolment(Child child, Establishment establishment, String schoolYear, String level, String comment,
                    OffsetDateTime now) {
        super(child, now);
        this.establishment = establishment;
        this.schoolYear = schoolYear;
        this.level = level;
        this.comment = comment;
    }

    public Establishment getEstablishment() { return establishment; }
    public String getSchoolYear() { return schoolYear; }
    public String getLevel() { return level; }
    public String getComment() { return comment; }
    /** When the child's file took this accepted request's school and class; {@code null} before. */
    public OffsetDateTime getAppliedAt() { return appliedAt; }

    /** The child's file takes the school and class of this accepted request (its school year runs). */
    void applyToChild(OffsetDateTime now) {
        getChild().setSchool(establishment.getName());
        getChild().setSchoolClass(level);
        getChild().setClassYear(getSchoolYear());
        appliedAt = now;
    }
}
