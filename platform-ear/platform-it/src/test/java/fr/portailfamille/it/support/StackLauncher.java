package fr.portailfamille.it.support;

import fr.portailfamille.devstack.DevStack;
import fr.portailfamille.devstack.Postgres;
import fr.portailfamille.identity.KeycloakRealmProvisioner;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real stack once per test run: PostgreSQL, GreenMail and Keycloak on their test ports
 * (127.0.0.1), then provisions three test communes through the same provisioner an operator uses, each
 * with a parent and agents (alpha and beta also with an administrator of their agents' accounts). Only
 * PostgreSQL is awaited before Arquillian boots Payara Micro; the rest starts at the same time and every
 * test waits for it ({@link StackReady}). Registered as a JUnit Platform launcher session listener, so it
 * only runs in the test JVM, never inside the container.
 */
public class StackLauncher implements LauncherSessionListener {

    public static final String ALPHA = "alpha";
    public static final String BETA = "beta";
    /** issue 9: the commune of the 5,000 generated families (staff lists, their test and timing) */
    public static final String GAMMA = "gamma";
    public static final String PASSWORD_PARENT = "Parent2026";
    public static final String PASSWORD_AGENT = "Agent2026";

    private static CompletableFuture<DevStack> ready;

    /**
     * Starts the stack in the background and returns once PostgreSQL accepts connections: Payara Micro
     * (which only needs the database to start) boots meanwhile, while Keycloak starts and the communes are
     * provisioned. Every test waits for the whole stack first ({@link StackReady}, {@link #stack()}).
     */
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("pf.it.client") || ready != null) {
            return;
        }
        long start = System.nanoTime();
        DevStack.Ports ports = new DevStack.Ports(Integer.getInteger("it.port.postgres"),
                Integer.getInteger("it.port.keycloak"), Integer.getInteger("it.port.smtp"),
                Integer.getInteger("it.port.mailapi"), Integer.getInteger("it.port.platform"),
                Integer.getInteger("it.port.payfip"));
        try {
            Path dir = Path.of(System.getProperty("pf.devstack.dir"));
            deleteTree(dir);
            // the master realm's administrator, and the platform's own account that Payara Micro is given too
            // (arquillian.xml): the operators' console
            String adminPassword = System.getProperty("pf.it.keycloak-admin-password");
            if (adminPassword != null) {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("keycloak-admin-password"), adminPassword);
            }
            String platformPassword = System.getProperty("pf.it.keycloak-platform-password");
            if (platformPassword != null) {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(DevStack.PLATFORM_PASSWORD_FILE), platformPassword);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Démarrage de la pile de test impossible", e);
        }
        ready = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                DevStack stack = start(ports);
                System.out.println("[StackLauncher] pile prête (PostgreSQL, GreenMail, Keycloak, 3 communes, opérateurs) en "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
                ready.complete(stack);
            } catch (Throwable e) {
                ready.completeExceptionally(e);
            }
        }, "pf-stack-launcher");
        starter.setDaemon(true);
        starter.start();
        awaitDatabase(ports.postgres());
        System.out.println("[StackLauncher] PostgreSQL prêt en " + (System.nanoTime() - start) / 1_000_000
                + " ms ; Keycloak et les communes suivent pendant que Payara Micro démarre");
    }

    /** Alpha's own logo (beta and gamma get the platform's monogram): its documents draw it. */
    static final String ALPHA_LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" role=\"img\""
            + " aria-label=\"Commune Alpha\"><rect width=\"64\" height=\"64\" rx=\"10\" fill=\"#1d4f91\"/>"
            + "<path d=\"M8 50 L26 20 L36 36 L44 26 L56 50 Z\" fill=\"#f2a900\"/></svg>";

    private static DevStack start(DevStack.Ports ports) throws Exception {
        Path dir = Path.of(System.getProperty("pf.devstack.dir"));
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "portail-famille");
        DevStack stack = DevStack.startInfrastructure(dir, cache, ports);
        try {
            for (String slug : List.of(ALPHA, BETA, GAMMA)) {
                String name = ALPHA.equals(slug) ? "Commune Alpha" : BETA.equals(slug) ? "Commune Bêta" : "Commune Gamma";
                String primary = ALPHA.equals(slug) ? "#1d4f91" : BETA.equals(slug) ? "#7a1f3d" : "#2f5d3a";
                Commune c = stack.provisioner().provision(new CommuneSpec(slug, name,
                        stack.communeUrl(slug) + "/", primary, "#f2a900", ALPHA.equals(slug) ? ALPHA_LOGO : null,
                        List.of(slug + ".example.test")));
                KeycloakRealmProvisioner realms = stack.realmProvisioner();
                realms.createUser(c.realmName(), parent(slug), "Camille", "Martin-" + slug, PASSWORD_PARENT, "parent");
                realms.createUser(c.realmName(), agent(slug), "Dominique", "Agent-" + slug, PASSWORD_AGENT, "agent");
                // an agent also allowed to read health data (fiche sanitaire, PAI)
                realms.createUser(c.realmName(), healthAgent(slug), "Sam", "Infirmier-" + slug, PASSWORD_AGENT, "agent");
                realms.createUser(c.realmName(), healthAgent(slug), "Sam", "Infirmier-" + slug, PASSWORD_AGENT, "agent-sante");
                if (!GAMMA.equals(slug)) { // issue 13: the administrator who manages the commune's agents' accounts
                    realms.createUser(c.realmName(), admin(slug), "Alex", "Admin-" + slug, PASSWORD_AGENT, "agent");
                    realms.createUser(c.realmName(), admin(slug), "Alex", "Admin-" + slug, PASSWORD_AGENT, "admin-commune");
                }
                // one school year around today, whatever the day the tests run
                try (var db = stack.platformDb().getConnection(); var st = db.createStatement()) {
                    st.execute("delete from " + c.schemaName() + ".calendar_period");
                    st.execute("insert into " + c.schemaName() + ".calendar_period (kind, label, start_day, end_day) values"
                            + " ('ANNEE_SCOLAIRE', 'Année scolaire des tests', current_date - 365, current_date + 730)");
                }
                if (GAMMA.equals(slug)) {
                    try (var db = stack.platformDb().getConnection()) {
                        GeneratedFamilies.seed(db, c.schemaName());
                    }
                }
            }
            // issue 13: the operators' realm, its demo operator, and a test-only client that gives tokens by password
            stack.provisionOperators();
            OperatorTokens.createTestClient(stack);
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    /** Waits until the platform database accepts connections, or the start has failed. */
    private static void awaitDatabase(int port) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/"
                    + Postgres.PLATFORM_DB, Postgres.USER, Postgres.PASSWORD)) {
                return;
            } catch (SQLException notYet) {
                if (ready.isCompletedExceptionally()) {
                    awaitReady(); // throws the cause
                }
                if (ready.isDone()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL ne répond pas sur le port " + port, notYet);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Browser.quitAll();
        if (ready != null) {
            try {
                ready.join().close();
            } catch (RuntimeException failedToStart) {
                // nothing left to stop: a failed start closes what it had started
            }
            ready = null;
        }
    }

    /** The stack, once all of it has started (waits for it). */
    public static DevStack stack() {
        if (ready == null) {
            throw new IllegalStateException("La pile de test n'est pas démarrée");
        }
        return awaitReady();
    }

    static DevStack awaitReady() {
        try {
            return ready.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Démarrage de la pile de test impossible", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether this JVM started the stack (the test JVM; not Payara Micro running in-container tests). */
    static boolean started() {
        return ready != null;
    }

    /** The address of a commune's site on its sub-domain of localhost (the test port of the platform). */
    public static String url(String slug) {
        return "http://" + slug + ".localhost:" + Integer.getInteger("it.port.platform");
    }

    public static String parent(String slug) {
        return "parent@" + slug + ".test";
    }

    public static String healthAgent(String slug) {
        return "sante@" + slug + ".test";
    }

    /** Alpha's and beta's administrator ({@code agent} + {@code admin-commune}). */
    public static String admin(String slug) {
        return "admin@" + slug + ".test";
    }

    public static String agent(String slug) {
        return "agent@" + slug + ".test";
    }

    public static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
