package fr.portailfamille.platform.family;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A person authorised to pick a child up. */
@Entity
@Table(name = "authorized_contact")
public class AuthorizedContact implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "child_id")
    private Child child;

    private String name;
    private String relation;
    private String phone;

    protected AuthorizedContact() {
    }

    AuthorizedContact(Child child, String name, String relation, String phone) {
        this.child = child;
        this.name = name;
        this.relation = relation;
        this.phone = phone;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getRelation() { return relation; }
    public String getPhone() { return phone; }
}
