package fr.portailfamille.it;

import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.devstack.DevStack;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.tenancy.Commune;
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
 * An upgrade in which one commune's migration fails, against the running platform: that commune's families get
 * the maintenance page (503) while another commune is served as usual; once the operator has repaired it and
 * re-run its upgrade, it is served again. The upgrade runs as the Helm Job runs it ({@link TenantMigrator#upgradeAll}).
 */
@ExtendWith(ArquillianExtension.class)
class UpgradeIT {

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

    private void history(Commune commune, boolean success) throws Exception {
        try (Connection c = stack.platformDb().getConnection();
             PreparedStatement ps = c.prepareStatement("update " + commune.schemaName() + ".flyway_schema_history"
                     + " set success = ? where version = ?")) {
            ps.setBoolean(1, success);
            ps.setString(2, new TenantMigrator(stack.platformDb()).codeVersion());
            assertEquals(1, ps.executeUpdate());
        }
    }

    /** The commune directory caches a host's answer for 10 s: polls until the status is the expected one. */
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
