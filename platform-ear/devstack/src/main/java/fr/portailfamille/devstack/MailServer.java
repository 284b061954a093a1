package fr.portailfamille.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** GreenMail (SMTP + REST API) as a child process on 127.0.0.1. Mails are read at {@link #apiUrl()}. */
public final class MailServer implements AutoCloseable {

    private final Process process;
    private final int smtpPort;
    private final int apiPort;

    private MailServer(Process process, int smtpPort, int apiPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
    }

    public static MailServer start(Path dir, int smtpPort, int apiPort) throws IOException {
        Path jar = Processes.artifact("pf.greenmail.jar");
        Path log = dir.resolve("greenmail.log");
        Process p = Processes.start(List.of(Processes.javaBin(), "-Xmx128m",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                "-Dgreenmail.auth.disabled", "-jar", jar.toString()), dir, log, Map.of());
        MailServer server = new MailServer(p, smtpPort, apiPort);
        Processes.awaitHttp("GreenMail", server.apiUrl() + "/api/configuration", p, log, Duration.ofSeconds(60));
        return server;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
