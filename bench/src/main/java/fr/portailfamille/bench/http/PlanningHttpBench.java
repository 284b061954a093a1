package fr.portailfamille.bench.http;

import fr.portailfamille.devstack.DemoCommunes;
import fr.portailfamille.devstack.DevStack;
import fr.portailfamille.tenancy.Commune;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Bench 4: "Mon planning" over HTTP. Starts the whole platform (devstack: PostgreSQL with
 * {@code pg_stat_statements}, GreenMail, Keycloak, Payara Micro with the WAR as built), the demo communes,
 * and 50 parents of Pays de Montfaucou (each a validated family whose child is registered to the canteen
 * and the périscolaire, and a Keycloak account); then runs {@link PlanningSimulation} with Gatling in a
 * child JVM and writes {@code planning-http.md} in the output folder: throughput of the planning page
 * against the 404 page, p50/p99, statements and transactions per page.
 *
 * <p>Arguments: the output folder. System properties: {@code pf.war} (default
 * {@code platform-ear/platform-war/target/ROOT.war}), {@code bench.port.base} (default 37400: PostgreSQL
 * +32, Keycloak +81, SMTP +25, mail API +26, platform +80), and those of {@link PlanningSimulation}.
 */
public final class PlanningHttpBench {

    private PlanningHttpBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/target/bench-out").toAbsolutePath();
        Files.createDirectories(out);
        if (args.length > 2 && args[1].equals("--report-only")) { // rewrite planning-http.md from a finished run
            report(out, args[2], Long.getLong("bench.ready", 0), 0);
            return;
        }
        int base = Integer.getInteger("bench.port.base", 37400);
        int users = Integer.getInteger("bench.users", 50);
        Path war = Path.of(System.getProperty("pf.war", "platform-ear/platform-war/target/ROOT.war")).toAbsolutePath();
        Path dir = Files.createTempDirectory("pf-bench-http");
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "portail-famille");
        DevStack.Ports ports = new DevStack.Ports(base + 32, base + 81, base + 25, base + 26, base + 80);
        long t0 = System.nanoTime();
        try (DevStack stack = DevStack.startInfrastructure(dir, cache, ports)) {
            try (Connection c = stack.platformDb().getConnection(); Statement st = c.createStatement()) {
                st.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
            }
            // Keycloak keeps its database connections: stop it while PostgreSQL restarts with the extension.
            stack.stopKeycloak();
            stack.stopPostgres();
            stack.startPostgres();
            stack.startKeycloak();
            try (Connection c = stack.platformDb().getConnection(); Statement st = c.createStatement()) {
                st.execute("create extension if not exists pg_stat_statements");
            }
            DemoCommunes.provision(stack.provisioner(), stack.realmProvisioner(), stack.tenantStore(), stack.platformDb());
            Commune commune = stack.tenantStore().findBySlug("montfaucou").orElseThrow();
            List<String> parents = new ArrayList<>();
            for (int i = 1; i <= users; i++) {
                String email = String.format(Locale.ROOT, "bench-%02d@montfaucou.test", i);
                seedFamily(stack, commune.schemaName(), email, i);
                stack.realmProvisioner().createUser(commune.realmName(), email, "Parent", "Bench " + i,
                        DemoCommunes.PARENT_PASSWORD, "parent");
                parents.add(email + "," + DemoCommunes.PARENT_PASSWORD);
            }
            Files.write(out.resolve("parents.csv"), Stream.concat(Stream.of("email,password"), parents.stream()).toList());
            Files.write(out.resolve("counter.csv"), List.of("email,password",
                    "parent@montfaucou.test," + DemoCommunes.PARENT_PASSWORD));
            stack.startPlatform(dir, war);
            long ready = (System.nanoTime() - t0) / 1_000_000_000;
            String month = YearMonth.now().plusMonths(1).toString();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED", // Gatling's stats writer reads String internals
                    "-Dbench.base=" + stack.communeUrl("montfaucou").replaceAll("/$", ""),
                    "-Dbench.host=montfaucou.localhost", "-Dbench.month=" + month, "-Dbench.out=" + out,
                    "-Dbench.jdbc=jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/portail",
                    "-Dbench.payara.pid=" + stack.platformPid()));
            for (String p : List.of("bench.users", "bench.seconds", "bench.rounds", "bench.warmup", "bench.count.pages", "bench.cpu.pages")) {
                if (System.getProperty(p) != null) {
                    command.add("-D" + p + "=" + System.getProperty(p));
                }
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                    "--simulation", PlanningSimulation.class.getName(), "--results-folder", out.resolve("gatling").toString(),
                    "--launcher", "bench"));
            int code = new ProcessBuilder(command).inheritIO().start().waitFor();
            report(out, month, ready, code);
        }
    }

    static void seedFamily(DevStack stack, String schema, String email, int i) throws Exception {
        try (Connection c = stack.platformDb().getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into " + schema + ".family (label, email, status, situation, address_line, postcode, city,"
                    + " validated_at) values ('Foyer Bench " + i + "', '" + email + "', 'VALIDATED', 'MARIES',"
                    + " '3 rue des Écoles', '87000', 'Limoges', now())");
            st.execute("insert into " + schema + ".responsable (family_id, rank, civility, first_name, last_name, email,"
                    + " mobile_phone) select id, 1, 'MME', 'Parent', 'Bench', email, '06 12 34 56 78' from " + schema
                    + ".family where email = '" + email + "'");
            st.execute("insert into " + schema + ".child (family_id, first_name, last_name, sex, birth_date, school,"
                    + " school_class) select id, 'Enfant', 'Bench', 'F', current_date - interval '7 years',"
                    + " 'École Jules Ferry', 'CE1' from " + schema + ".family where email = '" + email + "'");
            st.execute("insert into " + schema + ".registration (child_id, activity_id, status, cgu_accepted_at, decided_at,"
                    + " decided_by) select ch.id, a.id, 'VALIDATED', now(), now(), 'bench' from " + schema + ".child ch join "
                    + schema + ".family f on f.id = ch.family_id, " + schema + ".activity a where f.email = '" + email
                    + "' and a.code in ('CANTINE', 'PERI')");
        }
    }

    /** The processor's model name ({@code /proc/cpuinfo}), or "unknown". */
    static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst()
                    .orElse("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }

    /**
     * Reads the statistics table of Gatling's {@code index.html} (Gatling 3.15 writes no {@code stats.json}):
     * one row per request name, columns 2 to 14 = total, OK, KO, KO %, req/s, min, p50, p75, p95, p99, max,
     * mean, standard deviation.
     */
    static Map<String, double[]> gatlingTable(Path index) throws Exception {
        String html = Files.readString(index);
        Map<String, double[]> rows = new HashMap<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?s)<tr id=\"[^\"]*\"[^>]*>(.*?)</tr>").matcher(html);
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
        java.util.regex.Pattern cell = java.util.regex.Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");
        while (row.find()) {
            java.util.regex.Matcher n = name.matcher(row.group(1));
            if (!n.find()) {
                continue;
            }
            double[] v = new double[15];
            java.util.regex.Matcher c = cell.matcher(row.group(1));
            while (c.find()) {
                String text = c.group(2).trim().replace(",", "");
                v[Integer.parseInt(c.group(1))] = text.isEmpty() || text.equals("-") ? 0 : Double.parseDouble(text);
            }
            rows.putIfAbsent(n.group(1).trim(), v);
        }
        return rows;
    }

    /** Reads Gatling's report and the statement counts; writes planning-http.md. */
    static void report(Path out, String month, long readySeconds, int gatlingExit) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 30);
        int users = Integer.getInteger("bench.users", 50);
        int pages = Integer.getInteger("bench.count.pages", 20);
        Path index;
        try (Stream<Path> s = Files.walk(out.resolve("gatling"))) {
            index = s.filter(p -> p.getFileName().toString().equals("index.html"))
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("pas de rapport Gatling (code " + gatlingExit + ")"));
        }
        Map<String, double[]> byName = gatlingTable(index);
        double[] planning = byName.get("planning");
        double[] missing = byName.get("404");
        if (planning == null || missing == null) {
            throw new IllegalStateException("rapport Gatling sans les requêtes planning et 404 : " + byName.keySet());
        }
        // each page's throughput: its requests over its phases' own durations (phases.tsv), else over bench.seconds
        Map<String, double[]> served = new HashMap<>(); // page -> {requests, milliseconds}
        List<String> rounds = new ArrayList<>();
        Path phasesFile = out.resolve("phases.tsv");
        if (Files.exists(phasesFile)) {
            Map<Integer, Map<String, double[]>> byRound = new java.util.TreeMap<>();
            for (String line : Files.readAllLines(phasesFile)) {
                String[] f = line.split("\t");
                double[] phase = {Double.parseDouble(f[2]), Double.parseDouble(f[3])};
                served.merge(f[0], phase.clone(), (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
                byRound.computeIfAbsent(Integer.parseInt(f[1]), r -> new HashMap<>()).put(f[0], phase);
            }
            byRound.forEach((round, phase) -> {
                double p = 1000 * phase.get("planning")[0] / phase.get("planning")[1];
                double m = 1000 * phase.get("404")[0] / phase.get("404")[1];
                rounds.add(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.0f %% |", round, p, m, 100 * p / m));
            });
        } else {
            served.put("planning", new double[] {planning[3], 1000.0 * seconds});
            served.put("404", new double[] {missing[3], 1000.0 * seconds});
        }
        double planningRps = 1000 * served.get("planning")[0] / served.get("planning")[1];
        double missingRps = 1000 * served.get("404")[0] / served.get("404")[1];
        Map<String, Long> before = counts(out.resolve("counts-before.tsv"));
        Map<String, Long> after = counts(out.resolve("counts-after.tsv"));
        Map<String, Long> delta = new HashMap<>();
        after.forEach((q, n) -> {
            long d = n - before.getOrDefault(q, 0L);
            if (d > 0) {
                delta.put(q, d);
            }
        });
        long commits = delta.entrySet().stream().filter(e -> e.getKey().matches("(?i)^(commit|rollback).*"))
                .mapToLong(Map.Entry::getValue).sum();
        long statements = delta.entrySet().stream().filter(e -> !e.getKey().matches("(?i)^(begin|commit|rollback).*"))
                .mapToLong(Map.Entry::getValue).sum();
        StringBuilder md = new StringBuilder();
        md.append("### Mon planning over HTTP (Gatling, ").append(users).append(" signed-in parents)\n\n");
        md.append(String.format(Locale.ROOT, "Month %s; platform ready in %d s; Gatling exit code %d; report `%s`.%n%n",
                month, readySeconds, gatlingExit, index.getParent()));
        // the machine's processor: the same kind of machine has been an Intel Xeon on some days and an AMD EPYC on others
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ").append(cpuModel())
                .append(".\n\n");
        md.append("| page | requests OK / KO | throughput (req/s) | p50 (ms) | p75 (ms) | p95 (ms) | p99 (ms) | max (ms) |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (String name : List.of("planning", "404")) {
            double[] n = byName.get(name);
            double[] s = served.get(name);
            md.append(String.format(Locale.ROOT, "| %s | %.0f / %.0f | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f |%n", name,
                    n[3], n[4], 1000 * s[0] / s[1], n[8], n[9], n[10], n[11], n[12]));
        }
        md.append(String.format(Locale.ROOT, "%nRatio planning / 404: **%.0f %%** (target ≥ 50 %%).%n%n", 100 * planningRps / missingRps));
        if (!rounds.isEmpty()) {
            md.append("The two pages in turn (each phase's requests over its own duration, `phases.tsv`):\n\n"
                    + "| round | planning (req/s) | 404 (req/s) | ratio |\n| --- | --- | --- | --- |\n");
            rounds.forEach(r -> md.append(r).append('\n'));
            md.append('\n');
        }
        Path cpuFile = out.resolve("cpu.tsv");
        if (Files.exists(cpuFile)) {
            Map<String, Long> cpu = new HashMap<>();
            for (String line : Files.readAllLines(cpuFile)) {
                String[] kv = line.split("\t");
                cpu.put(kv[0], Long.parseLong(kv[1]));
            }
            double n = cpu.get("pages");
            double planningMs = cpu.get("planning") / n;
            double missingMs = cpu.get("404") / n;
            md.append(String.format(Locale.ROOT, "Payara Micro's CPU per request (one parent alone, %.0f planning pages then"
                    + " %.0f 404 pages, `/proc/<pid>/stat`, ±10 ms in all): **planning %.1f ms, 404 %.1f ms**; a saturated"
                    + " server's throughput ratio cannot exceed their ratio, **%.0f %%**. Unlike throughput, CPU per request"
                    + " hardly depends on what else the machine runs.%n%n", n, n, planningMs, missingMs, 100 * missingMs / planningMs));
        }
        md.append(String.format(Locale.ROOT, "Per planning page (one parent alone, %d pages, `pg_stat_statements` of the"
                + " platform database): **%.1f transactions** (COMMIT/ROLLBACK), **%.1f SQL statements** (BEGIN/COMMIT"
                + " excluded).%n%n", pages, (double) commits / pages, (double) statements / pages));
        md.append("| calls per page | statement |\n| --- | --- |\n");
        delta.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> md.append(
                String.format(Locale.ROOT, "| %.1f | `%s` |%n", (double) e.getValue() / pages,
                        e.getKey().length() > 140 ? e.getKey().substring(0, 140) + "…" : e.getKey())));
        Files.writeString(out.resolve("planning-http.md"), md);
        System.out.println(md);
    }

    static Map<String, Long> counts(Path file) throws Exception {
        Map<String, Long> m = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int tab = line.indexOf('\t');
            m.merge(line.substring(tab + 1).replace("|", "\\|"), Long.parseLong(line.substring(0, tab)), Long::sum);
        }
        return m;
    }

}
