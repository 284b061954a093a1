package fr.portailfamille.platform.family;

/**
 * One line of the agents' families list, read in one query with the page (no entity): the household,
 * its status, how many children and their first names, their schools and the quotient familial.
 */
public record FamilyRow(long id, String label, String email, FamilyStatus status, int children, String childNames,
                        String schools, Integer qf) implements java.io.Serializable {

    // JavaBean getters: Jakarta EL 5 (Jakarta EE 10) does not read record components
    public long getId() { return id; }
    public String getLabel() { return label; }
    public String getEmail() { return email; }
    public FamilyStatus getStatus() { return status; }
    public int getChildren() { return children; }
    public String getChildNames() { return childNames; }
    public String getSchools() { return schools; }
    public Integer getQf() { return qf; }
}
