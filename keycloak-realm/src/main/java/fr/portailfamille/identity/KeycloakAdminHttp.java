package fr.portailfamille.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Keycloak's admin REST API over the JDK's HTTP client, logged in to the master realm with the bootstrap admin
 * ({@code admin-cli}, the master realm's own client): a fresh token is asked for when the last one is about to expire.
 * Used for the operators' realm ({@link OperatorRealm}) and the first administrator of a new commune; nothing of
 * RESTEasy, so it also runs inside Payara's Jersey.
 */
public final class KeycloakAdminHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String serverUrl;
    private final String user;
    private final String password;
    private String token;
    private long tokenExpiresAt;

    public KeycloakAdminHttp(String serverUrl, String user, String password) {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
        this.user = user;
        this.password = password;
    }

    public String serverUrl() {
        return serverUrl;
    }

    /** GET of an admin path ({@code /realms/...}); empty on 404. */
    public Optional<JsonNode> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(admin(path)).GET());
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        expect(r, 200, "GET " + path);
        return Optional.of(read(r.body()));
    }

    /** POST of a JSON body; the id at the end of the {@code Location} header when Keycloak gives one. */
    public Optional<String> post(String path, Object body) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(admin(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
        expect(r, r.statusCode() == 204 ? 204 : 201, "POST " + path);
        return r.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1));
    }

    public void put(String path, Object body) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(admin(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
        expect(r, 204, "PUT " + path);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI admin(String path) {
        return URI.create(serverUrl + "/admin" + path);
    }

    private synchronized String token() {
        long now = System.currentTimeMillis();
        if (token == null || now > tokenExpiresAt) {
            String form = "grant_type=password&client_id=admin-cli&username=" + encode(user) + "&password=" + encode(password);
            HttpResponse<String> r = call(HttpRequest.newBuilder(URI.create(serverUrl
                            + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            expect(r, 200, "connexion administrateur à Keycloak");
            JsonNode body = read(r.body());
            token = body.path("access_token").asText();
            tokenExpiresAt = now + Math.max(5, body.path("expires_in").asLong(60) - 10) * 1000L;
        }
        return token;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return call(request.header("Authorization", "Bearer " + token()).header("Accept", "application/json"));
    }

    private static HttpResponse<String> call(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak ne répond pas : " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Appel à Keycloak interrompu", e);
        }
    }

    private static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            String body = r.body() == null ? "" : r.body();
            throw new IllegalStateException(what + " refusé par Keycloak : HTTP " + r.statusCode() + " "
                    + (body.length() > 300 ? body.substring(0, 300) : body));
        }
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "null" : body);
        } catch (IOException e) {
            throw new IllegalStateException("Réponse de Keycloak illisible", e);
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
