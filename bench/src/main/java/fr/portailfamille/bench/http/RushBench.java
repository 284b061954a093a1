package fr.portailfamille.bench.http;

import fr.portailfamille.booking.FrenchPublicHolidays;
import fr.portailfamille.devstack.DemoCommunes;
import fr.portailfamille.devstack.DevStack;
import fr.portailfamille.tenancy.Commune;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Bench 7, the opening rush (issue 14). Starts the whole platform (devstack on ports {@code bench.port.base} + n), the
 * demo communes, then provisions {@code max(bench.n)} parents of Pays de Montfaucou by code: validated families with
 * one child each in two SQL statements per table ({@code generate_series}), their Keycloak accounts in one partial
 * import, and a real access token of the realm for each through a bench-only password-grant client, fetched in
 * parallel. For each N of {@code bench.n} it then runs {@link RushSimulation} twice in a child JVM (Gatling): race mode
 * on a fresh activity (5 days × 100 seats, first come first served through {@code POST /api/famille/v1/reservations}),
 * then window mode on another fresh activity (a request window open now; each parent asks for the same 5 days through
 * {@code POST /api/famille/v1/fenetres/{id}/demande}); the commune's agent then closes and allocates, then publishes,
 * through the agent page {@code agent/fenetre.xhtml} over HTTP (signed in through Keycloak's form), each timed. After
 * each mode: overbooked seats and counter mismatches (SQL), HTTP statuses, Gatling's percentiles, RSS of Payara Micro,
 * Keycloak and PostgreSQL. Writes {@code rush.md} and {@code rush-latency.png} in the output folder.
 */
public final class RushBench {

    static final int DAYS = 5;
    static final List<String> MODES = List.of(System.getProperty("bench.modes", "race,window").split(","));
    static final int SEATS_PER_DAY = 100;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    record Row(String mode, int n, int requests, int ok, Map<Integer, Integer> statuses, long burstMs, double p50, double p95,
               double p99, double max, long seatsTaken, long waiting, long overbooked, long counterMismatch,
               double closeSeconds, double publishSeconds, double payaraRss, double keycloakRss, double postgresRss,
               String report) {
    }

    private RushBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/target/rush-out").toAbsolutePath();
        Files.createDirectories(out);
        int base = Integer.getInteger("bench.port.base", 33700);
        List<Integer> stages = Stream.of(System.getProperty("bench.n", "500,1000,2000").split(",")).map(String::trim)
                .map(Integer::parseInt).toList();
        int max = stages.stream().max(Comparator.naturalOrder()).orElseThrow();
        Path war = Path.of(System.getProperty("pf.war", "platform-ear/platform-war/target/ROOT.war")).toAbsolutePath();
        Path dir = Files.createTempDirectory("pf-bench-rush");
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "portail-famille");
        DevStack.Ports ports = new DevStack.Ports(base + 32, base + 81, base + 25, base + 26, base + 80);
        List<String> notes = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        try (DevStack stack = DevStack.startInfrastructure(dir, cache, ports)) {
            DemoCommunes.provision(stack.provisioner(), stack.realmProvisioner(), stack.tenantStore(), stack.platformDb());
            Commune commune = stack.tenantStore().findBySlug("montfaucou").orElseThrow();
            String schema = commune.schemaName();
            long t = System.nanoTime();
            seedFamilies(stack, schema, max);
            notes.add(String.format(Locale.ROOT, "%d families, responsables and children seeded by SQL in %.1f s.", max, secs(t)));
            RealmResource realm = stack.keycloakAdmin().realm(commune.realmName());
            benchRealmSettings(realm);
            t = System.nanoTime();
            importAccounts(realm, max);
            notes.add(String.format(Locale.ROOT, "%d Keycloak accounts created by one partial import in %.1f s.", max, secs(t)));
            t = System.nanoTime();
            List<String> tokens = tokens(stack.keycloakUrl(), commune.realmName(), max);
            notes.add(String.format(Locale.ROOT, "%d access tokens (password grant of the bench-only client, 8 in parallel)"
                    + " in %.1f s.", max, secs(t)));
            Map<String, Long> children = childIds(stack, schema);
            stack.startPlatform(dir, war);
            notes.add(String.format(Locale.ROOT, "Whole stack ready %.0f s after the start.", secs(t0)));
            // the first calls of a fresh JVM compile the API's code paths: a few warm-up calls by 20 parents
            warmUp(stack, schema, tokens, children, out);
            LocalDate first = firstDays(LocalDate.now().plusDays(21));
            int stage = 0;
            for (int n : stages) {
                LocalDate race = first.plusWeeks(2L * stage);
                LocalDate window = first.plusWeeks(2L * stage + 1);
                if (MODES.contains("race")) {
                    rows.add(race(stack, schema, n, race, tokens, children, out));
                }
                if (MODES.contains("window")) {
                    rows.add(window(stack, schema, n, window, tokens, children, out));
                }
                stage++;
                writeReport(out, rows, notes);
            }
            plot(out.resolve("rush-latency.png"), rows);
            writeReport(out, rows, notes);
        }
    }

    static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    // ---- provisioning ------------------------------------------------------------------------------------------

    static String email(int i) {
        return String.format(Locale.ROOT, "rush-%05d@montfaucou.test", i);
    }

    /** N validated families of one parent and one child each, in one statement per table. */
    static void seedFamilies(DevStack stack, String schema, int n) throws Exception {
        try (Connection c = stack.platformDb().getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + schema);
            st.execute("insert into family (label, email, status, situation, address_line, postcode, city, validated_at)"
                    + " select 'Foyer Rush ' || i, 'rush-' || lpad(i::text, 5, '0') || '@montfaucou.test', 'VALIDATED', 'MARIES',"
                    + " '3 rue des Écoles', '87000', 'Limoges', now() from generate_series(1, " + n + ") i");
            st.execute("insert into responsable (family_id, rank, civility, first_name, last_name, email, mobile_phone)"
                    + " select id, 1, 'MME', 'Parent', 'Rush', email, '06 12 34 56 78' from family where email like 'rush-%'");
            st.execute("insert into child (family_id, first_name, last_name, sex, birth_date, school, school_class)"
                    + " select id, 'Enfant', 'Rush', 'F', current_date - interval '7 years', 'École Jules Ferry', 'CE1'"
                    + " from family where email like 'rush-%'");
        }
    }

    /**
     * Bench-only settings of the commune's realm: access tokens valid 2 hours (the rushes run long after the tokens
     * are fetched), and a cheap password hash (PBKDF2-SHA256, 1,000 iterations) so that importing and signing in
     * thousands of accounts measures the provisioning, not the hashing; the platform's checks of a token are unchanged.
     */
    static void benchRealmSettings(RealmResource realm) {
        RealmRepresentation r = realm.toRepresentation();
        r.setAccessTokenLifespan(7200);
        r.setSsoSessionIdleTimeout(7200);
        r.setSsoSessionMaxLifespan(7200);
        String policy = r.getPasswordPolicy() == null ? "" : r.getPasswordPolicy()
                .replaceAll("(?:\\s*and\\s*)?hash(?:Algorithm|Iterations)\\([^)]*\\)", "").replaceAll("^\\s*and\\s*", "");
        r.setPasswordPolicy((policy.isBlank() ? "" : policy + " and ") + "hashAlgorithm(pbkdf2-sha256) and hashIterations(1000)");
        realm.update(r);
        if (realm.clients().findByClientId("pf-bench").isEmpty()) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId("pf-bench");
            client.setPublicClient(true);
            client.setStandardFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(true);
            ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
            audience.setName("audience");
            audience.setProtocol("openid-connect");
            audience.setProtocolMapper("oidc-audience-mapper");
            audience.setConfig(Map.of("included.client.audience", "portail-famille", "access.token.claim", "true"));
            ProtocolMapperRepresentation roles = new ProtocolMapperRepresentation();
            roles.setName("roles");
            roles.setProtocol("openid-connect");
            roles.setProtocolMapper("oidc-usermodel-realm-role-mapper");
            roles.setConfig(Map.of("claim.name", "roles", "multivalued", "true", "jsonType.label", "String",
                    "access.token.claim", "true"));
            client.setProtocolMappers(List.of(audience, roles));
            realm.clients().create(client).close();
        }
    }

    /** The parents' accounts (role parent, password set), all in one partial import. */
    static void importAccounts(RealmResource realm, int n) {
        List<UserRepresentation> users = new ArrayList<>();
        String defaultRoles = "default-roles-" + realm.toRepresentation().getRealm();
        for (int i = 1; i <= n; i++) {
            UserRepresentation u = new UserRepresentation();
            u.setUsername(email(i));
            u.setEmail(email(i));
            u.setEmailVerified(true);
            u.setFirstName("Parent");
            u.setLastName("Rush " + i);
            u.setEnabled(true);
            u.setRealmRoles(List.of("parent", defaultRoles));
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType(CredentialRepresentation.PASSWORD);
            password.setValue(DemoCommunes.PARENT_PASSWORD);
            password.setTemporary(false);
            u.setCredentials(List.of(password));
            users.add(u);
        }
        PartialImportRepresentation rep = new PartialImportRepresentation();
        rep.setIfResourceExists(PartialImportRepresentation.Policy.SKIP.name());
        rep.setUsers(users);
        try (var r = realm.partialImport(rep)) {
            if (r.getStatus() != 200) {
                throw new IllegalStateException("import refusé : HTTP " + r.getStatus() + " " + r.readEntity(String.class));
            }
        }
    }

    /** One access token per parent (index i-1 for rush-i), 8 password grants in flight. */
    static List<String> tokens(String keycloakUrl, String realmName, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String email = email(i);
                futures.add(pool.submit(() -> token(keycloakUrl, realmName, email, DemoCommunes.PARENT_PASSWORD)));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : futures) {
                tokens.add(f.get());
            }
            return tokens;
        } finally {
            pool.shutdown();
        }
    }

    static String token(String keycloakUrl, String realmName, String email, String password) throws Exception {
        String form = "grant_type=password&client_id=pf-bench&scope=openid&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + realmName
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("jeton refusé pour " + email + " : HTTP " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    static Map<String, Long> childIds(DevStack stack, String schema) throws Exception {
        Map<String, Long> ids = new LinkedHashMap<>();
        try (Connection c = stack.platformDb().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select f.email, ch.id from " + schema + ".family f join " + schema
                     + ".child ch on ch.family_id = f.id where f.email like 'rush-%'")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    /** A fresh activity (one unit "Journée", 100 seats, Monday to Friday, holidays too) with a tariff; its unit's id. */
    static long activity(DevStack stack, String schema, String code, int registered) throws Exception {
        try (Connection c = stack.platformDb().getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + schema);
            st.execute("insert into activity (code, name, type, runs_in_holidays, booking_deadline, cancellation_deadline,"
                    + " late_policy) values ('" + code + "', 'Centre de loisirs " + code + "', 'MERCREDI', true, 'J-2@23:59',"
                    + " 'J-2@23:59', 'REFUSED')");
            st.execute("insert into activity_unit (activity_id, code, label, start_time, end_time, capacity, weekdays)"
                    + " select id, 'JOURNEE', 'Journée', '08:30', '17:30', " + SEATS_PER_DAY + ", '1,2,3,4,5' from activity"
                    + " where code = '" + code + "'");
            st.execute("insert into tariff (activity_id, valid_from, mode, maximum_cents) select id, current_date - 400,"
                    + " 'BRACKETS', 1200 from activity where code = '" + code + "'");
            st.execute("insert into tariff_price (tariff_id, bracket_id, price_cents) select t.id, b.id, 1200 from tariff t"
                    + " join activity a on a.id = t.activity_id, qf_bracket b where a.code = '" + code + "'");
            st.execute("insert into registration (child_id, activity_id, status, cgu_accepted_at, decided_at, decided_by)"
                    + " select ch.id, a.id, 'VALIDATED', now(), now(), 'bench' from child ch join family f on f.id = ch.family_id,"
                    + " activity a where a.code = '" + code + "' and f.email like 'rush-%' and f.email <= '" + email(registered) + "'");
            try (ResultSet rs = st.executeQuery("select u.id from activity_unit u join activity a on a.id = u.activity_id"
                    + " where a.code = '" + code + "'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first Monday on or after {@code from} starting five weekdays without a public holiday. */
    static LocalDate firstDays(LocalDate from) {
        LocalDate monday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        while (true) {
            LocalDate m = monday;
            if (Stream.iterate(m, d -> d.plusDays(1)).limit(DAYS + 14)
                    .noneMatch(d -> FrenchPublicHolidays.datesOf(d.getYear()).contains(d))) {
                return monday;
            }
            monday = monday.plusWeeks(1);
        }
    }

    static List<LocalDate> week(LocalDate monday) {
        return Stream.iterate(monday, d -> d.plusDays(1)).limit(DAYS).toList();
    }

    static void writeTokens(Path out, List<String> tokens, Map<String, Long> children, int n) throws Exception {
        List<String> lines = new ArrayList<>(List.of("token,child"));
        for (int i = 1; i <= n; i++) {
            lines.add(tokens.get(i - 1) + "," + children.get(email(i)));
        }
        Files.write(out.resolve("tokens.csv"), lines);
    }

    // ---- the rushes --------------------------------------------------------------------------------------------

    static void warmUp(DevStack stack, String schema, List<String> tokens, Map<String, Long> children, Path out)
            throws Exception {
        LocalDate monday = firstDays(LocalDate.now().plusDays(21).plusWeeks(20));
        long unit = activity(stack, schema, "RUSH-CHAUFFE", 20);
        for (int round = 0; round < 3; round++) {
            writeTokens(out, tokens, children, 20);
            gatling(stack, out, "race", 20, unit, week(monday.plusWeeks(round)), 0, "warmup-" + round);
        }
    }

    static Row race(DevStack stack, String schema, int n, LocalDate monday, List<String> tokens, Map<String, Long> children,
                    Path out) throws Exception {
        long unit = activity(stack, schema, "RUSH-C-" + n, n);
        writeTokens(out, tokens, children, n);
        String report = gatling(stack, out, "race", n, unit, week(monday), 0, "race-" + n);
        double[] rss = rss(stack);
        long[] seats = seats(stack, schema, unit);
        Stats s = stats(out, report, "race");
        return new Row("race", n, s.attempts, s.ok, s.statuses, s.burstMs, s.p50, s.p95, s.p99, s.max, seats[0], seats[1], seats[2],
                seats[3], 0, 0, rss[0], rss[1], rss[2], report);
    }

    static Row window(DevStack stack, String schema, int n, LocalDate monday, List<String> tokens, Map<String, Long> children,
                      Path out) throws Exception {
        long unit = activity(stack, schema, "RUSH-F-" + n, n);
        long window;
        try (Connection c = stack.platformDb().getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into " + schema + ".opening_window (activity_id, period_from, period_to, opens_at, closes_at,"
                    + " weight_resident, siblings_together, created_by) select activity_id, date '" + monday + "', date '"
                    + monday.plusDays(DAYS - 1) + "', now() at time zone '" + DevStack.TIME_ZONE + "' - interval '1 minute',"
                    + " now() at time zone '" + DevStack.TIME_ZONE + "' + interval '6 hours',"
                    + " 10, true, 'agent@montfaucou.test' from " + schema + ".activity_unit where id = " + unit);
            try (ResultSet rs = st.executeQuery("select max(id) from " + schema + ".opening_window")) {
                rs.next();
                window = rs.getLong(1);
            }
        }
        writeTokens(out, tokens, children, n);
        String report = gatling(stack, out, "window", n, unit, week(monday), window, "window-" + n);
        double[] rss = rss(stack);
        Stats s = stats(out, report, "window");
        // the agent closes (snapshot, seed, allocation), then publishes (bookings through the seat counter, mails)
        SignedInClient agent = new SignedInClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build(), Duration.ofMinutes(20));
        String page = stack.communeUrl("montfaucou").replaceAll("/$", "") + "/agent/fenetre.xhtml?id=" + window;
        double close = Double.NaN;
        double publish = Double.NaN;
        try {
            SignedInClient.Page signedIn = agent.signIn(page, "agent@montfaucou.test", DemoCommunes.AGENT_PASSWORD);
            long t = System.nanoTime();
            SignedInClient.Page closed = agent.submit(signedIn, "actions", "actions:close");
            close = secs(t);
            check(stack, schema, window, "ALLOCATED", closed);
            t = System.nanoTime();
            SignedInClient.Page published = agent.submit(closed, "actions", "actions:publish");
            publish = secs(t);
            check(stack, schema, window, "PUBLISHED", published);
        } catch (Exception e) {
            System.out.println("[rush] window " + n + ": the agent's close/publish failed: " + e);
            FAILURES.add("window N = " + n + ": the agent's close/publish failed: " + e);
        }
        long[] seats = seats(stack, schema, unit);
        String result = result(stack, tokens.get(0), window);
        System.out.println("[rush] window " + n + ", rush-00001 reads: " + result);
        RESULTS.put(n, result);
        return new Row("window", n, s.attempts, s.ok, s.statuses, s.burstMs, s.p50, s.p95, s.p99, s.max, seats[0], seats[1], seats[2],
                seats[3], close, publish, rss[0], rss[1], rss[2], report);
    }

    static final Map<Integer, String> RESULTS = new LinkedHashMap<>();
    static final List<String> FAILURES = new ArrayList<>();

    /** What the first parent reads of its request to the window through {@code GET /api/famille/v1/fenetres}. */
    static String result(DevStack stack, String token, long window) throws Exception {
        java.net.URL base = URI.create(stack.communeUrl("montfaucou")).toURL();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + base.getPort()
                        + "/api/famille/v1/fenetres")).header("Host", base.getHost() + ":" + base.getPort())
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"fenetre\":" + window + ",.*?\"resultat\":\"([^\"]*)\"").matcher(r.body());
        return "HTTP " + r.statusCode() + (m.find() ? " « " + m.group(1) + " »" : " " + r.body().substring(0,
                Math.min(300, r.body().length())));
    }

    static void check(DevStack stack, String schema, long window, String state, SignedInClient.Page page) throws Exception {
        try (Connection c = stack.platformDb().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select state from " + schema + ".opening_window where id = " + window)) {
            rs.next();
            if (!state.equals(rs.getString(1))) {
                throw new IllegalStateException("fenêtre " + window + " : " + rs.getString(1) + " au lieu de " + state
                        + " (HTTP " + page.status() + ")");
            }
        }
    }

    /** Runs RushSimulation in a child JVM; the folder of its HTML report. */
    static String gatling(DevStack stack, Path out, String mode, int n, long unit, List<LocalDate> days, long window, String name)
            throws Exception {
        Path results = out.resolve("gatling").resolve(name);
        Files.createDirectories(results);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-Dbench.base=" + stack.communeUrl("montfaucou").replaceAll("/$", ""),
                "-Dbench.host=montfaucou.localhost", "-Dbench.out=" + out, "-Dbench.mode=" + mode, "-Dbench.n=" + n,
                "-Dbench.unit=" + unit, "-Dbench.window=" + window, "-Dbench.retries=" + Integer.getInteger("bench.retries", 0),
                "-Dbench.ramp=" + Integer.getInteger("bench.ramp", 0),
                "-Dbench.days=" + String.join(",", days.stream().map(LocalDate::toString).toList()),
                "-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                "--simulation", RushSimulation.class.getName(), "--results-folder", results.toString(), "--launcher", "bench"));
        int code = new ProcessBuilder(command).inheritIO().start().waitFor();
        System.out.println("[rush] " + name + " Gatling exit " + code);
        try (Stream<Path> s = Files.walk(results)) {
            return s.filter(p -> p.getFileName().toString().equals("index.html")).map(p -> p.getParent().toString())
                    .findFirst().orElse("(pas de rapport, code " + code + ")");
        }
    }

    record Stats(int ok, Map<Integer, Integer> statuses, long burstMs, double p50, double p95, double p99, double max,
                 int attempts) {
    }

    static Stats stats(Path out, String report, String mode) throws Exception {
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        long burst = 0;
        int attempts = 0;
        for (String line : Files.readAllLines(out.resolve("statuses-" + mode + ".txt"))) {
            String[] p = line.split(" ");
            if (p[0].equals("status")) {
                statuses.put(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            } else if (p[0].equals("burst_ms")) {
                burst = Long.parseLong(p[1]);
            } else if (p[0].equals("attempts")) {
                attempts = Integer.parseInt(p[1]);
            }
        }
        double[] v = PlanningHttpBench.gatlingTable(Path.of(report, "index.html")).get(mode);
        return new Stats((int) v[3], statuses, burst, v[8], v[10], v[11], v[12], attempts);
    }

    /**
     * Seats of the unit: taken (booked or awaiting validation), waiting, overbooked (taken beyond the capacity, summed
     * over the days), days whose counter {@code unit_day.booked} differs from the seat-holding rows.
     */
    static long[] seats(DevStack stack, String schema, long unit) throws Exception {
        String holding = "status in ('BOOKED', 'BOOKED_LATE', 'PENDING_VALIDATION')";
        try (Connection c = stack.platformDb().getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + schema);
            long[] r = new long[4];
            r[0] = one(st, "select count(*) from booking where unit_id = " + unit + " and " + holding);
            r[1] = one(st, "select count(*) from booking where unit_id = " + unit + " and status = 'WAITING'");
            r[2] = one(st, "select coalesce(sum(greatest(0, b.n - u.capacity)), 0) from (select unit_id, day, count(*) n"
                    + " from booking where unit_id = " + unit + " and " + holding + " group by unit_id, day) b join activity_unit u"
                    + " on u.id = b.unit_id");
            r[3] = one(st, "select count(*) from unit_day d where d.unit_id = " + unit + " and d.booked <> (select count(*)"
                    + " from booking b where b.unit_id = d.unit_id and b.day = d.day and b." + holding + ")");
            return r;
        }
    }

    static long one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** RSS in MB of Payara Micro and Keycloak (with descendants), and PSS of PostgreSQL (postmaster and backends). */
    static double[] rss(DevStack stack) throws Exception {
        double pg = 0;
        int port = stack.ports().postgres();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains("postgres") && cmd.contains("-p " + port)) {
                        long pid = Long.parseLong(p.getFileName().toString());
                        List<Long> pids = new ArrayList<>(List.of(pid));
                        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
                        for (long q : pids) {
                            for (String line : Files.readAllLines(Path.of("/proc/" + q + "/smaps_rollup"))) {
                                if (line.startsWith("Pss:")) {
                                    pg += Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                                }
                            }
                        }
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // a process that ended meanwhile, or one we may not read
                }
            }
        }
        return new double[] {TenancyScaleBench.rssMb(stack.platformPid()), TenancyScaleBench.rssMb(stack.keycloakPid()), pg};
    }

    // ---- report --------------------------------------------------------------------------------------------------

    static void writeReport(Path out, List<Row> rows, List<String> notes) throws Exception {
        StringBuilder md = new StringBuilder("### Opening rush (bench 7)\n\n");
        md.append("Each parent sends one call for the same 5 days of a fresh activity (100 seats a day: 500 seats);"
                + " all parents start at the same instant (Gatling `atOnceUsers`).\n\n");
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("\n| mode | N | child-days asked | calls sent | HTTP statuses (last call of each parent) | 5xx | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |"
                + " calls/s | seats taken | waiting list | overbooked | counter ≠ rows | close + allocate (s) |"
                + " publish (s) | RSS Payara / Keycloak / PG PSS (MB) | Gatling report |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            int fivexx = r.statuses().entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %d | %d | %d | %d |"
                            + " %s | %s | %.0f / %.0f / %.0f | `%s` |%n", r.mode(), r.n(), r.n() * DAYS, r.requests(), r.statuses(), fivexx, r.p50(),
                    r.p95(), r.p99(), r.max(), r.burstMs() == 0 ? 0 : r.n() * 1000.0 / r.burstMs(), r.seatsTaken(),
                    r.waiting(), r.overbooked(), r.counterMismatch(),
                    r.mode().equals("window") ? String.format(Locale.ROOT, "%.2f", r.closeSeconds()) : "–",
                    r.mode().equals("window") ? String.format(Locale.ROOT, "%.2f", r.publishSeconds()) : "–",
                    r.payaraRss(), r.keycloakRss(), r.postgresRss(), r.report()));
        }
        FAILURES.forEach(f -> md.append("\n**Failure**: ").append(f).append('\n'));
        RESULTS.forEach((n, r) -> md.append(String.format(Locale.ROOT, "%nWindow N = %d: the first parent reads its first"
                + " day through `GET /api/famille/v1/fenetres`: %s%n", n, r)));
        Files.writeString(out.resolve("rush.md"), md);
        System.out.println(md);
    }

    /** p50/p95/p99 of the booking call against N, race and window, drawn with Java2D (no chart library in the build). */
    static void plot(Path png, List<Row> rows) throws Exception {
        int w = 900;
        int h = 520;
        int left = 80;
        int right = 200;
        int top = 50;
        int bottom = 60;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double maxN = rows.stream().mapToInt(Row::n).max().orElse(1);
        double maxMs = Math.max(1000, rows.stream().mapToDouble(Row::p99).max().orElse(1)) * 1.1;
        int pw = w - left - right;
        int ph = h - top - bottom;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(230, 230, 230));
        for (int i = 0; i <= 5; i++) {
            int y = top + ph - (int) (ph * i / 5.0);
            g.drawLine(left, y, left + pw, y);
        }
        g.setColor(Color.BLACK);
        g.drawLine(left, top + ph, left + pw, top + ph);
        g.drawLine(left, top, left, top + ph);
        for (int i = 0; i <= 5; i++) {
            int y = top + ph - (int) (ph * i / 5.0);
            g.drawString(String.format(Locale.ROOT, "%.0f", maxMs * i / 5), 10, y + 4);
        }
        rows.stream().map(Row::n).distinct().forEach(n -> {
            int x = left + (int) (pw * n / maxN);
            g.drawLine(x, top + ph, x, top + ph + 5);
            g.drawString(Integer.toString(n), x - 12, top + ph + 20);
        });
        g.drawString("parents à la même seconde (N)", left + pw / 2 - 80, h - 15);
        g.drawString("ms", 10, top - 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Ouverture : latence de l'appel de réservation / de demande selon N", left, 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        Color[] colors = {new Color(0, 90, 180), new Color(200, 60, 20)};
        String[] modes = {"race", "window"};
        String[] labels = {"p50", "p95", "p99"};
        float[][] dashes = {{1f, 0f}, {8f, 4f}, {2f, 3f}};
        int legend = top + 10;
        for (int m = 0; m < 2; m++) {
            String mode = modes[m];
            List<Row> rs = rows.stream().filter(r -> r.mode().equals(mode)).sorted(Comparator.comparingInt(Row::n)).toList();
            for (int k = 0; k < 3; k++) {
                int kk = k;
                g.setColor(colors[m]);
                g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashes[k], 0f));
                int[] xs = rs.stream().mapToInt(r -> left + (int) (pw * r.n() / maxN)).toArray();
                int[] ys = rs.stream().mapToInt(r -> top + ph - (int) (ph * (kk == 0 ? r.p50() : kk == 1 ? r.p95() : r.p99())
                        / maxMs)).toArray();
                g.drawPolyline(xs, ys, xs.length);
                for (int i = 0; i < xs.length; i++) {
                    g.fillOval(xs[i] - 3, ys[i] - 3, 6, 6);
                }
                g.drawLine(left + pw + 15, legend, left + pw + 45, legend);
                g.setStroke(new BasicStroke(1f));
                g.drawString((mode.equals("race") ? "course " : "fenêtre ") + labels[k], left + pw + 52, legend + 4);
                legend += 20;
            }
        }
        g.setColor(new Color(0, 140, 0));
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 4f}, 0f));
        int y1s = top + ph - (int) (ph * 1000 / maxMs);
        g.drawLine(left, y1s, left + pw, y1s);
        g.drawString("cible p99 < 1 s (course, N = 2 000)", left + 5, y1s - 5);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }
}
