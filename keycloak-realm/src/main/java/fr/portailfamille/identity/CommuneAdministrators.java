package fr.portailfamille.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The first administrator of a new commune: an account in the commune's realm with the role {@code agent} (and
 * {@code admin-commune} where the realm has it), without a password, invited by Keycloak's mail to confirm the address
 * and choose a password (execute-actions e-mail, valid 7 days).
 */
public final class CommuneAdministrators {

    /** The roles an administrator gets, those the realm has. */
    public static final List<String> ROLES = List.of("agent", "admin-commune");
    private static final int LIFESPAN_SECONDS = 7 * 24 * 3600;

    /** The staff roles: an existing account holding none of them is a family's. */
    static final List<String> STAFF_ROLES = List.of("agent", "agent-sante", "regisseur", "admin-commune");

    /**
     * The address is a family's account of the commune (no staff role): it is not made an administrator — its password
     * would open the staff area at once, its family's pages closed to it —; the administrator is invited with another
     * address (a professional one).
     */
    public static final class FamilyAccount extends IllegalStateException {
        public FamilyAccount(String email) {
            super("« " + email + " » est l'adresse d'un compte famille de la commune");
        }
    }

    private final KeycloakAdminHttp admin;

    public CommuneAdministrators(KeycloakAdminHttp admin) {
        this.admin = admin;
    }

    /**
     * Creates the account (or takes the existing one with this address, an agent's: a family's is refused, {@link
     * FamilyAccount}), gives it the roles and sends the invitation.
     *
     * @param clientId    the platform's client in the realm (the link in the mail leads back to it)
     * @param redirectUri where the administrator lands once the password is chosen (the commune's staff area)
     * @return the roles given
     */
    public List<String> invite(String realm, String email, String clientId, String redirectUri) {
        return invite(realm, email, null, null, clientId, redirectUri);
    }

    /**
     * {@link #invite(String, String, String, String)} with the administrator's names when the operator gave them: a new
     * account gets them, so that Keycloak does not ask them after the password; {@code null} leaves them to the
     * administrator.
     */
    public List<String> invite(String realm, String email, String firstName, String lastName, String clientId,
                               String redirectUri) {
        OperatorRealm helper = new OperatorRealm(admin);
        String id = helper.findUser(realm, email);
        if (id != null) {
            boolean staff = false;
            for (var role : admin.tree("/" + realm + "/users/" + id + "/role-mappings/realm")) {
                staff |= STAFF_ROLES.contains(role.path("name").asText());
            }
            if (!staff) {
                throw new FamilyAccount(email);
            }
        }
        if (id == null) {
            ObjectNode user = KeycloakAdminHttp.JSON.createObjectNode().put("username", email).put("email", email)
                    .put("enabled", true).put("emailVerified", false);
            if (firstName != null) {
                user.put("firstName", firstName);
            }
            if (lastName != null) {
                user.put("lastName", lastName);
            }
            id = admin.post("/" + realm + "/users", user);
        }
        List<String> roles = helper.grantRealmRoles(realm, id, ROLES);
        admin.put("/" + realm + "/users/" + id + "/execute-actions-email?lifespan=" + LIFESPAN_SECONDS
                        + "&client_id=" + KeycloakAdminHttp.enc(clientId) + "&redirect_uri="
                        + KeycloakAdminHttp.enc(redirectUri),
                KeycloakAdminHttp.JSON.createArrayNode().add("UPDATE_PASSWORD").add("VERIFY_EMAIL"));
        return roles;
    }
}
