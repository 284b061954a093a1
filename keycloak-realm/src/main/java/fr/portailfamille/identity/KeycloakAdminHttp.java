package fr.portailfamille.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
import java.time.Instant;
import java.util.Optional;

/**
 * Keycloak's admin REST API over the JDK's HTTP client and Jackson, logged in to the master realm with a user's
 * password through {@code admin-cli} (the platform's own account, {@link PlatformAccount}, or an administrator). It replaces Keycloak's own admin client, whose RESTEasy
 * runtime cannot live inside Payara's Jersey, so that the platform itself (the operator's console) provisions
 * communes with the same code as the run command and the tests. The token is renewed shortly before it expires.
 */
public final class KeycloakAdminHttp {

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String serverUrl;
    private final String user;
    private final String password;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    /**
     * @param serverUrl Keycloak's base URL (e.g. {@code http://127.0.0.1:8180})
     * @param user      an administrator of the master realm
     */
    public KeycloakAdminHttp(String serverUrl, String user, String password) {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
        this.user = user;
        this.password = password;
    }

    public String serverUrl() {
        return serverUrl;
    }

    /** An answer of the admin API that is not a success. */
    public static final class Failure extends RuntimeException {
        private final int status;

        Failure(String what, int status, String body) {
            super(what + " refusé par Keycloak : HTTP " + status + (body == null || body.isBlank() ? ""
                    : " " + (body.length() > 300 ? body.substring(0, 300) : body)));
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** GET {@code /admin/realms/...} read as {@code type}; empty when Keycloak answers 404. */
    public <T> Optional<T> find(String path, Class<T> type) {
        HttpResponse<String> response = send("GET", path, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        check("GET " + path, response);
        return Optional.of(read(response.body(), type));
    }

    /** GET {@code /admin/realms/...} that must exist. */
    public <T> T get(String path, Class<T> type) {
        return find(path, type).orElseThrow(() -> new Failure("GET " + path, 404, ""));
    }

    /** GET of a list or another generic type. */
    public <T> T get(String path, TypeReference<T> type) {
        HttpResponse<String> response = send("GET", path, null);
        check("GET " + path, response);
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException("Réponse de Keycloak illisible pour " + path, e);
        }
    }

    /** GET as a JSON tree. */
    public JsonNode tree(String path) {
        return get(path, JsonNode.class);
    }

    /**
     * POST a JSON body; returns the id at the end of the {@code Location} header when Keycloak created something
     * (201), else null.
     */
    public String post(String path, Object body) {
        HttpResponse<String> response = send("POST", path, body);
        check("POST " + path, response);
        if (path.isEmpty()) {
            // a realm created: Keycloak made its creator the realm's administrator, which a new token carries
            forgetToken();
        }
        return response.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1)).orElse(null);
    }

    /** PUT a JSON body. */
    public void put(String path, Object body) {
        HttpResponse<String> response = send("PUT", path, body);
        check("PUT " + path, response);
    }

    /** DELETE (with an optional JSON body, e.g. role mappings to remove); a 404 counts as done. */
    public void delete(String path, Object body) {
        HttpResponse<String> response = send("DELETE", path, body);
        if (response.statusCode() != 404) {
            check("DELETE " + path, response);
        }
    }

    /** Encodes one path segment or query value. */
    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        try {
            String json = body == null ? null : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverUrl + "/admin/realms" + path))
                    .timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token())
                    .header("Accept", "application/json");
            if (json != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak ne répond pas (" + method + " " + path + ") : " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Appel à Keycloak interrompu", e);
        }
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(user) + "&password=" + enc(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl + "/realms/master/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new Failure("La connexion administrateur", response.statusCode(), "");
        }
        JsonNode answer = JSON.readTree(response.body());
        token = answer.path("access_token").asText();
        long lifetime = answer.path("expires_in").asLong(60);
        tokenExpires = Instant.now().plusSeconds(Math.max(5, lifetime - 15));
        return token;
    }

    private static void check(String what, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new Failure(what, status, response.body());
        }
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new IllegalStateException("Réponse de Keycloak illisible", e);
        }
    }
}
