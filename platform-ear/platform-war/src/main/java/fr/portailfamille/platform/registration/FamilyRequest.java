package fr.portailfamille.platform.registration;

import fr.portailfamille.platform.family.Child;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/** A family's request about a child that an agent validates or refuses with a reason. */
@MappedSuperclass
public abstract class FamilyRequest implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "child_id")
    private Child child;
    @Enumerated(EnumType.STRING)
    private RequestStatus status;
    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    private String reason;

    protected FamilyRequest() {
    }

    protected FamilyRequest(Child child, OffsetDateTime now) {
        this.child = child;
        this.status = RequestStatus.SUBMITTED;
        this.submittedAt = now;
    }

    void decide(boolean accept, String agent, String reason, OffsetDateTime now) {
        this.status = accept ? RequestStatus.VALIDATED : RequestStatus.REFUSED;
        this.decidedBy = agent;
        this.reason = reason;
        this.decidedAt = now;
    }

    /** The family takes its request back before any decision; {@code parent} is who did. */
    void withdraw(String parent, OffsetDateTime now) {
        this.status = RequestStatus.WITHDRAWN;
        this.decidedBy = parent;
        this.reason = null;
        this.decidedAt = now;
    }

    public Long getId() { return id; }
    public Child getChild() { return child; }
    public RequestStatus getStatus() { return status; }
    public OffsetDateTime getSubmittedAt() { return submittedAt; }
    public OffsetDateTime getDecidedAt() { return decidedAt; }
    /** The refusal's reason (or the agent's note), sent to the family. */
    public String getReason() { return reason; }
}
