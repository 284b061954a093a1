package fr.portailfamille.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HAProxy from Debian in front of the failover test's Payara Micro instances: bound to 127.0.0.1, round robin with no
 * stickiness (no cookie, and the server-side connection closed after each request, so each request is balanced
 * again), the Host header forwarded as the browser sent it (the commune is found from it), an instance that stops
 * answering {@code /health} taken out in half a second and a request refused by a dead one sent to another. Its log
 * (one line per request: which instance served which method and path) tells which instance served the parent's last
 * request. The configuration is generated in {@code target/it-stack/cluster}.
 */
public final class LoadBalancer implements AutoCloseable {

    private static final Pattern SERVED = Pattern.compile(
            "^cluster/(\\S+) (\\d+) (\\S+) (\\S+) accepted=(\\d+)\\.(\\d+) idle=(-?\\d+) active=(-?\\d+)(?: .*)?$");

    public final int port;
    private final Path log;
    private final Process process;
    private final long started = System.nanoTime();

    /**
     * A request as HAProxy's log records it: when its first byte reached HAProxy (epoch ms: the connection's accept date
     * plus the time the kept-alive connection was idle before it) and how long it was active (ms, until the last byte of
     * the response).
     */
    public record Served(String server, int status, String method, String path, long accepted, long active) {

        public long ended() {
            return accepted + active;
        }

        /** Whether the two requests were in progress at the same time. */
        public boolean overlaps(Served other) {
            return accepted < other.ended() && other.accepted < ended();
        }

        @Override
        public String toString() {
            return server + " " + status + " " + method + " " + path + " @" + accepted + "+" + active + "ms";
        }
    }

    private LoadBalancer(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** The HAProxy binary, or a failure saying how to get it. */
    public static String binary() {
        for (String candidate : List.of("/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("HAProxy est absent (command -v haproxy) : installez le paquet Debian « haproxy »"
                + " (apt-get install haproxy ; .ci/run le fait) pour la preuve à plusieurs instances.");
    }

    /** Starts HAProxy on 127.0.0.1:{@code port} in front of {@code servers} (name → HTTP port on 127.0.0.1). */
    public static LoadBalancer start(int port, Map<String, Integer> servers) throws IOException, InterruptedException {
        String haproxy = binary();
        Path dir = Path.of(System.getProperty("pf.devstack.dir"), "cluster");
        Files.createDirectories(dir);
        StringBuilder cfg = new StringBuilder("""
                global
                    log stdout format raw local0
                    maxconn 200
                    nbthread 1

                defaults
                    mode http
                    log global
                    log-format "%b/%s %ST %HM %HU accepted=%Ts.%ms idle=%Ti active=%Ta %hr %hs"
                    option http-server-close
                    option forwardfor
                    option redispatch 1
                    retries 3
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s

                frontend portail
                    capture request header Cookie len 300
                    capture response header Set-Cookie len 300
                """);
        cfg.append("    bind 127.0.0.1:").append(port).append('\n').append("""
                    default_backend cluster

                backend cluster
                    balance roundrobin
                    option httpchk
                    http-check send meth GET uri /health ver HTTP/1.1 hdr Host localhost
                    http-check expect status 200
                    default-server inter 500ms fall 1 rise 1
                """);
        servers.forEach((name, p) -> cfg.append("    server ").append(name).append(" 127.0.0.1:").append(p).append(" check\n"));
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, cfg);
        Path log = dir.resolve("haproxy.log");
        Process check = new ProcessBuilder(haproxy, "-c", "-f", config.toString()).redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes());
        if (check.waitFor() != 0) {
            throw new IllegalStateException("Configuration HAProxy refusée :\n" + checked);
        }
        Process process = new ProcessBuilder(haproxy, "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        LoadBalancer lb = new LoadBalancer(port, log, process);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return lb;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    lb.close();
                    throw new IllegalStateException("HAProxy ne démarre pas :\n" + lb.logText());
                }
                Thread.sleep(100);
            }
        }
    }

    /** The requests served so far, in the order HAProxy logged them (when each response ended). */
    public List<Served> served() throws IOException {
        List<Served> served = new ArrayList<>();
        for (String line : logText().split("\n")) {
            Matcher m = SERVED.matcher(line.strip());
            if (m.matches()) {
                served.add(new Served(m.group(1), Integer.parseInt(m.group(2)), m.group(3), m.group(4),
                        Long.parseLong(m.group(5)) * 1000 + Long.parseLong(m.group(6)) + Math.max(0, Long.parseLong(m.group(7))),
                        Long.parseLong(m.group(8))));
            }
        }
        return served;
    }

    /** The requests served after the first {@code skip} ones. */
    public List<Served> servedSince(int skip) throws IOException {
        List<Served> all = served();
        return all.subList(Math.min(skip, all.size()), all.size());
    }

    /**
     * Waits until HAProxy's health check has {@code server} in service: HAProxy starts every server UP and logs only
     * changes, so a server is in service once its last logged state is UP, or when none was logged a second after
     * the start (its first checks, every 500 ms, passed).
     */
    public void awaitInService(String server, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String state = states().get(server);
            if ("UP".equals(state) || state == null && System.nanoTime() - started > Duration.ofSeconds(1).toNanos()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(server + " n'est pas mis en service par HAProxy :\n" + logText());
    }

    /** The last state (UP, DOWN) that HAProxy's health check logged for each server. */
    public Map<String, String> states() throws IOException {
        Map<String, String> states = new LinkedHashMap<>();
        Matcher m = Pattern.compile("Server cluster/(\\S+) is (UP|DOWN)").matcher(logText());
        while (m.find()) {
            states.put(m.group(1), m.group(2));
        }
        return states;
    }

    public String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
