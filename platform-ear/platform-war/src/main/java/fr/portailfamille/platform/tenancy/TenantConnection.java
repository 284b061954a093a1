package fr.portailfamille.platform.tenancy;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The JDBC connection of the running transaction, bound to the commune of the request: code that talks
 * JDBC (seat counter, invoicing run, numbering) takes it here, never with a bare
 * {@code em.unwrap(Connection.class)}. EclipseLink sets the search path when it acquires a connection
 * for a query ({@link TenantSchemaSessionListener}); a connection unwrapped before any query of the
 * transaction may still carry another commune's search path, so it is set here again.
 */
public final class TenantConnection {

    private TenantConnection() {
    }

    /**
     * The transaction's connection with its search path on the bound commune's schema.
     *
     * @throws IllegalStateException when no commune is bound
     */
    public static Connection of(EntityManager em) {
        String schema = TenantContext.require().schemaName();
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("Nom de schéma invalide : " + schema);
        }
        Connection connection = em.unwrap(Connection.class);
        try (Statement st = connection.createStatement()) {
            st.execute("set search_path to " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Impossible de lier la connexion au schéma " + schema, e);
        }
        return connection;
    }
}
