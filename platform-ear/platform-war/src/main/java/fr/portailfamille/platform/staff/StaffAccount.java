package fr.portailfamille.platform.staff;

import java.io.Serializable;
import java.util.List;

/**
 * An agent of the commune's realm as the administrators' page shows it: its Keycloak id, address, names, staff roles
 * (in {@link StaffAccountRules#ROLES} order), whether it may sign in, and whether its invitation is still pending
 * (its invitation's actions not done yet: password not chosen, address not confirmed).
 */
public record StaffAccount(String id, String email, String firstName, String lastName, List<String> roles,
                           boolean enabled, boolean pending) implements Serializable {

    public StaffAccount {
        roles = List.copyOf(roles);
    }

    // JavaBean getters: Jakarta EL 5 does not read record components
    public String getId() { return id; }
    public String getEmail() { return email; }
    public String getName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? email : name;
    }
    public List<String> getRoles() { return roles; }
    public boolean isEnabled() { return enabled; }
    public boolean isPending() { return pending; }
    public boolean isAdmin() { return roles.contains(fr.portailfamille.platform.security.StaffRoles.ADMIN); }
}
