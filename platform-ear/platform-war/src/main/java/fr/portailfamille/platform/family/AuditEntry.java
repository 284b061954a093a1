package fr.portailfamille.platform.family;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One line of the audit log: who did what to which family or child, when. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(insertable = false, updatable = false)
    private OffsetDateTime at;

    private String actor;
    private String action;
    @Column(name = "family_id")
    private Long familyId;
    @Column(name = "child_id")
    private Long childId;
    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(String actor, String action, Long familyId, Long childId, String detail) {
        this.actor = actor;
        this.action = action;
        this.familyId = familyId;
        this.childId = childId;
        this.detail = detail;
    }

    public OffsetDateTime getAt() { return at; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public Long getFamilyId() { return familyId; }
    public Long getChildId() { return childId; }
    public String getDetail() { return detail; }
}
