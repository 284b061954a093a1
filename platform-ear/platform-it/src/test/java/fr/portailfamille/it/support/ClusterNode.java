package fr.portailfamille.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.Collectors;

/**
 * One more Payara Micro running the same built WAR as the Arquillian one, reaching the same PostgreSQL, Keycloak,
 * mail server and PayFiP simulator, but clustered only with its peers of the failover test: its own Hazelcast
 * cluster name and member list on 127.0.0.1, HTTP and Hazelcast on loopback, no phone home. Host-aware partitioning is
 * off because every peer has the same address here: with it on, Hazelcast would keep no backup of a session (backups
 * go to another host) and a killed instance would take its sessions with it. Failure detection is shortened so that a
 * killed peer leaves the cluster in seconds.
 */
public final class ClusterNode implements AutoCloseable {

    /** The cluster of the failover test: never the name of the Arquillian Payara's cluster. */
    public static final String CLUSTER_NAME = "pf-failover-it";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<Process> RUNNING = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "pf-cluster-nodes-stop"));
    }

    public final String name;
    public final int port;
    public final Path log;
    private final Process process;

    private ClusterNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts instance {@code name} on HTTP {@code port}, Hazelcast from {@code hazelcastPort}, looking for its peers at
     * {@code members} (Hazelcast ports on 127.0.0.1); returns at once (see {@link #awaitUp}).
     */
    public static ClusterNode start(String name, int port, int hazelcastPort, List<Integer> members) throws IOException {
        Path dir = Path.of(System.getProperty("pf.devstack.dir"), "cluster");
        Files.createDirectories(dir);
        Path log = dir.resolve(name + ".log");
        Path out = dir.resolve(name + ".out");
        Files.createDirectories(dir.resolve(name + "-diagnostics"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m", "-Dhazelcast.socket.bind.any=false",
                "-Dhazelcast.heartbeat.interval.seconds=1", "-Dhazelcast.max.no.heartbeat.seconds=6",
                // Hazelcast's diagnostics every 5 s: the sessions map's entry count and memory (README's session size)
                "-Dhazelcast.diagnostics.enabled=true", "-Dhazelcast.diagnostics.directory=" + dir.resolve(name + "-diagnostics"),
                "-Dhazelcast.diagnostics.metrics.period.seconds=5"));
        for (String[] p : configuration()) {
            cmd.add("-D" + p[0] + "=" + p[1]);
        }
        cmd.addAll(List.of("-jar", System.getProperty("pf.payara.micro"), "--deploy", System.getProperty("pf.war"),
                "--contextroot", "/", "--name", name, "--port", Integer.toString(port), "--interfaces", "127.0.0.1",
                "--clustername", CLUSTER_NAME, "--clustermode", "tcpip:" + members.stream().map(m -> "127.0.0.1:" + m)
                        .collect(Collectors.joining(",")), "--startport", Integer.toString(hazelcastPort),
                "--nohostaware", "--disablephonehome", "--prebootcommandfile", System.getProperty("pf.preboot"),
                "--logtofile", log.toString()));
        Process process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        RUNNING.add(process);
        return new ClusterNode(name, port, log, process);
    }

    /** The platform's settings for the test stack, as arquillian.xml gives them to the Arquillian Payara. */
    private static List<String[]> configuration() {
        String payfip = "http://127.0.0.1:" + Integer.getInteger("it.port.payfip");
        return List.of(new String[] {"pf.db.url", "jdbc:postgresql://127.0.0.1:" + Integer.getInteger("it.port.postgres")
                        + "/portail"}, new String[] {"pf.db.user", "postgres"}, new String[] {"pf.db.password", "postgres"},
                new String[] {"pf.keycloak.url", "http://localhost:" + Integer.getInteger("it.port.keycloak")},
                new String[] {"pf.base-domain", "localhost"}, new String[] {"pf.smtp.host", "127.0.0.1"},
                new String[] {"pf.smtp.port", Integer.getInteger("it.port.smtp").toString()},
                new String[] {"pf.it.mailapi", Integer.getInteger("it.port.mailapi").toString()},
                new String[] {"it.port.platform", Integer.getInteger("it.port.platform").toString()},
                new String[] {"pf.trusted-proxies", "127.0.0.1"},
                new String[] {"pf.payfip.endpoint", payfip + "/tpa/services/securite"},
                new String[] {"pf.payfip.payment-page", payfip + "/tpa/paiementws.web"});
    }

    /** Waits until the platform answers its health check on this instance (the last answer is in the failure). */
    public ClusterNode awaitUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "aucune réponse";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " s'est arrêté (code " + process.exitValue() + ") :\n" + tail());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException notYet) {
                last = notYet.toString(); // not listening yet, or no answer in 5 s
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " n'a pas démarré en " + timeout.toSeconds() + " s (dernière réponse de /health : "
                + last + ") :\n" + tail());
    }

    /** SIGKILL: the JVM dies at once, nothing saved or handed over. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " ne s'arrête pas");
        }
        RUNNING.remove(process);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Payara's log of this instance (or what it printed, when it died before logging): the end of it. */
    public String tail() {
        try {
            String text = logText();
            if (text.isEmpty()) {
                text = Files.readString(log.resolveSibling(name + ".out"));
            }
            List<String> lines = text.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(pas de journal " + log + ")";
        }
    }

    /** The whole log of this instance: Payara writes {@code <name>.log.0}, then rotates. */
    public String logText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(log.getParent())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(name + ".log")
                    && !f.getFileName().toString().endsWith(".lck")).sorted(Comparator.reverseOrder()).toList()) {
                text.append(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    /** How many instances the cluster has, as this instance last reported it (Payara's "Data Grid Status"). */
    public int clusterSize() throws IOException {
        Matcher m = Pattern.compile("DG Name: " + Pattern.quote(CLUSTER_NAME) + " DG Size: (\\d+)").matcher(logText());
        int size = 0;
        while (m.find()) {
            size = Integer.parseInt(m.group(1));
        }
        return size;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RUNNING.remove(process);
    }
}
