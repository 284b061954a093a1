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
