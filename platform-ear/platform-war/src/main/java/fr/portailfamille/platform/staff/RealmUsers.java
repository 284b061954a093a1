package fr.portailfamille.platform.staff;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The users and realm roles of ONE commune's realm, through Keycloak's admin REST API with a token of that commune
 * client's service account: every path is under {@code /admin/realms/<that realm>}, so a user id of another realm
 * is simply not found. Keycloak's refusals and outages become {@link KeycloakDown}.
 */
final class RealmUsers {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * The actions of an agent's invitation, in this order: the e-mail theme's {@code executeActions.ftl} recognises an
     * agent's invitation by them (a family invited at the counter is asked {@code VERIFY_EMAIL} first).
     */
    static final List<String> INVITATION_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");
    /** Keycloak's user ids: UUIDs. Anything else never reaches a URL. */
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final String base;
    private final String token;

    RealmUsers(String keycloakUrl, String realm, String token) {
        this.base = keycloakUrl + "/admin/realms/" + URLEncoder.encode(realm, StandardCharsets.UTF_8);
        this.token = token;
    }

    static boolean isUserId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The users holding a realm role directly (disabled ones too). */
    List<JsonObject> inRole(String role) {
        List<JsonObject> users = new ArrayList<>();
        for (JsonValue v : array(expect(send("GET", "/roles/" + enc(role) + "/users?first=0&max=1000&briefRepresentation=false",
                null), 200))) {
            users.add(v.asJsonObject());
        }
        return users;
    }

    Optional<JsonObject> user(String id) {
        if (!isUserId(id)) {
            return Optional.empty();
        }
        HttpResponse<String> r = send("GET", "/users/" + id, null);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(Json.createReader(new StringReader(expect(r, 200).body())).readObject());
    }

    /** The realm roles mapped to the user directly (not through a composite). */
    Set<String> realmRoles(String id) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonValue v : array(expect(send("GET", "/users/" + id + "/role-mappings/realm", null), 200))) {
            names.add(v.asJsonObject().getString("name"));
        }
        return names;
    }

    /** The account with this address, if any (addresses are unique in a commune's realm). */
    Optional<String> byEmail(String email) {
        JsonArray users = array(expect(send("GET", "/users?exact=true&briefRepresentation=true&email=" + enc(email), null), 200));
        for (JsonValue v : users) {
            JsonObject u = v.asJsonObject();
            if (email.equalsIgnoreCase(u.getString("email", ""))) {
                return Optional.of(u.getString("id"));
            }
        }
        return Optional.empty();
    }

    /**
     * Creates an enabled account, address not confirmed yet, no password, with the invitation's actions required (the
     * invitation's link does them; they stay required, and the account pending, until then).
     */
    String create(String email, String firstName, String lastName) {
        JsonObject user = Json.createObjectBuilder().add("username", email).add("email", email)
                .add("firstName", firstName).add("lastName", lastName).add("enabled", true).add("emailVerified", false)
                .add("requiredActions", Json.createArrayBuilder(INVITATION_ACTIONS)).build();
        HttpResponse<String> r = send("POST", "/users", user.toString());
        if (r.statusCode() == 409) {
            throw new Conflict();
        }
        String location = expect(r, 201).headers().firstValue("Location")
                .orElseThrow(() -> new KeycloakDown("Keycloak n'a pas donné l'adresse du compte créé"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    void delete(String id) {
        HttpResponse<String> r = send("DELETE", "/users/" + id, null);
        if (r.statusCode() != 204 && r.statusCode() != 404) {
            throw new KeycloakDown("Suppression du compte refusée : HTTP " + r.statusCode());
        }
    }

    void addRoles(String id, Collection<String> roles) {
        if (!roles.isEmpty()) {
            expect(send("POST", "/users/" + id + "/role-mappings/realm", roleArray(roles)), 204);
        }
    }

    void removeRoles(String id, Collection<String> roles) {
        if (!roles.isEmpty()) {
            expect(send("DELETE", "/users/" + id + "/role-mappings/realm", roleArray(roles)), 204);
        }
    }

    /** Enables or disables the account: its whole representation is sent back with only {@code enabled} changed. */
    void setEnabled(JsonObject user, boolean enabled) {
        JsonObjectBuilder b = Json.createObjectBuilder(user);
        b.add("enabled", enabled);
        expect(send("PUT", "/users/" + user.getString("id"), b.build().toString()), 204);
    }

    /** Ends every session of the account in the realm (its refresh tokens stop working). */
    void logout(String id) {
        expect(send("POST", "/users/" + id + "/logout", null), 204);
    }

    /**
     * Sends Keycloak's mail (in the realm's e-mail theme) asking to confirm the address and choose a password, its
     * link valid 7 days; afterwards Keycloak offers the way back to the client's base URL (the commune's portal).
     */
    void sendInvitation(String id, String clientId) {
        expect(send("PUT", "/users/" + id + "/execute-actions-email?lifespan=604800&client_id=" + enc(clientId),
                Json.createArrayBuilder(INVITATION_ACTIONS).build().toString()), 204);
    }

    private String roleArray(Collection<String> roles) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String role : roles) {
            array.add(Json.createReader(new StringReader(expect(send("GET", "/roles/" + enc(role), null), 200).body()))
                    .readObject());
        }
        return array.build().toString();
    }

    private HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new KeycloakDown("Keycloak injoignable : " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakDown("Interrompu", e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new KeycloakDown("Keycloak a répondu HTTP " + r.statusCode() + " à " + r.request().method() + " "
                    + r.request().uri().getPath() + " : " + r.body());
        }
        return r;
    }

    private static JsonArray array(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readArray();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static List<String> strings(JsonObject o, String key) {
        List<String> values = new ArrayList<>();
        if (o.containsKey(key) && o.get(key).getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue v : o.getJsonArray(key)) {
                if (v instanceof JsonString s) {
                    values.add(s.getString());
                }
            }
        }
        return values;
    }

    /** Keycloak refused a call or could not be reached. */
    static class KeycloakDown extends RuntimeException {
        KeycloakDown(String message) {
            super(message);
        }

        KeycloakDown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The address or user name is already an account of the realm. */
    static class Conflict extends RuntimeException {
        Conflict() {
            super("compte existant");
        }
    }
}
