package fr.portailfamille.it.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * A test-only public client with password grants, created by the tests in a realm (never by the platform, whose
 * clients stay code-flow only), so that an IT can get a real access token of that realm in one call: the audience
 * the platform checks and the realm roles in a {@code roles} claim.
 */
public final class DirectGrantTestClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(5)).build();

    private DirectGrantTestClient() {
    }

    /** Creates the client in the realm unless it is there already. */
    public static void ensure(RealmResource realm, String clientId, String audience) {
        List<ClientRepresentation> found = realm.clients().findByClientId(clientId);
        if (!found.isEmpty()) {
            // a test that ran the realm's hardening (it turns every client's direct grants off, this one included)
            ClientRepresentation existing = found.get(0);
            if (!Boolean.TRUE.equals(existing.isDirectAccessGrantsEnabled())) {
                existing.setDirectAccessGrantsEnabled(true);
                realm.clients().get(existing.getId()).update(existing);
            }
            return;
        }
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(true);
        ProtocolMapperRepresentation audienceMapper = new ProtocolMapperRepresentation();
        audienceMapper.setName("audience");
        audienceMapper.setProtocol("openid-connect");
        audienceMapper.setProtocolMapper("oidc-audience-mapper");
        audienceMapper.setConfig(Map.of("included.client.audience", audience, "access.token.claim", "true"));
        ProtocolMapperRepresentation roles = new ProtocolMapperRepresentation();
        roles.setName("roles");
        roles.setProtocol("openid-connect");
        roles.setProtocolMapper("oidc-usermodel-realm-role-mapper");
        roles.setConfig(Map.of("claim.name", "roles", "multivalued", "true", "jsonType.label", "String",
                "access.token.claim", "true"));
        client.setProtocolMappers(List.of(audienceMapper, roles));
        realm.clients().create(client).close();
    }

    /** A password grant on that client; fails the test with Keycloak's answer when refused. */
    public static String token(String realmName, String clientId, String email, String password) throws Exception {
        String form = "grant_type=password&client_id=" + clientId + "&username="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&scope=openid";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(StackLauncher.stack().keycloakUrl()
                        + "/realms/" + realmName + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Jeton refusé par " + realmName + " : HTTP " + r.statusCode() + " " + r.body());
        }
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("Pas de jeton d'accès : " + r.body());
        }
        return m.group(1);
    }
}
