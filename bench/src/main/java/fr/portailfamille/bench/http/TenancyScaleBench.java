package fr.portailfamille.bench.http;

import fr.portailfamille.devstack.DemoCommunes;
import fr.portailfamille.devstack.DevStack;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneSpec;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bench 6 (issue 13): what the number of communes costs. Starts the whole platform (devstack), then onboards
 * communes with the operator's {@code CommuneProvisioner} (schema, migrations, default configuration, realm,
 * client) up to each stage of {@code bench.communes} (default 10,100,500), each with a validated family and its
 * parent's Keycloak account. At each stage it (re)starts Payara Micro twice and times its start-up — once
 * migrating at start (every commune's schema checked, as before the upgrade Job) and once with
 * {@code pf.migrate-at-start=false} (the chart's mode) —, opens every commune's home once, reads the heap after
 * a full GC and the RSS of Payara Micro and Keycloak, then has {@code bench.threads} parents of 10 communes
 * spread over the stage sign in through their commune's Keycloak form and load Accueil for
 * {@code bench.seconds}: p50/p95/p99 of a sign-in (protected page → Keycloak form → code exchange → page) and
 * of Accueil. Writes {@code tenancy.md} in the output folder.
 */
public final class TenancyScaleBench {

    private static final String PAGE = "/espace/accueil.xhtml";

    private TenancyScaleBench() {
    }

    record Stage(int communes, double startMigrating, double startNoMigration, double heapMb, double payaraRssMb,
                 double keycloakRssMb, long[] logins, long[] pages, int errors) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/target/tenancy-out").toAbsolutePath();
        Files.createDirectories(out);
        int[] stages = Arrays.stream(System.getProperty("bench.communes", "10,100,500").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).sorted().toArray();
        int base = Integer.getInteger("bench.port.base", 37600);
        Path war = Path.of(System.getProperty("pf.war", "platform-ear/platform-war/target/ROOT.war")).toAbsolutePath();
        Path dir = Files.createTempDirectory("pf-bench-tenancy");
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "portail-famille");
        DevStack.Ports ports = new DevStack.Ports(base + 32, base + 81, base + 25, base + 26, base + 80);
        List<Double> onboarding = new ArrayList<>();
        List<Stage> results = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try (DevStack stack = DevStack.startInfrastructure(dir, cache, ports)) {
            int made = 0;
            for (int stage : stages) {
                stack.stopPlatform();
                while (made < stage) {
                    made++;
                    String slug = String.format(Locale.ROOT, "banc%03d", made);
                    long t = System.nanoTime();
                    Commune commune = stack.provisioner().provision(new CommuneSpec(slug, "Commune du banc " + made,
                            "https://www." + slug + ".example.fr", "#1d4f91", "#8a3b12", null, List.of()));
                    onboarding.add((System.nanoTime() - t) / 1e9);
                    String email = "parent@" + slug + ".test";
                    PlanningHttpBench.seedFamily(stack, commune.schemaName(), email, made);
                    stack.realmProvisioner().createUser(commune.realmName(), email, "Parent", "Banc " + made,
                            DemoCommunes.PARENT_PASSWORD, "parent");
                    if (made % 50 == 0) {
                        System.out.printf(Locale.ROOT, "[bench 6] %d communes, dernière en %.2f s%n", made,
                                onboarding.get(onboarding.size() - 1));
                    }
                }
                long t = System.nanoTime();
                stack.startPlatform(dir, war, java.util.Map.of("pf.migrate-at-start", "true"));
                double migrating = (System.nanoTime() - t) / 1e9;
                stack.stopPlatform();
                t = System.nanoTime();
                stack.startPlatform(dir, war, java.util.Map.of("pf.migrate-at-start", "false"));
                double noMigration = (System.nanoTime() - t) / 1e9;
                SignedInClient visitor = new SignedInClient(http);
                for (int i = 1; i <= stage; i++) {
                    visitor.get(stack.communeUrl(String.format(Locale.ROOT, "banc%03d", i)) + "/");
                }
                double heap = heapAfterGcMb(stack.platformPid());
                Stage measured = load(stack, http, stage, heap, migrating, noMigration);
                results.add(measured);
                System.out.println("[bench 6] " + describe(measured));
                write(out, onboarding, results);
            }
        }
        System.out.println(Files.readString(out.resolve("tenancy.md")));
    }

    private static Stage load(DevStack stack, HttpClient http, int communes, double heap, double migrating,
                              double noMigration) throws Exception {
        int threads = Integer.getInteger("bench.threads", 8);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmup = Integer.getInteger("bench.warmup", 10);
        List<String> slugs = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            slugs.add(String.format(Locale.ROOT, "banc%03d", 1 + k * communes / 10));
        }
        ConcurrentLinkedQueue<Long> logins = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> pages = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int th = 0; th < threads; th++) {
            int first = th;
            pool.submit(() -> {
                SignedInClient client = new SignedInClient(http);
                int n = first;
                while (System.nanoTime() < end) {
                    String slug = slugs.get(n++ % slugs.size());
                    String url = stack.communeUrl(slug) + PAGE;
                    try {
                        long t = System.nanoTime();
                        SignedInClient.Page page = client.signIn(url, "parent@" + slug + ".test", DemoCommunes.PARENT_PASSWORD);
                        long took = System.nanoTime() - t;
                        check(page);
                        if (t > warmEnd) {
                            logins.add(took);
                        }
                        for (int i = 0; i < 5; i++) {
                            t = System.nanoTime();
                            page = client.get(url);
                            took = System.nanoTime() - t;
                            check(page);
                            if (t > warmEnd) {
                                pages.add(took);
                            }
                        }
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.err.println("[bench 6] " + slug + " : " + e.getMessage());
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + warmup + 120, TimeUnit.SECONDS);
        return new Stage(communes, migrating, noMigration, heap, rssMb(stack.platformPid()), rssMb(stack.keycloakPid()),
                sorted(logins), sorted(pages), errors.get());
    }

    private static void check(SignedInClient.Page page) {
        if (page.status() != 200 || !page.body().contains("id=\"greeting\"")) {
            var title = java.util.regex.Pattern.compile("(?s)<title>(.*?)</title>").matcher(page.body());
            var error = java.util.regex.Pattern.compile("(?s)id=\"input-error[^\"]*\"[^>]*>(.*?)<").matcher(page.body());
            throw new IllegalStateException("Accueil attendu, reçu HTTP " + page.status() + " à " + page.uri() + " : "
                    + (title.find() ? title.group(1).trim() : "") + (error.find() ? " / " + error.group(1).trim() : ""));
        }
    }

    private static long[] sorted(ConcurrentLinkedQueue<Long> q) {
        List<Long> l = new ArrayList<>(q);
        Collections.sort(l);
        return l.stream().mapToLong(Long::longValue).toArray();
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** Heap used by Payara Micro after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), in MB. */
    static double heapAfterGcMb(long pid) throws Exception {
        run("jcmd", Long.toString(pid), "GC.run");
        String info = run("jcmd", Long.toString(pid), "GC.heap_info");
        var m = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        long used = 0;
        while (m.find()) {
            used += Long.parseLong(m.group(1)); // young + old (G1 prints one "garbage-first heap" line)
            break;
        }
        return used / 1024.0;
    }

    /** RSS of a process and its descendants (Keycloak's pid is its launcher script, the JVM is its child), in MB. */
    static double rssMb(long pid) throws Exception {
        double total = 0;
        List<Long> pids = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
        for (long p : pids) {
            Path status = Path.of("/proc/" + p + "/status");
            if (!Files.exists(status)) {
                continue;
            }
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    total += Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        }
        return total;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return text;
    }

    private static String describe(Stage s) {
        return String.format(Locale.ROOT, "%d communes : démarrage %.1f s (migrations) / %.1f s (sans), tas %.0f Mo,"
                        + " connexion p95 %.0f ms (%d), Accueil p95 %.0f ms (%d), erreurs %d", s.communes(), s.startMigrating(),
                s.startNoMigration(), s.heapMb(), pct(s.logins(), 95), s.logins().length, pct(s.pages(), 95),
                s.pages().length, s.errors());
    }

    private static void write(Path out, List<Double> onboarding, List<Stage> stages) throws Exception {
        double[] o = onboarding.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(o).average().orElse(Double.NaN);
        StringBuilder md = new StringBuilder();
        md.append("### Communes at scale (bench 6)\n\n");
        md.append(String.format(Locale.ROOT, "Onboarding (CommuneProvisioner: schema, migrations, default configuration, realm,"
                        + " client) of %d communes: mean **%.2f s**, p50 %.2f s, p95 %.2f s, max %.2f s (target < 5 s).%n%n",
                o.length, mean, o[(int) Math.ceil(0.5 * o.length) - 1], o[(int) Math.ceil(0.95 * o.length) - 1],
                o[o.length - 1]));
        md.append("| communes | start-up, migrating at start (s) | start-up, `pf.migrate-at-start=false` (s) | Payara heap after GC (MB) |"
                + " Payara RSS (MB) | Keycloak RSS (MB) | sign-ins | sign-in p50 / p95 / p99 (ms) | Accueil loads |"
                + " Accueil p50 / p95 / p99 (ms) | errors |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Stage s : stages) {
            md.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.0f | %.0f | %.0f | %d | %.0f / %.0f / %.0f | %d |"
                            + " %.0f / %.0f / %.0f | %d |%n", s.communes(), s.startMigrating(), s.startNoMigration(), s.heapMb(),
                    s.payaraRssMb(), s.keycloakRssMb(), s.logins().length, pct(s.logins(), 50), pct(s.logins(), 95),
                    pct(s.logins(), 99), s.pages().length, pct(s.pages(), 50), pct(s.pages(), 95), pct(s.pages(), 99),
                    s.errors()));
        }
        if (stages.size() > 1) {
            Stage first = stages.get(0);
            Stage last = stages.get(stages.size() - 1);
            int extra = last.communes() - first.communes();
            md.append(String.format(Locale.ROOT, "%nFrom %d to %d communes: sign-in p95 %+.0f %%, Accueil p95 %+.0f %%"
                            + " (target < +20 %%); Payara heap %+.2f MB per commune, Keycloak RSS %+.2f MB per commune;"
                            + " start-up %+.3f s per commune migrating at start, %+.3f s without.%n",
                    first.communes(), last.communes(),
                    100 * (pct(last.logins(), 95) / pct(first.logins(), 95) - 1),
                    100 * (pct(last.pages(), 95) / pct(first.pages(), 95) - 1),
                    (last.heapMb() - first.heapMb()) / extra, (last.keycloakRssMb() - first.keycloakRssMb()) / extra,
                    (last.startMigrating() - first.startMigrating()) / extra,
                    (last.startNoMigration() - first.startNoMigration()) / extra));
        }
        Files.writeString(out.resolve("tenancy.md"), md);
    }
}
