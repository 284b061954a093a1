package fr.portailfamille.platform.security;

import java.io.Serializable;
import java.util.List;

/**
 * Who signed in, and in which commune: kept in the HTTP session and only honoured for requests to
 * that same commune.
 */
public record SignedInUser(String communeSlug, String subject, String name, String email, boolean emailVerified,
                           List<String> roles, String idToken) implements Serializable {

    public static final String SESSION_ATTRIBUTE = "pf.user";

    public SignedInUser {
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
