package fr.portailfamille.it;

import fr.portailfamille.configuration.DefaultConfiguration;
import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.devstack.DevStack;
import com.fasterxml.jackson.databind.JsonNode;
import fr.portailfamille.identity.KeycloakAdminHttp;
import fr.portailfamille.identity.KeycloakRealmProvisioner;
import fr.portailfamille.identity.OperatorRealm;
import fr.portailfamille.identity.PlatformAccount;
import fr.portailfamille.identity.RealmMaintenance;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneProvisioner;
import fr.portailfamille.tenancy.CommuneSpec;
import fr.portailfamille.tenancy.CommuneStatus;
import fr.portailfamille.tenancy.ProvisioningException;
import fr.portailfamille.tenancy.RealmProvisioner;
import fr.portailfamille.tenancy.TenantMigrator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Provisioning against the real Keycloak and PostgreSQL of the test stack. */
class ProvisioningIT {

    final DevStack stack = StackLauncher.stack();
    final Keycloak admin = stack.keycloakAdmin();

    static CommuneSpec spec(String slug, List<String> domains) {
        return new CommuneSpec(slug, "Commune " + slug, "https://www." + slug + ".example.test", "#2f4f4f", "#f2a900",
                null, domains);
    }

    @Test
    void realmOfACommuneCarriesTheRulesOfTheTemplate() {
        RealmRepresentation realm = admin.realm("pf-alpha").toRepresentation();
        assertEquals("Commune Alpha", realm.getDisplayName());
        assertTrue(realm.getPasswordPolicy().contains("length(8)"));
        assertTrue(realm.getPasswordPolicy().contains("digits(1)"));
        assertTrue(realm.isBruteForceProtected());
        assertTrue(realm.isVerifyEmail());
        assertTrue(realm.isResetPasswordAllowed());
        assertEquals("fr", realm.getDefaultLocale());
        assertEquals("portail-famille", realm.getLoginTheme());
        assertEquals("127.0.0.1", realm.getSmtpServer().get("host"));
        assertEquals(String.valueOf(stack.ports().smtp()), realm.getSmtpServer().get("port"));
        ClientRepresentation client = admin.realm("pf-alpha").clients().findByClientId("portail-famille").get(0);
        assertTrue(client.getRedirectUris().contains(stack.communeUrl(ALPHA) + "/oidc/callback"));
        assertTrue(client.getRedirectUris().contains("https://alpha.example.test/oidc/callback"));
        assertTrue(client.getRedirectUris().stream().noneMatch(u -> u.contains("*")), client.getRedirectUris()::toString);
        assertFalse(client.isDirectAccessGrantsEnabled());
        assertEquals(stack.communeUrl(ALPHA) + "/", client.getAttributes().get("post.logout.redirect.uris"));
    }

    /**
     * Keycloak itself refuses a login whose code would come back anywhere but the portal's callback (a crafted link
     * with another page of the portal, or another host), and a logout leading anywhere but the commune's website.
     */
    @Test
    void keycloakSendsABrowserBackToThePortalsOwnPathsOnly() throws Exception {
        String base = stack.communeUrl(ALPHA);
        // a realm an older release made (<base>/*): narrowed by the start's maintenance, each address kept with its port
        var clients = admin.realm("pf-alpha").clients();
        ClientRepresentation client = clients.findByClientId("portail-famille").get(0);
        java.util.Set<String> made = java.util.Set.copyOf(client.getRedirectUris());
        String logoutMade = client.getAttributes().get("post.logout.redirect.uris");
        client.setRedirectUris(List.of(base + "/*", "https://alpha.example.test/*"));
        client.getAttributes().put("post.logout.redirect.uris", base + "/*##" + logoutMade);
        clients.get(client.getId()).update(client);
        assertEquals(200, authorize(base + "/espace/messages.xhtml"), "the wildcard, as an older release left it");
        Commune alpha = stack.tenantStore().findBySlug(ALPHA).orElseThrow();
        assertTrue(RealmMaintenance.maintain(List.of(alpha), stack.realmProvisioner()).get(0).changed()
                .contains("portail-famille"));
        ClientRepresentation narrowed = clients.findByClientId("portail-famille").get(0);
        assertEquals(made, java.util.Set.copyOf(narrowed.getRedirectUris()), "as a realm made today");
        assertEquals(logoutMade, narrowed.getAttributes().get("post.logout.redirect.uris"));
        assertEquals(200, authorize(base + "/oidc/callback"));
        assertEquals(400, authorize(base + "/espace/messages.xhtml"));
        assertEquals(400, authorize(base + "/oidc/callback/../espace/messages.xhtml"));
        assertEquals(400, authorize("http://evil.test/oidc/callback"));
        HttpResponse<String> logout = keycloakGet("/realms/pf-alpha/protocol/openid-connect/logout?client_id=portail-famille"
                + "&post_logout_redirect_uri=" + enc(base + "/espace/messages.xhtml"));
        assertEquals(400, logout.statusCode(), "a logout to another page than the commune's website");
    }

