package fr.portailfamille.platform.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Binds every connection EclipseLink acquires to the current commune's schema with
 * {@code SET search_path}. Without a commune, the search path points to a schema that does not exist,
 * so a query run outside any commune fails instead of reading someone's data.
 * Registered in persistence.xml ({@code eclipselink.session-event-listener}).
 */
public class TenantSchemaSessionListener extends SessionEventAdapter {

    /** Schema that is never created: tables are not found when no commune is bound. */
    public static final String NO_TENANT_SCHEMA = "pf_aucune_commune";

    /*
     * Only the plain events: EclipseLink 4.0's exclusive client session (exclusive-connection mode Always) fires
     * postAcquireConnection and then postAcquireExclusiveConnection for the same connection (and the two release
     * events likewise); answering both set the search path twice per take and twice per return.
     */
    @Override
    public void postAcquireConnection(SessionEvent event) {
        bindSchema(event);
    }

    @Override
    public void preReleaseConnection(SessionEvent event) {
        setSearchPath(event, NO_TENANT_SCHEMA);
    }

    private static void bindSchema(SessionEvent event) {
        String schema = TenantContext.current().map(c -> c.schemaName()).orElse(NO_TENANT_SCHEMA);
        setSearchPath(event, schema);
    }

    private static void setSearchPath(SessionEvent event, String schema) {
        if (!(event.getResult() instanceof Accessor accessor)
                || !(accessor.getDatasourceConnection() instanceof Connection connection)) {
            return;
        }
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("Nom de schéma invalide : " + schema);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("set search_path to " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Impossible de lier la connexion au schéma " + schema, e);
        }
    }
}
