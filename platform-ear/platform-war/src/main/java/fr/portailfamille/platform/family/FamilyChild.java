package fr.portailfamille.platform.family;

import java.io.Serializable;

/**
 * A child of the family's own file as the pages that only name it need it: its id and first name, no health
 * data, so that a page keeping it in its view (and so in the session) keeps nothing else of the file. Getters,
 * not a record: Jakarta EL 5 pages cannot read record components.
 */
public final class FamilyChild implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Long id;
    private final String firstName;

    public FamilyChild(Long id, String firstName) {
        this.id = id;
        this.firstName = firstName;
    }

    public Long getId() { return id; }
    public String getFirstName() { return firstName; }
}
