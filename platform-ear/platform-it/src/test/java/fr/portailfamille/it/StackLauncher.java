package fr.portailfamille.it;

import fr.portailfamille.devstack.DevStack;
import fr.portailfamille.identity.KeycloakRealmProvisioner;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real stack once per test run, before Arquillian boots Payara Micro: PostgreSQL, GreenMail
 * and Keycloak on their test ports (127.0.0.1), then provisions two test communes through the same
 * provisioner an operator uses, each with a parent and an agent. Registered as a JUnit Platform
 * launcher session listener, so it only runs in the test JVM, never inside the container.
 */
public class StackLauncher implements LauncherSessionListener {

    public static final String ALPHA = "alpha";
    public static final String BETA = "beta";
    /** issue 9: the commune of the 5,000 generated families (staff lists, their test and timing) */
    public static final String GAMMA = "gamma";
    public static final String PASSWORD_PARENT = "Parent2026";
    public static final String PASSWORD_AGENT = "Agent2026";

    private static DevStack stack;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("pf.it.client") || stack != null) {
            return;
        }
        try {
            Path dir = Path.of(System.getProperty("pf.devstack.dir"));
            deleteTree(dir);
            Path cache = Path.of(System.getProperty("user.home"), ".cache", "portail-famille");
            DevStack.Ports ports = new DevStack.Ports(Integer.getInteger("it.port.postgres"),
                    Integer.getInteger("it.port.keycloak"), Integer.getInteger("it.port.smtp"),
                    Integer.getInteger("it.port.mailapi"), Integer.getInteger("it.port.platform"));
            stack = DevStack.startInfrastructure(dir, cache, ports);
            for (String slug : List.of(ALPHA, BETA, GAMMA)) {
                String name = ALPHA.equals(slug) ? "Commune Alpha" : BETA.equals(slug) ? "Commune Bêta" : "Commune Gamma";
                String primary = ALPHA.equals(slug) ? "#1d4f91" : BETA.equals(slug) ? "#7a1f3d" : "#2f5d3a";
                Commune c = stack.provisioner().provision(new CommuneSpec(slug, name,
                        stack.communeUrl(slug) + "/", primary, "#f2a900", null, List.of(slug + ".example.test")));
                KeycloakRealmProvisioner realms = stack.realmProvisioner();
                realms.createUser(c.realmName(), parent(slug), "Camille", "Martin-" + slug, PASSWORD_PARENT, "parent");
                realms.createUser(c.realmName(), agent(slug), "Dominique", "Agent-" + slug, PASSWORD_AGENT, "agent");
                // an agent also allowed to read health data (fiche sanitaire, PAI)
                realms.createUser(c.realmName(), healthAgent(slug), "Sam", "Infirmier-" + slug, PASSWORD_AGENT, "agent");
                realms.createUser(c.realmName(), healthAgent(slug), "Sam", "Infirmier-" + slug, PASSWORD_AGENT, "agent-sante");
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
        } catch (Exception e) {
            throw new IllegalStateException("Démarrage de la pile de test impossible", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    public static DevStack stack() {
        if (stack == null) {
            throw new IllegalStateException("La pile de test n'est pas démarrée");
        }
        return stack;
    }

    public static String parent(String slug) {
        return "parent@" + slug + ".test";
    }

    public static String healthAgent(String slug) {
        return "sante@" + slug + ".test";
    }

    public static String agent(String slug) {
        return "agent@" + slug + ".test";
    }

    static void deleteTree(Path dir) throws java.io.IOException {
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
