package fr.portailfamille.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * The benches' PostgreSQL: zonky embedded, 127.0.0.1 only, random port, in a temporary directory removed
 * afterwards, with durability ON (fsync, synchronous commit, full page writes) as in production — zonky
 * turns it off for tests.
 */
final class BenchPostgres {

    /** Something a bench runs against the started database. */
    interface Work {
        void on(EmbeddedPostgres pg) throws Exception;
    }

    private BenchPostgres() {
    }

    /** Starts PostgreSQL, runs {@code work}, stops it and deletes its directory (binaries, data, socket). */
    static void run(Work work) throws Exception {
        run(java.util.Map.of(), work);
    }

    /** As {@link #run(Work)}, with more server settings (e.g. {@code shared_preload_libraries} to profile). */
    static void run(java.util.Map<String, String> settings, Work work) throws Exception {
        Path dir = Files.createTempDirectory("bench-pg");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgres pg = builder
                .setOverrideWorkingDirectory(dir.toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", dir.toString())
                .setServerConfig("max_connections", "60")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        try {
            work.on(pg);
        } finally {
            pg.close();
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
