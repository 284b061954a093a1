package fr.portailfamille.platform.security;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import fr.portailfamille.tenancy.Commune;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The commune's accounts, managed by the platform's client through its service account (it holds
 * manage-users in its own realm only): invite a family created at the counter, delete the account
 * of a family withdrawing its pending registration.
 */
@ApplicationScoped
public class KeycloakAccounts {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    @ConfigProperty(name = "pf.keycloak.url")
    String keycloakUrl;

    @Inject
    OidcClient oidc;

    /** The account id (subject) of an e-mail in the commune's realm. */
    public Optional<String> findByEmail(Commune commune, String email) throws AccountException {
        HttpResponse<String> r = call(commune, HttpRequest.newBuilder(admin(commune, "/users?exact=true&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8))).GET());
        expect(r, 200);
        JsonArray users = Json.createReader(new StringReader(r.body())).readArray();
        return users.isEmpty() ? Optional.empty() : Optional.of(users.getJsonObject(0).getString("id"));
    }

    /**
     * Creates the account of a family known at the counter (if it has none) and sends it the mail to
     * confirm its address and choose a password; it then lands on the commune's portal. When the mail cannot be sent,
     * the account made here is deleted again.
     */
    public void invite(Commune commune, String email, String firstName, String lastName, String returnUrl)
            throws AccountException {
        String id = findByEmail(commune, email).orElse(null);
        boolean madeHere = id == null;
        if (id == null) {
            String user = Json.createObjectBuilder().add("username", email).add("email", email)
                    .add("firstName", firstName).add("lastName", lastName)
                    .add("enabled", true).add("emailVerified", false).build().toString();
            HttpResponse<String> created = call(commune, HttpRequest.newBuilder(admin(commune, "/users"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user)));
            expect(created, 201);
            String location = created.headers().firstValue("Location").orElseThrow();
            id = location.substring(location.lastIndexOf('/') + 1);
        }
        String actions = "[\"VERIFY_EMAIL\",\"UPDATE_PASSWORD\"]";
        HttpResponse<String> sent = call(commune, HttpRequest.newBuilder(admin(commune, "/users/" + id
                        + "/execute-actions-email?lifespan=604800&client_id=" + commune.oidcClientId() + "&redirect_uri="
                        + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(actions)));
        try {
            expect(sent, 204);
        } catch (AccountException e) {
            if (madeHere) {
                // nothing half-made (the mail server down, the counter's file not created): no account left without its
                // invitation, which would refuse the family's own sign-up later (« adresse déjà utilisée »)
                try {
                    delete(commune, id);
                } catch (AccountException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /** Deletes an account of the commune's realm (and with it its Keycloak sessions). */
    public void delete(Commune commune, String subject) throws AccountException {
        HttpResponse<String> r = call(commune, HttpRequest.newBuilder(admin(commune, "/users/"
                + URLEncoder.encode(subject, StandardCharsets.UTF_8))).DELETE());
        if (r.statusCode() != 204 && r.statusCode() != 404) {
            throw new AccountException("Suppression du compte refusée : HTTP " + r.statusCode());
        }
    }

    /**
     * Every account of the commune's realm (its service account left out) without credentials, for the commune's
     * archive: identity, enabled, realm roles (the realm's default roles left out), required actions, groups.
     */
    public java.util.List<fr.portailfamille.archive.ArchivedUser> allUsers(Commune commune) throws AccountException {
        java.util.List<fr.portailfamille.archive.ArchivedUser> all = new java.util.ArrayList<>();
        int first = 0;
        JsonArray page;
        do {
            HttpResponse<String> r = call(commune, HttpRequest.newBuilder(admin(commune, "/users?briefRepresentation=false"
                    + "&first=" + first + "&max=100")).GET());
            expect(r, 200);
            page = Json.createReader(new StringReader(r.body())).readArray();
            for (jakarta.json.JsonObject u : page.getValuesAs(jakarta.json.JsonObject.class)) {
                String username = u.getString("username", "");
                if (username.startsWith("service-account-") || u.containsKey("serviceAccountClientId")) {
                    continue;
                }
                String id = u.getString("id");
                HttpResponse<String> roles = call(commune, HttpRequest.newBuilder(admin(commune, "/users/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/role-mappings/realm")).GET());
                expect(roles, 200);
                java.util.List<String> names = Json.createReader(new StringReader(roles.body())).readArray()
                        .getValuesAs(jakarta.json.JsonObject.class).stream().map(o -> o.getString("name"))
                        .filter(n -> !n.startsWith("default-roles-")).sorted().toList();
                java.util.List<String> actions = u.containsKey("requiredActions")
                        ? u.getJsonArray("requiredActions").getValuesAs(jakarta.json.JsonString.class).stream()
                                .map(jakarta.json.JsonString::getString).toList()
                        : java.util.List.of();
                HttpResponse<String> groups = call(commune, HttpRequest.newBuilder(admin(commune, "/users/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/groups")).GET());
                expect(groups, 200);
                java.util.List<String> paths = Json.createReader(new StringReader(groups.body())).readArray()
                        .getValuesAs(jakarta.json.JsonObject.class).stream().map(o -> o.getString("path", null))
                        .filter(java.util.Objects::nonNull).sorted().toList();
                all.add(new fr.portailfamille.archive.ArchivedUser(id, username, u.getString("email", null),
                        u.getString("firstName", null), u.getString("lastName", null), u.getBoolean("enabled", false),
                        u.getBoolean("emailVerified", false), names, actions, paths));
            }
            first += page.size();
        } while (page.size() == 100);
        return all;
    }

    private URI admin(Commune commune, String path) {
        return URI.create(keycloakUrl + "/admin/realms/" + commune.realmName() + path);
    }

    private HttpResponse<String> call(Commune commune, HttpRequest.Builder request) throws AccountException {
        try {
            return HTTP.send(request.header("Authorization", "Bearer " + serviceToken(commune))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AccountException("Keycloak injoignable : " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccountException("Interrompu", e);
        }
    }

    /**
     * An access token of the commune client's service account (client credentials), for the admin API of that
     * commune's realm only: the agents' management ({@code staff.StaffAccounts}) calls it too.
     */
    public String serviceToken(Commune commune) throws AccountException {
        try {
            TokenRequest request = new TokenRequest(URI.create(oidc.issuer(commune).getValue()
                    + "/protocol/openid-connect/token"),
                    new ClientSecretBasic(new ClientID(commune.oidcClientId()), new Secret(commune.oidcClientSecret())),
                    new ClientCredentialsGrant());
            TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new AccountException("Jeton de service refusé : " + response.toErrorResponse().getErrorObject());
            }
            return ((AccessTokenResponse) response.toSuccessResponse()).getTokens().getAccessToken().getValue();
        } catch (AccountException e) {
            throw e;
        } catch (Exception e) {
            throw new AccountException("Jeton de service indisponible : " + e.getMessage(), e);
        }
    }

    private static void expect(HttpResponse<String> r, int status) throws AccountException {
        if (r.statusCode() != status) {
            throw new AccountException("Keycloak a répondu HTTP " + r.statusCode() + " : " + r.body());
        }
    }

    /** Keycloak refused or could not be reached. */
    public static class AccountException extends Exception {
        public AccountException(String message) {
            super(message);
        }

        public AccountException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
