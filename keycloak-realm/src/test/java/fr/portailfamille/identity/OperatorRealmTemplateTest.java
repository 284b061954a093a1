package fr.portailfamille.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operators' realm: closed (no registration, no password grant), strict, French, one role. */
class OperatorRealmTemplateTest {

    /**
     * The Helm chart ships the realm as it is created (its {@code files/operator-realm.json}, the console's URL a
     * placeholder the chart replaces): imported once by Keycloak's administrator, since the platform's own account never
     * administers the operators' realm. Regenerate it from {@link OperatorRealm#forConsole} when the template changes.
     */
    @Test
    void theChartShipsTheRealmAsItIsCreated() throws Exception {
        java.nio.file.Path chart = java.nio.file.Path.of(System.getProperty("user.dir")).resolveSibling("helm")
                .resolve("chart/portail-famille/files/operator-realm.json");
        JsonNode shipped = KeycloakAdminHttp.JSON.readTree(java.nio.file.Files.readString(chart));
        assertEquals(OperatorRealm.forConsole("__CONSOLE__"), shipped, "helm/chart/portail-famille/files/operator-realm.json"
                + " is not OperatorRealm.forConsole(\"__CONSOLE__\")");
    }

    @Test
    void realmIsClosedAndStrict() {
        JsonNode realm = OperatorRealm.template();
        assertEquals(OperatorRealm.REALM, realm.path("realm").asText());
        assertFalse(realm.path("registrationAllowed").asBoolean(true), "pas d'inscription");
        assertFalse(realm.path("resetPasswordAllowed").asBoolean(true), "mot de passe remis par un autre opérateur");
        String policy = realm.path("passwordPolicy").asText();
        for (String rule : List.of("length(12)", "upperCase(1)", "lowerCase(1)", "digits(1)", "notEmail", "passwordHistory")) {
            assertTrue(policy.contains(rule), policy);
        }
        assertTrue(realm.path("bruteForceProtected").asBoolean());
        assertEquals(3, realm.path("failureFactor").asInt());
        assertEquals("fr", realm.path("defaultLocale").asText());
        assertFalse(realm.toString().contains("_comment"), "les commentaires du modèle ne partent pas vers Keycloak");
        List<String> roles = new ArrayList<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertEquals(List.of(OperatorRealm.ROLE), roles);
    }

    @Test
    void noClientAcceptsPasswordsAndTheConsoleUsesCodeFlowWithPkce() {
        JsonNode realm = OperatorRealm.template();
        JsonNode console = null;
        for (JsonNode client : realm.path("clients")) {
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), client.path("clientId").asText());
            assertFalse(client.path("implicitFlowEnabled").asBoolean(true), client.path("clientId").asText());
            if (OperatorRealm.CLIENT_ID.equals(client.path("clientId").asText())) {
                console = client;
            }
        }
        assertTrue(console != null, "client de la console");
        assertTrue(console.path("standardFlowEnabled").asBoolean());
        assertFalse(console.path("serviceAccountsEnabled").asBoolean(true));
        assertEquals("S256", console.path("attributes").path("pkce.code.challenge.method").asText());
        List<String> mappers = new ArrayList<>();
        console.path("protocolMappers").forEach(m -> mappers.add(m.path("protocolMapper").asText()));
        assertTrue(mappers.contains("oidc-usermodel-realm-role-mapper"), "rôles dans les jetons");
        assertTrue(mappers.contains("oidc-audience-mapper"), "audience exigée par l'API des opérateurs");
    }
}
