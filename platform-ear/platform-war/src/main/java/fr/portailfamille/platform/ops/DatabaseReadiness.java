package fr.portailfamille.platform.ops;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Part of {@code /health/ready}: a connection of the pool answers PostgreSQL's validity check within
 * {@value #TIMEOUT_MILLIS} ms. The check runs on a managed thread so that a database that hangs (a connection
 * attempt can wait far longer) never holds the probe; while a previous check is still stuck, the next one
 * answers DOWN at once instead of piling up threads.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final int TIMEOUT_MILLIS = 2_000;

    @Resource(lookup = "java:app/jdbc/portail")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    private Future<Boolean> pending;

    @Override
    public HealthCheckResponse call() {
        Future<Boolean> check;
        synchronized (this) {
            if (pending != null && !pending.isDone()) {
                return down("la vérification précédente n'a pas abouti");
            }
            check = executor.submit(this::valid);
            pending = check;
        }
        try {
            return check.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    ? HealthCheckResponse.named("database").up().build()
                    : down("connexion invalide");
        } catch (TimeoutException e) {
            return down("pas de réponse en " + TIMEOUT_MILLIS + " ms");
        } catch (ExecutionException e) {
            return down(Outage.describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrompu");
        }
    }

    private boolean valid() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(TIMEOUT_MILLIS / 1000);
        }
    }

    private static HealthCheckResponse down(String why) {
        return HealthCheckResponse.named("database").down().withData("error", why).build();
    }
}
