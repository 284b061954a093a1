package fr.portailfamille.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak in production mode, on the stack's PostgreSQL, local cache only (no cluster ports),
 * HTTP on 127.0.0.1. The distribution (a Maven Central zip) is unpacked and built once into a cache
 * directory; the commune login theme is copied in at every start.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String ADMIN_USER = "admin";
    private static final String BUILD_MARKER = ".portail-famille-build";
    private static final String BUILD_OPTIONS = "--db=postgres";

    private final Process process;
    private final int port;
    private final String adminPassword;

    private KeycloakServer(Process process, int port, String adminPassword) {
        this.process = process;
        this.port = port;
        this.adminPassword = adminPassword;
    }

    /** The operating-system process id of Keycloak (benches read its memory). */
    public long pid() {
        return process.pid();
    }

    public static KeycloakServer start(Path dir, Path cache, int port, String jdbcUrl, String adminPassword)
            throws IOException, InterruptedException {
        Path home = install(cache);
        // the theme goes to this stack's folder, not to the shared distribution: stacks started side by
        // side from other checkouts must not overwrite each other's login pages and messages
        Path themes = dir.resolve("keycloak-themes");
        copyTheme(themes);
        Path log = dir.resolve("keycloak.log");
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--db-url=" + jdbcUrl, "--db-username=" + Postgres.USER, "--db-password=" + Postgres.PASSWORD,
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname-strict=false", "--cache=local", "--spi-theme--cache-themes=true",
                "--spi-theme--folder--dir=" + themes));
        Process p = Processes.start(cmd, dir, log, Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                "JAVA_OPTS_KC_HEAP", "-XX:MaxRAMPercentage=10 -XX:InitialRAMPercentage=2"));
        KeycloakServer server = new KeycloakServer(p, port, adminPassword);
        Processes.awaitHttp("Keycloak", server.url() + "/realms/master/.well-known/openid-configuration", p, log,
                Duration.ofMinutes(Long.getLong("pf.devstack.keycloak-start-minutes", 10)));
        return server;
    }

    /** Unpacks and builds the distribution once; later calls reuse it. */
    static Path install(Path cache) throws IOException, InterruptedException {
        Path zip = Processes.artifact("pf.keycloak.dist");
        String version = zip.getFileName().toString().replace("keycloak-quarkus-dist-", "").replace(".zip", "");
        Path home = cache.resolve("keycloak-" + version);
        if (Files.exists(home.resolve(BUILD_MARKER))
                && Files.readString(home.resolve(BUILD_MARKER)).equals(BUILD_OPTIONS)) {
            return home;
        }
        Files.createDirectories(cache);
        Path tmp = Files.createTempDirectory(cache, "keycloak-unpack");
        unzip(zip, tmp);
        Path unpacked;
        try (Stream<Path> s = Files.list(tmp)) {
            unpacked = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        unpacked.resolve("bin/kc.sh").toFile().setExecutable(true);
        deleteTree(home);
        Files.move(unpacked, home);
        deleteTree(tmp);
        Path log = cache.resolve("keycloak-build.log");
        Process build = Processes.start(List.of(home.resolve("bin/kc.sh").toString(), "build", BUILD_OPTIONS),
                home, log, Map.of());
        if (build.waitFor() != 0) {
            throw new IllegalStateException("kc.sh build a échoué :\n" + Processes.tail(log));
        }
        Files.writeString(home.resolve(BUILD_MARKER), BUILD_OPTIONS);
        return home;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Entrée de zip hors du répertoire : " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.toString().endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    /** Copies the {@code theme/portail-famille} tree shipped in keycloak-realm's jar. */
    static void copyTheme(Path themes) throws IOException {
        URL marker = KeycloakServer.class.getResource("/theme/portail-famille/login/theme.properties");
        if (marker == null) {
            throw new IllegalStateException("Thème portail-famille introuvable dans le classpath");
        }
        Path target = themes.resolve("portail-famille");
        deleteTree(target);
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    copyTree(fs.getPath("/theme/portail-famille"), target);
                }
            } else {
                copyTree(Path.of(uri).getParent().getParent(), target);
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path out = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(out);
                } else {
                    try (InputStream in = Files.newInputStream(p)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String adminPassword() {
        return adminPassword;
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
