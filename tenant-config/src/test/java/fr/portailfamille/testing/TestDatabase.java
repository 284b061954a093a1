package fr.portailfamille.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** One embedded PostgreSQL for every test class of the module, started on first use, stopped at exit. */
public final class TestDatabase {

    private static EmbeddedPostgres pg;

    private TestDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (pg == null) {
            try {
                Path dir = Files.createTempDirectory("pf-pg");
                pg = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("unix_socket_directories", dir.toString())
                        .setOverrideWorkingDirectory(dir.toFile())
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = pg;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting anyway
                }
            }));
        }
        return pg.getPostgresDatabase();
    }

    /** The first column of the first row {@code sql} returns (an {@code insert … returning id}, a count). */
    public static long id(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
