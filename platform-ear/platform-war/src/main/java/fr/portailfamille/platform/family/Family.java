package fr.portailfamille.platform.family;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A household (foyer) of the commune. */
@Entity
@Table(name = "family")
public class Family {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String label;

    private String email;

    /** Keycloak user id of the responsable who signed in for this household. */
    private String subject;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @OneToMany(mappedBy = "family", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("birthDate")
    private List<Child> children = new ArrayList<>();

    protected Family() {
    }

    public Family(String label, String email) {
        this.label = label;
        this.email = email;
    }

    public Child addChild(String firstName, String lastName, java.time.LocalDate birthDate) {
        Child child = new Child(this, firstName, lastName, birthDate);
        children.add(child);
        return child;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public String getEmail() {
        return email;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public List<Child> getChildren() {
        return children;
    }
}
