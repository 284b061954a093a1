package fr.portailfamille.platform.operator;

import fr.portailfamille.platform.kernel.Refused;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One operator's work on a commune's slug at a time, whichever replica runs it: an onboarding, a resumed one, an
 * archive's import, a deletion each hold a PostgreSQL advisory lock of the slug on a connection of their own until they
 * end; another that finds it held is refused at once ("en cours") instead of provisioning the same schema and realm
 * beside it, or deleting them under it.
 */
final class SlugLock implements AutoCloseable {

    private final Connection connection;
    private final String key;

    private SlugLock(Connection connection, String key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * Takes the slug's lock.
     *
     * @throws Refused when another job holds it
     */
    static SlugLock take(DataSource dataSource, String slug) {
        String key = "commune:" + slug;
        boolean taken = false;
        Connection c = null;
        try {
            c = dataSource.getConnection();
            try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    taken = rs.next() && rs.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Verrou de la commune « " + slug + " » impossible", e);
        } finally {
            if (!taken && c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the lock was not taken: nothing to give back
                }
            }
        }
        if (!taken) {
            throw new Refused("slug", Refused.text("operator.slug.busy", slug));
        }
        return new SlugLock(c, key);
    }

    @Override
    public void close() {
        try (connection; PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
            ps.setString(1, key);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Verrou de la commune non rendu", e);
        }
    }
}
