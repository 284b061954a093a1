package fr.portailfamille.platform.registration;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;

/** A school or accueil of the commune. */
@Entity
@Table(name = "establishment")
@ReadOnly // written only by tenant-config's ConfigurationStore (JDBC), never through JPA
public class Establishment implements java.io.Serializable {

    @Id
    private Long id;
    private String code;
    private String name;
    private String kind;
    private String address;

    protected Establishment() {
    }

    /** Whether children are pre-registered there (inscription scolaire). */
    public boolean isSchool() {
        return kind != null && kind.startsWith("ECOLE_");
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getKind() { return kind; }
    public String getAddress() { return address; }
}
