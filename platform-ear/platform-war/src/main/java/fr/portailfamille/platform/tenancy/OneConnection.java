package fr.portailfamille.platform.tenancy;

import jakarta.persistence.EntityManager;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;

/**
 * Makes a read-only transaction run its queries on ONE JDBC connection. Until a transaction writes, EclipseLink
 * takes a connection from the pool for each read and gives it back at once, and {@link TenantSchemaSessionListener}
 * sets the connection's search path at each take and clears it at each return: two statements more per query
 * (Mon planning's opening made five takes, ten {@code SET search_path}). Beginning EclipseLink's transaction early
 * keeps the JTA transaction's connection for every query until the commit: one take, one search path.
 */
public final class OneConnection {

    private OneConnection() {
    }

    /** From now until the JTA transaction ends, {@code em}'s queries use the transaction's connection. */
    public static void hold(EntityManager em) {
        UnitOfWorkImpl uow = em.unwrap(UnitOfWorkImpl.class);
        if (uow != null && !uow.wasTransactionBegunPrematurely()) {
            uow.beginEarlyTransaction();
        }
    }
}
