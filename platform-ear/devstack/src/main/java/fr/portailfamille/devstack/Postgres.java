package fr.portailfamille.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** PostgreSQL from zonky's binaries, on 127.0.0.1, its data kept in a directory between runs. */
public final class Postgres implements AutoCloseable {

    public static final String PLATFORM_DB = "portail";
    public static final String KEYCLOAK_DB = "keycloak";
    public static final String USER = "postgres";
    /** The embedded server trusts local connections; a password is still given to clients that want one. */
    public static final String PASSWORD = "postgres";

    private volatile EmbeddedPostgres pg;
    private final int port;
    private final Path dir;

    private Postgres(EmbeddedPostgres pg, int port, Path dir) {
        this.pg = pg;
        this.port = port;
        this.dir = dir;
    }

    public static Postgres start(Path dir, int port) throws IOException, SQLException {
        Postgres postgres = new Postgres(launch(dir, port), port, dir);
        postgres.createDatabase(PLATFORM_DB);
        postgres.createDatabase(KEYCLOAK_DB);
        return postgres;
    }

    /** Stops the server (outage tests); {@link #restart()} brings it back on the same data and port. */
    public synchronized void stop() throws IOException {
        pg.close();
    }

    /** Starts the server again after {@link #stop()}, on the same data directory and port. */
    public synchronized void restart() throws IOException {
        pg = launch(dir, port);
    }

    private static EmbeddedPostgres launch(Path dir, int port) throws IOException {
        Path data = dir.resolve("data");
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(run.toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", run.toString())
                .setServerConfig("max_connections", "200")
                .start();
    }

    private void createDatabase(String name) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            ResultSet rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                c.createStatement().execute("create database " + name);
            }
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public DataSource dataSource(String database) {
        return pg.getDatabase(USER, database);
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}
