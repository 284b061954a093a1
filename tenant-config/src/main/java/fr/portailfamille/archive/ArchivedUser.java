package fr.portailfamille.archive;

import java.util.List;

/**
 * An account of the commune's realm as the archive keeps it: who it is and what it may do, never a credential (no
 * password, no one-time code, no identity-provider link). The Keycloak id is kept because the commune's data names
 * accounts by it ({@code family.subject}); a restored account must choose a password again. Its groups (their paths,
 * e.g. {@code /service-enfance}: the messaging services an agent answers for) come back with it.
 */
public record ArchivedUser(String id, String username, String email, String firstName, String lastName,
                           boolean enabled, boolean emailVerified, List<String> realmRoles,
                           List<String> requiredActions, List<String> groups) {

    public ArchivedUser {
        realmRoles = realmRoles == null ? List.of() : List.copyOf(realmRoles);
        requiredActions = requiredActions == null ? List.of() : List.copyOf(requiredActions);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** An account in no group. */
    public ArchivedUser(String id, String username, String email, String firstName, String lastName, boolean enabled,
                        boolean emailVerified, List<String> realmRoles, List<String> requiredActions) {
        this(id, username, email, firstName, lastName, enabled, emailVerified, realmRoles, requiredActions, List.of());
    }
}
