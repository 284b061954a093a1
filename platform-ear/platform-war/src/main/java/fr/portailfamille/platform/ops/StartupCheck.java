package fr.portailfamille.platform.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** {@code /health/started}: UP once the start-up step is over (schemas upgraded, or their upgrade left to the Job). */
@Startup
@ApplicationScoped
public class StartupCheck implements HealthCheck {

    @Inject
    StartupState state;

    @Override
    public HealthCheckResponse call() {
        return state.summary()
                .map(s -> HealthCheckResponse.named("startup").up().withData("migrations", s).build())
                .orElseGet(() -> HealthCheckResponse.named("startup").down().build());
    }
}
