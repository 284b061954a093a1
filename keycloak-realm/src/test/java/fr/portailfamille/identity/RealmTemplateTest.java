package fr.portailfamille.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/** The realm template carries the rules every commune's realm must have. */
class RealmTemplateTest {

    @Test
    void templateEnforcesThePasswordPolicyAndProtections() {
        RealmRepresentation realm = KeycloakRealmProvisioner.template();
        String policy = realm.getPasswordPolicy();
        assertTrue(policy.contains("length(8)"), policy);
        assertTrue(policy.contains("upperCase(1)"), policy);
        assertTrue(policy.contains("lowerCase(1)"), policy);
        assertTrue(policy.contains("digits(1)"), policy);
        assertTrue(realm.isBruteForceProtected());
        assertTrue(realm.isVerifyEmail());
        assertTrue(realm.isResetPasswordAllowed());
        assertTrue(realm.isRegistrationAllowed());
        assertEquals("fr", realm.getDefaultLocale());
        assertEquals("portail-famille", realm.getLoginTheme());
        assertEquals(List.of("parent", "agent", "agent-sante", "regisseur", "admin-commune"),
                realm.getRoles().getRealm().stream().map(RoleRepresentation::getName).toList());
    }

    @Test
    void updateEmailIsEnabledSoThatMonProfilChangesTheAddressAfterConfirmation() {
        RealmRepresentation realm = KeycloakRealmProvisioner.template();
        assertTrue(realm.isVerifyEmail(), "la nouvelle adresse est confirmée par un mail avant de remplacer l'ancienne");
        var updateEmail = realm.getRequiredActions().stream().filter(a -> a.getAlias().equals("UPDATE_EMAIL"))
                .findFirst().orElseThrow(() -> new AssertionError("UPDATE_EMAIL absent du modèle"));
        assertTrue(updateEmail.isEnabled());
        assertEquals("UPDATE_EMAIL", updateEmail.getProviderId());
        assertFalse(updateEmail.isDefaultAction(), "demandé par Mon profil, jamais imposé à la connexion");
    }

    @Test
    void platformClientIsConfidentialCodeFlowOnly() {
        ClientRepresentation client = KeycloakRealmProvisioner.template().getClients().get(0);
        assertEquals("portail-famille", client.getClientId());
        assertFalse(client.isPublicClient());
        assertTrue(client.isStandardFlowEnabled());
        assertFalse(client.isDirectAccessGrantsEnabled());
        assertFalse(client.isImplicitFlowEnabled());
        assertTrue(client.isServiceAccountsEnabled(), "invitations et suppressions de comptes de la commune");
        assertEquals("S256", client.getAttributes().get("pkce.code.challenge.method"));
        assertNotNull(client.getProtocolMappers().stream().filter(m -> m.getName().equals("roles")).findFirst().orElse(null));
        // the realm groups an agent belongs to (service-enfance…): its services in the Boîte de réception
        var groups = client.getProtocolMappers().stream().filter(m -> m.getName().equals("groups")).findFirst().orElseThrow();
        assertEquals("oidc-group-membership-mapper", groups.getProtocolMapper());
        assertEquals("false", groups.getConfig().get("full.path"));
        assertEquals("true", groups.getConfig().get("access.token.claim"));
    }

    /**
     * The families' applications (the API's clients) sign in with the code flow and PKCE as native apps do (RFC 8252): a
     * public client with no secret to leak from an app, returning to the app's own scheme or to a loopback address
     * only, its tokens naming the platform as audience (the API checks it) with the roles the API reads.
     */
    @Test
    void familiesAppsClientIsPublicCodeFlowWithPkceForThePlatformsAudience() {
        ClientRepresentation app = KeycloakRealmProvisioner.template().getClients().stream()
                .filter(c -> c.getClientId().equals(fr.portailfamille.tenancy.CommuneProvisioner.APP_CLIENT_ID))
                .findFirst().orElseThrow(() -> new AssertionError("client des applications absent du modèle"));
        assertTrue(app.isPublicClient());
        assertTrue(app.isStandardFlowEnabled());
        assertFalse(app.isImplicitFlowEnabled());
        assertFalse(app.isDirectAccessGrantsEnabled());
        assertFalse(app.isServiceAccountsEnabled(), "aucun compte de service pour un client public");
        assertEquals("S256", app.getAttributes().get("pkce.code.challenge.method"));
        assertEquals(List.of("fr.portailfamille.app:/oauth2redirect", "http://127.0.0.1/callback", "http://[::1]/callback"),
                app.getRedirectUris());
        assertTrue(app.getWebOrigins().isEmpty(), "pas d'appel depuis une page d'un autre site");
        var audience = app.getProtocolMappers().stream().filter(m -> m.getProtocolMapper().equals("oidc-audience-mapper"))
                .findFirst().orElseThrow();
        assertEquals(fr.portailfamille.tenancy.CommuneProvisioner.CLIENT_ID, audience.getConfig().get("included.client.audience"));
        assertEquals("true", audience.getConfig().get("access.token.claim"));
        assertTrue(app.getProtocolMappers().stream().anyMatch(m -> m.getName().equals("roles")));
    }

    @Test
    void noClientOfTheTemplateAcceptsPasswordGrants() {
        List<ClientRepresentation> clients = KeycloakRealmProvisioner.template().getClients();
        assertEquals("portail-famille", clients.get(0).getClientId(), "the platform's client comes first");
        ClientRepresentation adminCli = clients.stream().filter(c -> c.getClientId().equals("admin-cli"))
                .findFirst().orElseThrow(() -> new AssertionError("admin-cli must be declared, without direct grants"));
        assertFalse(adminCli.isDirectAccessGrantsEnabled());
        for (ClientRepresentation client : clients) {
            assertFalse(client.isDirectAccessGrantsEnabled() == null || client.isDirectAccessGrantsEnabled(),
                    client.getClientId() + " : pas de mot de passe envoyé directement au jeton");
        }
    }

    @Test
    void loginThemeIsShippedWithTheCommuneBranding() throws Exception {
        try (var in = getClass().getResourceAsStream("/theme/portail-famille/login/template.ftl")) {
            String template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(template.contains("/branding.css"));
            assertTrue(template.contains("/logo"));
        }
        assertNotNull(getClass().getResource("/theme/portail-famille/login/theme.properties"));
    }
}
