package fr.portailfamille.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform WAR on Payara Micro, every listener (HTTP and Hazelcast) on 127.0.0.1. Configuration
 * reaches the platform as MicroProfile Config system properties ({@code pf.*}).
 */
public final class PayaraServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private PayaraServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Command-line options that keep Payara Micro on loopback (see STACK.md). */
    public static List<String> loopbackOptions(Path dir, int httpPort, int clusterPort) throws IOException {
        Path preboot = dir.resolve("payara-preboot.asadmin");
        // loopback only; and no HTTP/2 over cleartext: Grizzly's h2c can deadlock two listener threads when an upgraded
        // client goes away (a clean-clone test run, 2026-12-03); browsers never upgrade, proxies speak HTTP/1.1
        Files.writeString(preboot, "set configs.config.server-config.network-config.network-listeners."
                + "network-listener.http-listener.address=127.0.0.1\n"
                + "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.http2-enabled=false\n");
        return List.of("--port", Integer.toString(httpPort), "--interfaces", "127.0.0.1",
                "--clustermode", "tcpip:127.0.0.1:" + clusterPort, "--startport", Integer.toString(clusterPort),
                "--prebootcommandfile", preboot.toString());
    }

    public static PayaraServer start(Path dir, Path war, int port, Map<String, String> config) throws IOException {
        Path jar = Processes.artifact("pf.payara.micro");
        Path log = dir.resolve("payara.log");
        List<String> cmd = new ArrayList<>(List.of(Processes.javaBin(), "-Xmx768m", "-Dhazelcast.socket.bind.any=false"));
        config.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar.toString(), "--deploy", war.toString(), "--contextroot", "/"));
        cmd.addAll(loopbackOptions(dir, port, port + 1000));
        Process p = Processes.start(cmd, dir, log, Map.of());
        PayaraServer server = new PayaraServer(p, port);
        Processes.awaitHttp("Payara Micro", "http://127.0.0.1:" + port + "/health/started", p, log,
                Duration.ofMinutes(Long.getLong("pf.devstack.payara-start-minutes", 10)));
        return server;
    }

    public int port() {
        return port;
    }

    /** The operating-system process id of Payara Micro (benches read its memory). */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
