package fr.portailfamille.platform.family;

import fr.portailfamille.platform.kernel.PlatformTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A demande de modification of a validated family file: the values before and after (JSON objects
 * of field → value), decided by an agent who accepts (then the new values are applied) or refuses
 * with a reason.
 */
@Entity
@Table(name = "change_request")
public class ChangeRequest {

    public enum Type {
        ADRESSE("Adresse"), TELEPHONES("Responsable et téléphones"), CONJOINT("Conjoint"), CAF("CAF et quotient familial"),
        BANQUE("Coordonnées bancaires"), ENFANT("Enfants (nouvel enfant, identité, école)"), SANTE("Données sanitaires"),
        CONTACTS("Personnes autorisées"), AUTORISATIONS("Autorisations");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        PENDING, ACCEPTED, REFUSED,
        /** Taken back by the family before any decision (Mes demandes). */
        WITHDRAWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @Enumerated(EnumType.STRING)
    private Type type;

    @Enumerated(EnumType.STRING)
    private Status status = Status.PENDING;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    private String reason;

    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    protected ChangeRequest() {
    }

    public ChangeRequest(Family family, Type type, String oldValue, String newValue) {
        this.family = family;
        this.type = type;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    void decide(Status decision, String agent, String why) {
        this.status = decision;
        this.decidedBy = agent;
        this.reason = why;
        this.decidedAt = OffsetDateTime.now(PlatformTime.ZONE);
    }

    public Long getId() { return id; }
    public Family getFamily() { return family; }
    public Type getType() { return type; }
    public Status getStatus() { return status; }
    public String getOldValue() { return oldValue; }
    public String getNewValue() { return newValue; }
    public String getReason() { return reason; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getDecidedAt() { return decidedAt; }
    public String getDecidedBy() { return decidedBy; }
}