    private int authorize(String redirectUri) throws Exception {
        return keycloakGet("/realms/pf-alpha/protocol/openid-connect/auth?client_id=portail-famille&response_type=code"
                + "&scope=openid&code_challenge_method=S256&code_challenge=" + "a".repeat(43) + "&redirect_uri="
                + enc(redirectUri)).statusCode();
    }

    private HttpResponse<String> keycloakGet(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void realmSendsItsMailsThroughTheMailServer() throws Exception {
        String email = StackLauncher.parent(ALPHA);
        UserRepresentation user = admin.realm("pf-alpha").users().searchByEmail(email, true).get(0);
        admin.realm("pf-alpha").users().get(user.getId()).executeActionsEmail(List.of("UPDATE_PASSWORD"));
        // (Mails fails unless GreenMail's API answers 200)
        String mails = Mails.await(email, m -> m.contains("Commune Alpha"));
        assertTrue(mails.contains("Commune Alpha"), mails);
    }

    @Test
    void aRealmsMailSettingsFollowThePlatformsRelayAtTheUpgrade() {
        // a realm made when the relay was elsewhere (the chart's host changed since): its invitations and "Mot de passe
        // oublié" would go on through the old relay
        var realm = admin.realm("pf-alpha");
        RealmRepresentation made = realm.toRepresentation();
        java.util.Map<String, String> relay = new java.util.HashMap<>(made.getSmtpServer());
        relay.put("host", "ancien-relais.invalid");
        relay.put("port", "2525");
        made.setSmtpServer(relay);
        realm.update(made);
        Commune alpha = stack.tenantStore().findBySlug(ALPHA).orElseThrow();
        assertTrue(RealmMaintenance.maintain(List.of(alpha), stack.realmProvisioner()).get(0).changed()
                .contains(KeycloakRealmProvisioner.MAIL_SETTINGS));
        java.util.Map<String, String> now = realm.toRepresentation().getSmtpServer();
        assertEquals("127.0.0.1", now.get("host"), now.toString());
        assertNotEquals("2525", now.get("port"), now.toString());
        assertEquals("Commune Alpha", now.get("fromDisplayName"), "the commune's name kept");
        assertFalse(RealmMaintenance.maintain(List.of(alpha), stack.realmProvisioner()).get(0).changed()
                .contains(KeycloakRealmProvisioner.MAIL_SETTINGS), "nothing more to bring");
    }

    @Test
    void badInputIsRefusedAndLeavesNothing() throws Exception {
        int realms = admin.realms().findAll().size();
        CommuneProvisioner provisioner = stack.provisioner();

        ProvisioningException duplicate = assertThrows(ProvisioningException.class,
                () -> provisioner.provision(spec(ALPHA, List.of())));
        assertEquals("slug", duplicate.errors().get(0).field());
        assertTrue(duplicate.errors().get(0).message().contains("déjà"));

        ProvisioningException invalid = assertThrows(ProvisioningException.class,
                () -> provisioner.provision(spec("Saint Étienne", List.of())));
        assertEquals("slug", invalid.errors().get(0).field());

        ProvisioningException usedDomain = assertThrows(ProvisioningException.class,
                () -> provisioner.provision(spec("epsilon", List.of("alpha.example.test"))));
        assertEquals("domains", usedDomain.errors().get(0).field());
        assertTrue(usedDomain.errors().get(0).message().contains("déjà utilisé"));

        assertEquals(realms, admin.realms().findAll().size());
        assertTrue(stack.tenantStore().findBySlug("epsilon").isEmpty());
        assertFalse(schemaExists("commune_epsilon"));
        assertEquals("Commune Alpha", stack.tenantStore().findBySlug(ALPHA).orElseThrow().name());
    }

    @Test
    void failureHalfwayIsUndoneThenARetrySucceeds() throws Exception {
        KeycloakRealmProvisioner real = stack.realmProvisioner();
        RealmProvisioner failingAfterRealm = new RealmProvisioner() {
            @Override
            public String ensureRealm(Commune commune, List<String> urls) {
                real.ensureRealm(commune, urls);
                throw new IllegalStateException("panne simulée après la création du royaume");
            }

            @Override
            public void deleteRealm(String realmName) {
                real.deleteRealm(realmName);
            }

            @Override
            public void setRealmEnabled(String realmName, boolean enabled) {
                real.setRealmEnabled(realmName, enabled);
            }
        };
        CommuneProvisioner failing = new CommuneProvisioner(stack.tenantStore(), new TenantMigrator(stack.platformDb()),
                failingAfterRealm, DevStack.BASE_DOMAIN, stack::communeUrl, "https",
                DefaultConfiguration.seeder(stack.tenantStore().dataSource()));
        assertThrows(ProvisioningException.class, () -> failing.provision(spec("delta", List.of("delta.example.test"))));
        assertTrue(admin.realms().findAll().stream().noneMatch(r -> r.getRealm().equals("pf-delta")));
        assertFalse(schemaExists("commune_delta"));
        assertTrue(stack.tenantStore().findBySlug("delta").isEmpty());
        assertTrue(stack.tenantStore().findByDomain("delta.example.test").isEmpty());

        Commune delta = stack.provisioner().provision(spec("delta", List.of("delta.example.test")));
        assertEquals(CommuneStatus.ACTIVE, delta.status());
        assertTrue(schemaExists("commune_delta"));
        assertEquals("Commune delta", admin.realm("pf-delta").toRepresentation().getDisplayName());
    }

    /** A password grant on a client of a commune realm, as a script trying passwords would send it. */
    HttpResponse<String> passwordGrant(String realm, String clientId, String email, String password) throws Exception {
        String form = "grant_type=password&client_id=" + clientId + "&username="
                + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8) + "&password=" + password;
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/realms/" + realm
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void noClientOfACommuneRealmAcceptsPasswordGrantsAndOldRealmsAreFixed() throws Exception {
        // the communes of the test stack: admin-cli (Keycloak's own client) refuses the password grant
        HttpResponse<String> alpha = passwordGrant("pf-alpha", "admin-cli", StackLauncher.parent(ALPHA),
                StackLauncher.PASSWORD_PARENT);
        assertTrue(alpha.statusCode() == 400 || alpha.statusCode() == 401, alpha.statusCode() + " " + alpha.body());
        assertTrue(alpha.body().contains("unauthorized_client"), alpha.body());
        for (ClientRepresentation client : admin.realm("pf-alpha").clients().findAll()) {
            if (!client.getClientId().equals(PlatformWebIT.TEST_CLIENT)) { // the tests' own client
                assertFalse(Boolean.TRUE.equals(client.isDirectAccessGrantsEnabled()), client.getClientId());
            }
        }

        // a realm created before the fix (admin-cli with direct grants) is fixed at the next upgrade
        Commune zeta = stack.tenantStore().findBySlug("zeta")
                .orElseGet(() -> stack.provisioner().provision(spec("zeta", List.of())));
        stack.realmProvisioner().createUser(zeta.realmName(), "parent@zeta.test", "Zoé", "Zeta", "Parent2026", "parent");
        ClientRepresentation adminCli = admin.realm(zeta.realmName()).clients().findByClientId("admin-cli").get(0);
        assertFalse(adminCli.isDirectAccessGrantsEnabled(), "new realm: from the template");
        adminCli.setDirectAccessGrantsEnabled(true);
        admin.realm(zeta.realmName()).clients().get(adminCli.getId()).update(adminCli);
        assertEquals(200, passwordGrant(zeta.realmName(), "admin-cli", "parent@zeta.test", "Parent2026").statusCode(),
                "the old behaviour, reproduced");
        // the upgrade step (operator.RealmUpgrade, in pf.migrate-only) brings every provisioned realm to the template
        List<RealmMaintenance.Outcome> upgraded = RealmMaintenance.maintain(List.of(zeta), stack.realmProvisioner());
        assertEquals(List.of(new RealmMaintenance.Outcome(zeta.realmName(), List.of("admin-cli"), null)), upgraded);
        HttpResponse<String> fixed = passwordGrant(zeta.realmName(), "admin-cli", "parent@zeta.test", "Parent2026");
        assertTrue(fixed.statusCode() == 400 || fixed.statusCode() == 401, fixed.statusCode() + " " + fixed.body());
        assertTrue(fixed.body().contains("unauthorized_client"), fixed.body());
        assertEquals(List.of(new RealmMaintenance.Outcome(zeta.realmName(), List.of(), null)),
                RealmMaintenance.maintain(List.of(zeta), stack.realmProvisioner()), "idempotent");
    }

    @Test
    void thePlatformsKeycloakAccountAdministersTheCommunesRealmsAndNothingElse() throws Exception {
        // the account Payara Micro is given (pf.keycloak.admin-user): not the master realm's administrator
        KeycloakAdminHttp platform = stack.platformKeycloak();
        // the communes' realms it created (the test stack's, made by the same provisioner as the console's)
        assertTrue(platform.find("/pf-alpha", JsonNode.class).isPresent());
        // the master realm and the operators' realm are out of its reach
        KeycloakAdminHttp.Failure users = assertThrows(KeycloakAdminHttp.Failure.class,
                () -> platform.tree("/master/users"));
        assertEquals(403, users.status());
        KeycloakAdminHttp.Failure operators = assertThrows(KeycloakAdminHttp.Failure.class,
                () -> platform.tree("/" + OperatorRealm.REALM + "/users"));
        assertEquals(403, operators.status());
        assertThrows(KeycloakAdminHttp.Failure.class, () -> platform.put("/master",
                java.util.Map.of("displayName", "pris")));
        // a realm made by the administrator (a commune onboarded before the platform had its own account) is out of its
        // reach until the administrator grants it, as the run command does at its start
        RealmRepresentation before = new RealmRepresentation();
        before.setRealm("pf-avant-compte");
        before.setEnabled(true);
        admin.realms().create(before);
        try {
            assertEquals(403, assertThrows(KeycloakAdminHttp.Failure.class,
                    () -> platform.tree("/pf-avant-compte/users")).status());
            PlatformAccount account = new PlatformAccount(KeycloakRealmProvisioner.adminClient(stack.keycloakUrl(),
                    "admin", System.getProperty("pf.it.keycloak-admin-password")));
            String id = account.ensure(PlatformAccount.DEFAULT_USER, System.getProperty("pf.it.keycloak-platform-password"));
            assertTrue(account.grant(id, "pf-avant-compte"));
            assertFalse(account.grant(id, "pf-sans-royaume"), "no such realm");
            assertEquals(0, platform.tree("/pf-avant-compte/users").size());
        } finally {
            admin.realm("pf-avant-compte").remove();
        }
    }

    private boolean schemaExists(String schema) throws Exception {
        try (Connection c = stack.platformDb().getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            ps.setString(1, schema);
            return ps.executeQuery().next();
        }
    }
}
