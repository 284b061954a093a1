package fr.portailfamille.it.support;

import fr.portailfamille.devstack.DevStack;
import fr.portailfamille.identity.KeycloakRealmProvisioner;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A commune of one browser walk's own, provisioned on its first use in the running stack as {@link StackLauncher}
 * provisions alpha (the default configuration, a school year around today, a parent and an agent who is also
 * régisseur), so that what the other tests leave in alpha — dozens of régies, activities and tariffs — does not weigh
 * on the configuration pages the walk reads and checks with axe-core (they took minutes late in the suite).
 */
public final class WalkCommune {

    private WalkCommune() {
    }

    /** The commune {@code slug}, provisioned now when the stack does not have it yet. */
    public static synchronized Commune of(String slug) throws Exception {
        DevStack stack = StackLauncher.stack();
        var found = stack.tenantStore().findBySlug(slug);
        if (found.isPresent()) {
            return found.get();
        }
        String name = "Commune " + Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
        Commune c = stack.provisioner().provision(new CommuneSpec(slug, name, stack.communeUrl(slug) + "/", "#1d4f91",
                "#f2a900", null, List.of(slug + ".example.test")));
        KeycloakRealmProvisioner realms = stack.realmProvisioner();
        realms.createUser(c.realmName(), StackLauncher.parent(slug), "Camille", "Martin-" + slug, StackLauncher.PASSWORD_PARENT,
                "parent");
        realms.createUser(c.realmName(), StackLauncher.agent(slug), "Dominique", "Agent-" + slug, StackLauncher.PASSWORD_AGENT,
                "agent");
        realms.createUser(c.realmName(), StackLauncher.agent(slug), "Dominique", "Agent-" + slug, StackLauncher.PASSWORD_AGENT,
                "regisseur");
        try (var db = stack.platformDb().getConnection(); var st = db.createStatement()) {
            st.execute("delete from " + c.schemaName() + ".calendar_period");
            st.execute("insert into " + c.schemaName() + ".calendar_period (kind, label, start_day, end_day) values"
                    + " ('ANNEE_SCOLAIRE', 'Année scolaire des tests', current_date - 365, current_date + 730)");
        }
        awaitServed(slug);
        return c;
    }

    /**
     * HTTP/1.1, as every test client of the platform: Payara's HTTP/2 over cleartext (the JDK client's default upgrade)
     * deadlocked two of Grizzly's threads when an abandoned client's connection was closed by a GOAWAY (clean-clone
     * run of 2026-12-03: the health check then reported the deadlock and answered 503 to the next tests).
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Waits (30 s at most) until the platform serves the new commune's home page: its directory learns it by itself. */
    private static void awaitServed(String slug) throws Exception {
        HttpClient http = HTTP;
        HttpRequest home = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Integer.getInteger("it.port.platform") + "/"))
                .header("Host", slug + ".localhost:" + Integer.getInteger("it.port.platform")).timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status;
        do {
            status = http.send(home, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the commune " + slug + " is not served (" + status + ")");
    }
}
