package fr.portailfamille.it.support;

import fr.portailfamille.devstack.DevStack;
import fr.portailfamille.identity.OperatorRealm;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * Real access tokens of the operators' realm for the tests: a TEST-only client ({@value #TEST_CLIENT}) with password
 * grants, created by the IT stack only (never by the run command nor the platform), whose tokens carry the console's
 * audience and the realm roles like the console's. The console's own client stays code-flow only.
 */
public final class OperatorTokens {

    public static final String TEST_CLIENT = "operateur-tests";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private OperatorTokens() {
    }

    static void createTestClient(OperatorRealm unused, DevStack stack) {
        RealmResource realm = stack.keycloakAdmin().realm(OperatorRealm.REALM);
        if (!realm.clients().findByClientId(TEST_CLIENT).isEmpty()) {
            return;
        }
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(TEST_CLIENT);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(true);
        ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
        audience.setName("audience");
        audience.setProtocol("openid-connect");
        audience.setProtocolMapper("oidc-audience-mapper");
        audience.setConfig(Map.of("included.client.audience", OperatorRealm.AUDIENCE, "access.token.claim", "true"));
        ProtocolMapperRepresentation roles = new ProtocolMapperRepresentation();
        roles.setName("roles");
        roles.setProtocol("openid-connect");
        roles.setProtocolMapper("oidc-usermodel-realm-role-mapper");
        roles.setConfig(Map.of("claim.name", "roles", "multivalued", "true", "jsonType.label", "String",
                "access.token.claim", "true"));
        client.setProtocolMappers(List.of(audience, roles));
        realm.clients().create(client).close();
    }

    /** An access token of the demo operator. */
    public static String operator() throws Exception {
        return token(DevStack.OPERATOR_EMAIL, DevStack.OPERATOR_PASSWORD);
    }

    public static String token(String email, String password) throws Exception {
        String form = "grant_type=password&client_id=" + TEST_CLIENT + "&username="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&scope=openid";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(StackLauncher.stack().keycloakUrl()
                        + "/realms/" + OperatorRealm.REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Jeton d'opérateur refusé : HTTP " + r.statusCode() + " " + r.body());
        }
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("Pas de jeton d'accès : " + r.body());
        }
        return m.group(1);
    }
}
