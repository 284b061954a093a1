package fr.portailfamille.identity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.portailfamille.identity.KeycloakAdminHttp.enc;

/**
 * The platform's own account in Keycloak's master realm, made by an administrator of that realm: a user with the
 * master realm's {@value #CREATE_REALM} role and nothing else. Keycloak makes the creator of a realm its administrator,
 * so the platform administers the communes' realms it creates, and those it is {@link #grant granted} (realms made
 * before it had its own account); it cannot read or change the master realm, the operators' realm or any other realm.
 * The platform logs in with it through {@code admin-cli} ({@link KeycloakAdminHttp}), so its rights are read from
 * Keycloak's database on every call, not from a token that grows with the communes.
 */
public final class PlatformAccount {

    /** The account's user name unless configured otherwise ({@code pf.keycloak.admin-user}). */
    public static final String DEFAULT_USER = "portail-famille";
    /** The master realm's role that lets a user create realms. */
    public static final String CREATE_REALM = "create-realm";

    private static final String IMPERSONATION = "impersonation";
    private static final TypeReference<List<JsonNode>> LIST = new TypeReference<>() { };

    private final KeycloakAdminHttp master;

    /** @param master the admin API logged in as an administrator of the master realm */
    public PlatformAccount(KeycloakAdminHttp master) {
        this.master = master;
    }

    /**
     * Makes the account, or sets its password and role again (idempotent): enabled, its profile complete (Keycloak
     * refuses a password login to an account whose profile is not), the master realm's {@value #CREATE_REALM} role.
     *
     * @return the account's user id
     */
    public String ensure(String username, String password) {
        String id = find(username).orElse(null);
        if (id == null) {
            master.post("/master/users", Map.of("username", username, "enabled", true, "emailVerified", true,
                    "firstName", "Portail", "lastName", "Famille", "email", username + "@portail-famille.invalid"));
            id = find(username).orElseThrow(() -> new IllegalStateException("Compte " + username + " introuvable"));
        }
        master.put("/master/users/" + id + "/reset-password",
                Map.of("type", "password", "value", password, "temporary", false));
        JsonNode role = master.tree("/master/roles/" + CREATE_REALM);
        master.post("/master/users/" + id + "/role-mappings/realm", List.of(role));
        return id;
    }

    /**
     * Lets the account administer {@code realm} (a realm it did not create); false when there is no such realm.
     *
     * @param userId the account's id ({@link #ensure})
     */
    public boolean grant(String userId, String realm) {
        List<JsonNode> clients = master.get("/master/clients?clientId=" + enc(realm + "-realm"), LIST);
        if (clients.isEmpty()) {
            return false;
        }
        String client = clients.get(0).path("id").asText();
        // what Keycloak grants a realm's creator: the roles of the realm's client in the master realm, but impersonation
        List<JsonNode> roles = master.get("/master/clients/" + client + "/roles", LIST).stream()
                .filter(role -> !IMPERSONATION.equals(role.path("name").asText())).toList();
        master.post("/master/users/" + userId + "/role-mappings/clients/" + client, roles);
        return true;
    }

    private Optional<String> find(String username) {
        return master.get("/master/users?exact=true&username=" + enc(username), LIST).stream()
                .map(u -> u.path("id").asText()).findFirst();
    }
}
