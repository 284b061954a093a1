package fr.portailfamille.devstack;

import fr.portailfamille.configuration.DefaultConfiguration;
import fr.portailfamille.identity.KeycloakAdminHttp;
import fr.portailfamille.identity.KeycloakRealmProvisioner;
import fr.portailfamille.identity.OperatorRealm;
import fr.portailfamille.identity.PlatformAccount;
import fr.portailfamille.identity.SmtpSettings;
import fr.portailfamille.payfip.simulator.PayfipSimulator;
import fr.portailfamille.tenancy.CommuneProvisioner;
import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.tenancy.TenantStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.keycloak.admin.client.Keycloak;

/**
 * The whole platform on one machine. {@link #main} is the README's run command: database, mail
 * server, Keycloak, demo communes, then the platform; Ctrl-C stops everything it started.
 */
public final class DevStack implements AutoCloseable {

    /**
     * The ports of one stack (the run command and the tests use different ones); {@code payfip} is the local PayFiP
     * simulator's (0: any free port).
     */
    public record Ports(int postgres, int keycloak, int smtp, int mailApi, int platform, int payfip) {

        /** Without a chosen port for the PayFiP simulator. */
        public Ports(int postgres, int keycloak, int smtp, int mailApi, int platform) {
            this(postgres, keycloak, smtp, mailApi, platform, 0);
        }
    }

    public static final String BASE_DOMAIN = "localhost";
    /** The demo operator of the operators' realm (console at {@link #operatorUrl()}). */
    public static final String OPERATOR_EMAIL = "operateur@portail-famille.test";
    public static final String OPERATOR_PASSWORD = "Operateur2026";
    /** The file of the stack's directory holding the platform's Keycloak password ({@link PlatformAccount}). */
    public static final String PLATFORM_PASSWORD_FILE = "keycloak-platform-password";

    private final Ports ports;
    private final Postgres postgres;
    private final MailServer mail;
    private PayfipSimulator payfip;
    private volatile KeycloakServer keycloak;
    private Keycloak admin;
    private PayaraServer payara;
    private Path dir;
    private Path cache;
    private String keycloakAdminPassword;
    private String platformPassword;

    private DevStack(Ports ports, Postgres postgres, MailServer mail, KeycloakServer keycloak) {
        this.ports = ports;
        this.postgres = postgres;
        this.mail = mail;
        this.keycloak = keycloak;
    }

    /**
     * Starts PostgreSQL, GreenMail and Keycloak, and migrates the platform schema and every existing
     * commune schema (a second run on kept data upgrades the communes before anything uses them).
     */
    public static DevStack startInfrastructure(Path dir, Path cache, Ports ports) throws Exception {
        Files.createDirectories(dir);
        Path passwordFile = secretFile(dir.resolve("keycloak-admin-password"));
        Path platformPasswordFile = secretFile(dir.resolve(PLATFORM_PASSWORD_FILE));
        Postgres pg = Postgres.start(dir.resolve("postgres"), ports.postgres());
        MailServer mail = null;
        PayfipSimulator payfip = null;
        try {
            mail = MailServer.start(dir, ports.smtp(), ports.mailApi());
            payfip = PayfipSimulator.start(ports.payfip());
            KeycloakServer kc = KeycloakServer.start(dir, cache, ports.keycloak(),
                    pg.jdbcUrl(Postgres.KEYCLOAK_DB), Files.readString(passwordFile).trim());
            DevStack stack = new DevStack(ports, pg, mail, kc);
            stack.payfip = payfip;
            stack.dir = dir;
            stack.cache = cache;
            stack.keycloakAdminPassword = Files.readString(passwordFile).trim();
            stack.platformPassword = Files.readString(platformPasswordFile).trim();
            new TenantMigrator(stack.platformDb()).migrateAll();
            stack.ensurePlatformAccount();
            return stack;
        } catch (Exception e) {
            if (payfip != null) {
                payfip.close();
            }
            if (mail != null) {
                mail.close();
            }
            pg.close();
            throw e;
        }
    }

