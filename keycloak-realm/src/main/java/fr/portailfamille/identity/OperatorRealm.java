package fr.portailfamille.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.portailfamille.tenancy.RealmProvisioner;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The platform operators' realm {@value #REALM}, apart from every commune's: created from
 * {@code realm/operator-realm.json} (no registration, no password grant, a 12-character password policy, brute-force
 * lockout, French; realm role {@value #ROLE}; the console's public code-flow client {@value #CLIENT_ID} with PKCE),
 * its console client pointed at the operator host, and its operators' accounts.
 */
public final class OperatorRealm {

    public static final String REALM = "pf-operateurs";
    public static final String CLIENT_ID = "portail-operateur";
    public static final String ROLE = "operateur";
    /** The audience the operator API requires in an access token (added by the console client's mapper). */
    public static final String AUDIENCE = CLIENT_ID;

    private final KeycloakAdminHttp admin;

    public OperatorRealm(KeycloakAdminHttp admin) {
        this.admin = admin;
    }

    /** The realm template, comments removed. */
    public static ObjectNode template() {
        try (InputStream in = OperatorRealm.class.getResourceAsStream("/realm/operator-realm.json")) {
            ObjectNode realm = (ObjectNode) KeycloakAdminHttp.JSON.readTree(in);
            stripComments(realm);
            return realm;
        } catch (IOException e) {
            throw new IllegalStateException("operator-realm.json illisible", e);
        }
    }

    /**
     * The realm as it is created for the console at {@code consoleBaseUrl} (scheme://host[:port]): the template, its
     * console client's URLs set. The Helm chart ships the same (its {@code files/operator-realm.json}, imported once
     * into a Keycloak the platform's account does not administer).
     */
    public static ObjectNode forConsole(String consoleBaseUrl) {
        ObjectNode realm = template();
        for (JsonNode client : realm.withArray("clients")) {
            if (CLIENT_ID.equals(client.path("clientId").asText())) {
                applyUrls((ObjectNode) client, consoleBaseUrl);
            }
        }
        return realm;
    }

    /**
     * Creates the realm if it does not exist, else brings its console client and protections in line: the client's
     * redirect URI is the operator host's login callback only, its logout comes back to the console only, and no client
     * of the realm accepts password grants.
     *
     * @param consoleBaseUrl scheme://host[:port] of the operator host (e.g. {@code https://admin.portail-famille.fr})
     */
    public void ensure(String consoleBaseUrl) {
        if (admin.find("/" + REALM, JsonNode.class).isEmpty()) {
            admin.post("", forConsole(consoleBaseUrl));
            return;
        }
        JsonNode clients = admin.tree("/" + REALM + "/clients");
        for (JsonNode c : clients) {
            ObjectNode client = (ObjectNode) c;
            boolean changed = false;
            if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                client.put("directAccessGrantsEnabled", false);
                changed = true;
            }
            if (CLIENT_ID.equals(client.path("clientId").asText())) {
                applyUrls(client, consoleBaseUrl);
                changed = true;
            }
            if (changed) {
                admin.put("/" + REALM + "/clients/" + client.path("id").asText(), client);
            }
        }
    }

    /** Creates an operator (if no account has this address) with its password, and gives it the role {@value #ROLE}. */
    public String ensureOperator(String email, String firstName, String lastName, String password) {
        String id = findUser(REALM, email);
        if (id == null) {
            ObjectNode user = KeycloakAdminHttp.JSON.createObjectNode()
                    .put("username", email).put("email", email).put("emailVerified", true)
                    .put("firstName", firstName).put("lastName", lastName).put("enabled", true);
            user.putArray("credentials").addObject().put("type", "password").put("value", password)
                    .put("temporary", false);
            id = admin.post("/" + REALM + "/users", user);
        }
        grantRealmRoles(REALM, id, List.of(ROLE));
        return id;
    }

    /** The id of the account with this exact e-mail in a realm, or {@code null}. */
    String findUser(String realm, String email) {
        JsonNode found = admin.tree("/" + realm + "/users?exact=true&email=" + KeycloakAdminHttp.enc(email));
        return found.isEmpty() ? null : found.get(0).path("id").asText();
    }

    /** Gives a user those of {@code roles} that exist in the realm; returns the ones given. */
    List<String> grantRealmRoles(String realm, String userId, List<String> roles) {
        ArrayNode wanted = KeycloakAdminHttp.JSON.createArrayNode();
        List<String> given = new java.util.ArrayList<>();
        for (String role : roles) {
            var rep = admin.find("/" + realm + "/roles/" + KeycloakAdminHttp.enc(role), JsonNode.class);
            if (rep.isPresent()) {
                wanted.add(rep.get());
                given.add(role);
            }
        }
        if (!wanted.isEmpty()) {
            admin.post("/" + realm + "/users/" + userId + "/role-mappings/realm", wanted);
        }
        return given;
    }

    /** The console's home page: the client's base URL, and where an operator lands after a logout. */
    static final String CONSOLE = "/operateur/communes.xhtml";

    private static void applyUrls(ObjectNode client, String base) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        client.putArray("redirectUris").add(b + RealmProvisioner.LOGIN_CALLBACK);
        client.putArray("webOrigins").add(b);
        client.put("rootUrl", b);
        client.put("baseUrl", b + CONSOLE);
        ObjectNode attributes = client.has("attributes") && client.get("attributes").isObject()
                ? (ObjectNode) client.get("attributes") : client.putObject("attributes");
        attributes.put("post.logout.redirect.uris", b + CONSOLE);
        attributes.put("pkce.code.challenge.method", "S256");
    }

    private static void stripComments(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("_comment");
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                stripComments(it.next().getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(OperatorRealm::stripComments);
        }
    }
}
