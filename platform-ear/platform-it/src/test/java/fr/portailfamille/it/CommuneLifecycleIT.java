package fr.portailfamille.it;

import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.devstack.DevStack;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneStatus;
import fr.portailfamille.tenancy.TenantMigrator;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A commune's lifecycle against the running platform and the real Keycloak. An upgrade in which one commune's
 * migration fails: that commune's families get the maintenance page (503) while another commune is served as usual;
 * once the operator has repaired it and re-run its upgrade, it is served again (the upgrade runs as the Helm Job runs
 * it, {@link TenantMigrator#upgradeAll}). A suspended commune: its pages and API answer the suspension page, its realm
 * refuses the login page; resumed, both are back, with nothing lost.
 */
@ExtendWith(ArquillianExtension.class)
class CommuneLifecycleIT {

    private static final String SLUG = "amont";

    final DevStack stack = StackLauncher.stack();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    @Test
    void aFailedCommuneShowsMaintenanceWhileTheOthersAreServed() throws Exception {
        Commune amont = stack.tenantStore().findBySlug(SLUG)
                .orElseGet(() -> stack.provisioner().provision(ProvisioningIT.spec(SLUG, List.of())));
        TenantMigrator migrator = new TenantMigrator(stack.platformDb());
        String code = migrator.codeVersion();
        assertEquals(code, stack.tenantStore().findBySlug(SLUG).orElseThrow().schemaVersion());
        awaitStatus(SLUG, "/", s -> s == 200);

        // the newest migration of amont's schema is left failed, as a migration meeting an unexpected schema leaves it
        history(amont, false);
        try {
            List<TenantMigrator.Outcome> outcomes = migrator.upgradeAll();
            TenantMigrator.Outcome failed = outcomes.stream().filter(o -> o.slug().equals(SLUG)).findFirst().orElseThrow();
            assertTrue(failed.failed());
            assertTrue(outcomes.stream().filter(o -> !o.slug().equals(SLUG)).noneMatch(TenantMigrator.Outcome::failed),
                    outcomes::toString);

            HttpResponse<String> page = awaitStatus(SLUG, "/", s -> s == 503);
            assertTrue(page.body().contains("Le portail famille de Commune amont est en maintenance"), page.body());
            assertEquals("300", page.headers().firstValue("Retry-After").orElse(""));
            HttpResponse<String> api = PlatformWebIT.get(PlatformWebIT.host(SLUG), "/api/commune", Map.of());
            assertEquals(503, api.statusCode());
            assertTrue(api.body().contains("\"erreur\":\"maintenance\""), api.body());
            // another commune is served as usual
            HttpResponse<String> alpha = PlatformWebIT.get(PlatformWebIT.host(ALPHA), "/", Map.of());
            assertEquals(200, alpha.statusCode());
            assertFalse(alpha.body().contains("maintenance"));
        } finally {
            // the operator repairs the schema and re-runs the upgrade of that commune alone
            history(amont, true);
            TenantMigrator.Outcome rerun = migrator.upgrade(amont);
            assertFalse(rerun.failed(), String.valueOf(rerun.error()));
        }
        awaitStatus(SLUG, "/", s -> s == 200);
    }

    @Test
    void aSuspendedCommuneIsNotServedAndItsRealmRefusesLogins() throws Exception {
        String slug = "aval";
        Commune aval = stack.tenantStore().findBySlug(slug)
                .orElseGet(() -> stack.provisioner().provision(ProvisioningIT.spec(slug, List.of())));
        awaitStatus(slug, "/", s -> s == 200);
        String form = loginPage(aval);
        assertTrue(form.contains("name=\"password\""), () -> "the realm shows its login form: " + form);
        try {
            assertEquals(CommuneStatus.SUSPENDED, stack.provisioner().suspend(slug, "operateur-it").status());

            HttpResponse<String> home = awaitStatus(slug, "/", s -> s == 503);
            assertTrue(home.body().contains("Le portail famille de Commune aval est suspendu"), home.body());
            HttpResponse<String> family = PlatformWebIT.get(PlatformWebIT.host(slug), "/espace/accueil.xhtml", Map.of());
            assertEquals(503, family.statusCode(), "no redirection to a login: the suspension page");
            HttpResponse<String> api = PlatformWebIT.get(PlatformWebIT.host(slug), "/api/moi",
                    Map.of("Authorization", "Bearer x.y.z"));
            assertEquals(503, api.statusCode());
            assertTrue(api.body().contains("\"erreur\":\"commune_suspendue\""), api.body());
            String refused = loginPage(aval);
            assertFalse(refused.contains("name=\"password\""), () -> "a suspended commune's realm refuses logins: " + refused);
            assertEquals(200, PlatformWebIT.get(PlatformWebIT.host(ALPHA), "/", Map.of()).statusCode());
        } finally {
            stack.provisioner().resume(slug, "operateur-it");
        }
        awaitStatus(slug, "/", s -> s == 200);
        assertTrue(loginPage(aval).contains("name=\"password\""));
        assertTrue(stack.tenantStore().findBySlug(slug).orElseThrow().isActive());
    }

    /** The body of the commune realm's login page for the platform's client (Keycloak's answer, whatever its status). */
    private String loginPage(Commune commune) throws Exception {
        String redirect = java.net.URLEncoder.encode(stack.communeUrl(commune.slug()) + "/oidc/callback",
                java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.keycloakUrl()
                + "/realms/" + commune.realmName() + "/protocol/openid-connect/auth?client_id=portail-famille"
                + "&response_type=code&scope=openid&state=lifecycle-it&nonce=lifecycle-it"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&redirect_uri=" + redirect)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private void history(Commune commune, boolean success) throws Exception {
        try (Connection c = stack.platformDb().getConnection();
             PreparedStatement ps = c.prepareStatement("update " + commune.schemaName() + ".flyway_schema_history"
                     + " set success = ? where version = ?")) {
            ps.setBoolean(1, success);
            ps.setString(2, new TenantMigrator(stack.platformDb()).codeVersion());
            assertEquals(1, ps.executeUpdate());
        }
    }

    /** The commune directory caches a host's answer (2 s in the tests: {@code pf.directory.cache-seconds}): polls until the status is the expected one. */
    private static HttpResponse<String> awaitStatus(String slug, String path, Predicate<Integer> expected) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        HttpResponse<String> r;
        do {
            r = PlatformWebIT.get(PlatformWebIT.host(slug), path, Map.of());
            if (expected.test(r.statusCode())) {
                return r;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("status " + r.statusCode() + " for " + slug + path + ": " + r.body());
    }
}