    /** A file holding a random password, written when missing. */
    private static Path secretFile(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            Files.writeString(file, HexFormat.of().formatHex(random));
        }
        return file;
    }

    /**
     * The platform's own Keycloak account ({@link PlatformAccount}: the master realm's {@code create-realm} role only),
     * made by the master realm's administrator, as an operator does once in production; the realms of communes kept
     * from an earlier run, made before the platform had its account, are granted to it.
     */
    private void ensurePlatformAccount() {
        PlatformAccount account = new PlatformAccount(
                KeycloakRealmProvisioner.adminClient(keycloak.url(), KeycloakServer.ADMIN_USER, keycloakAdminPassword));
        String id = account.ensure(PlatformAccount.DEFAULT_USER, platformPassword);
        for (var commune : tenantStore().findAll()) {
            account.grant(id, commune.realmName());
        }
    }

    /** The admin API as the platform's own Keycloak account, the one Payara Micro is given. */
    public KeycloakAdminHttp platformKeycloak() {
        return KeycloakRealmProvisioner.adminClient(keycloak.url(), PlatformAccount.DEFAULT_USER, platformPassword);
    }

    /** Outage tests: stops PostgreSQL (the platform's and Keycloak's database). */
    public void stopPostgres() throws java.io.IOException {
        postgres.stop();
    }

    /** Starts PostgreSQL again on the same data and port; returns once it accepts connections. */
    public void startPostgres() throws java.io.IOException {
        postgres.restart();
    }

    /** Outage tests: stops Keycloak. */
    public synchronized void stopKeycloak() {
        keycloak.close();
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }

    /** Starts Keycloak again (same port, database and admin); returns once it answers. */
    public synchronized void startKeycloak() throws java.io.IOException, InterruptedException {
        keycloak = KeycloakServer.start(dir, cache, ports.keycloak(), postgres.jdbcUrl(Postgres.KEYCLOAK_DB),
                keycloakAdminPassword);
    }

    public DataSource platformDb() {
        return postgres.dataSource(Postgres.PLATFORM_DB);
    }

    public TenantStore tenantStore() {
        return new TenantStore(platformDb());
    }

    public synchronized Keycloak keycloakAdmin() {
        if (admin == null) {
            admin = Keycloak.getInstance(keycloak.url(), "master", KeycloakServer.ADMIN_USER, keycloak.adminPassword(),
                    "admin-cli");
        }
        return admin;
    }

    public KeycloakRealmProvisioner realmProvisioner() {
        return new KeycloakRealmProvisioner(platformKeycloak(), new SmtpSettings("127.0.0.1", ports.smtp(), "ne-pas-repondre@portail-famille.test"));
    }

    /** The provisioner an operator uses, wired to this stack. */
    public CommuneProvisioner provisioner() {
        return new CommuneProvisioner(tenantStore(), new TenantMigrator(platformDb()), realmProvisioner(),
                BASE_DOMAIN, this::communeUrl, "https",
                DefaultConfiguration.seeder(tenantStore().dataSource()));
    }

    /** The operators' console host of this stack ({@code pf.operator-host} defaults to {@code admin.<base domain>}). */
    public String operatorUrl() {
        return "http://admin." + BASE_DOMAIN + ":" + ports.platform();
    }

    /**
     * The operators' realm ({@code pf-operateurs}) with its console client pointed at {@link #operatorUrl()}, and the
     * demo operator {@value #OPERATOR_EMAIL}; idempotent.
     */
    public OperatorRealm provisionOperators() {
        OperatorRealm realm = new OperatorRealm(KeycloakRealmProvisioner.adminClient(keycloak.url(),
                KeycloakServer.ADMIN_USER, keycloak.adminPassword()));
        realm.ensure(operatorUrl());
        realm.ensureOperator(OPERATOR_EMAIL, "Olivia", "Opératrice", OPERATOR_PASSWORD);
        return realm;
    }

    /** The URL of a commune on its platform sub-domain. */
    public String communeUrl(String slug) {
        return "http://" + slug + "." + BASE_DOMAIN + ":" + ports.platform();
    }

    /**
     * The platform JVM's default zone, its logs' times ({@code -Dpf.devstack.timezone}, Europe/Paris by default); its
     * days are read in Europe/Paris whatever this is ({@code PlatformTime}).
     */
    public static final String TIME_ZONE = System.getProperty("pf.devstack.timezone", "Europe/Paris");

    /** MicroProfile Config of the platform for this stack. */
    public Map<String, String> platformConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("pf.db.url", postgres.jdbcUrl(Postgres.PLATFORM_DB));
        config.put("pf.db.user", Postgres.USER);
        config.put("pf.db.password", Postgres.PASSWORD);
        config.put("pf.keycloak.url", keycloak.url());
        // issue 13: the operators' console provisions communes itself, with the platform's own Keycloak account
        config.put("pf.keycloak.admin-user", PlatformAccount.DEFAULT_USER);
        config.put("pf.keycloak.admin-password", platformPassword);
        config.put("pf.base-domain", BASE_DOMAIN);
        config.put("pf.smtp.host", "127.0.0.1");
        config.put("pf.smtp.port", Integer.toString(ports.smtp()));
        config.put("pf.payfip.endpoint", payfip.endpoint());
        config.put("pf.payfip.payment-page", payfip.paymentPage());
        // the platform reads its days and hours in the communes' zone itself (PlatformTime); the process's zone, as the
        // chart's platform.timeZone, is still the communes' for what the JVM writes in its own zone (logs)
        config.put("user.timezone", TIME_ZONE);
        return config;
    }

    public String keycloakUrl() {
        return keycloak.url();
    }

    /** The local PayFiP simulator (in this JVM): its addresses, and how it notifies the platform. */
    public PayfipSimulator payfip() {
        return payfip;
    }

    public String mailApiUrl() {
        return mail.apiUrl();
    }

    public Ports ports() {
        return ports;
    }

    /** Starts the platform WAR on Payara Micro. */
    public void startPlatform(Path dir, Path war) throws Exception {
        startPlatform(dir, war, Map.of());
    }

    /** Starts the platform WAR on Payara Micro with settings added to (or replacing) {@link #platformConfig()}. */
    public void startPlatform(Path dir, Path war, Map<String, String> extraConfig) throws Exception {
        Map<String, String> config = platformConfig();
        config.putAll(extraConfig);
        payara = PayaraServer.start(dir, war, ports.platform(), config);
    }

    /** Stops the platform (the rest of the stack keeps running); benches restart it to time its start-up. */
    public void stopPlatform() {
        if (payara != null) {
            payara.close();
            payara = null;
        }
    }

    /** Process ids of Payara Micro (0 when it is not running) and Keycloak, for memory readings. */
    public long platformPid() {
        return payara == null ? 0 : payara.pid();
    }

    public long keycloakPid() {
        return keycloak.pid();
    }

    @Override
    public void close() {
        if (payara != null) {
            payara.close();
        }
        if (admin != null) {
            admin.close();
        }
        keycloak.close();
        mail.close();
        if (payfip != null) {
            payfip.close();
        }
        try {
            postgres.close();
        } catch (Exception e) {
            System.err.println("Arrêt de PostgreSQL : " + e.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("pf.devstack.dir", ".devstack")).toAbsolutePath();
        Path cache = Path.of(System.getProperty("pf.cache", System.getProperty("user.home") + "/.cache/portail-famille"));
        Path war = Processes.artifact("pf.war");
        Ports ports = new Ports(15432, 8180, 3025, 8025, 8080, 8990);
        long start = System.nanoTime();
        System.out.println("Portail Famille : démarrage de PostgreSQL, GreenMail, Keycloak et du simulateur PayFiP…");
        DevStack stack = startInfrastructure(dir, cache, ports);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nArrêt de la plateforme…");
            stack.close();
            stopped.countDown();
        }));
        List<DemoCommunes.Account> accounts = DemoCommunes.provision(stack.provisioner(), stack.realmProvisioner(),
                stack.tenantStore(), stack.platformDb());
        stack.provisionOperators();
        System.out.println("Portail Famille : démarrage de la plateforme (Payara Micro)…");
        stack.startPlatform(dir, war);
        StringBuilder out = new StringBuilder("\n=== Portail Famille est prêt (" + (System.nanoTime() - start) / 1_000_000_000
                + " s) ===\n");
        for (var commune : stack.tenantStore().findAll()) {
            out.append(String.format("%-22s %s/%n", commune.name(), stack.communeUrl(commune.slug())));
        }
        out.append("\nComptes de démonstration :\n");
        // columns as wide as their longest entry ("agent+régisseur" is longer than the others)
        int communeWidth = accounts.stream().mapToInt(a -> a.commune().length()).max().orElse(1);
        int roleWidth = accounts.stream().mapToInt(a -> a.role().length()).max().orElse(1);
        int emailWidth = accounts.stream().mapToInt(a -> a.email().length()).max().orElse(1);
        String row = "  %-" + communeWidth + "s  %-" + roleWidth + "s  %-" + emailWidth + "s  %s%n";
        for (DemoCommunes.Account a : accounts) {
            out.append(String.format(row, a.commune(), a.role(), a.email(), a.password()));
        }
        out.append(String.format("%nConsole des opérateurs : %s/operateur/communes.xhtml  %s / %s%n", stack.operatorUrl(),
                OPERATOR_EMAIL, OPERATOR_PASSWORD));
        out.append("\nKeycloak (console d'administration) : ").append(stack.keycloakUrl())
                .append("/admin/  admin / ").append(Files.readString(dir.resolve("keycloak-admin-password")).trim());
        out.append("\nCourriels envoyés (API GreenMail)    : ").append(stack.mailApiUrl())
                .append("/api/user/<adresse>/messages/");
        out.append("\nSimulateur PayFiP (service SOAP)     : ").append(stack.payfip().endpoint())
                .append("?wsdl  page de paiement : ").append(stack.payfip().paymentPage()).append("?idop=<idOp>");
        out.append("\nPostgreSQL                           : ").append(stack.postgres.jdbcUrl(Postgres.PLATFORM_DB));
        out.append("\nJournaux                             : ").append(dir).append("\nCtrl-C pour tout arrêter.\n");
        System.out.println(out);
        stopped.await();
    }
}
