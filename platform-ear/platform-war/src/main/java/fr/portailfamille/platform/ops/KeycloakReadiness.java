package fr.portailfamille.platform.ops;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Part of {@code /health/ready}: Keycloak answers 200 within {@value #TIMEOUT_MILLIS} ms at
 * {@code pf.health.keycloak-url}, by default the master realm's OpenID configuration under
 * {@code pf.keycloak.url} (Keycloak's own {@code /health/ready}, on its management port, can be named there
 * instead).
 */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

    static final int TIMEOUT_MILLIS = 2_000;

    @Inject
    @ConfigProperty(name = "pf.keycloak.url")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "pf.health.keycloak-url")
    Optional<String> healthUrl;

    private URI target;
    private HttpClient http;

    @PostConstruct
    void init() {
        target = URI.create(target(keycloakUrl, healthUrl));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(TIMEOUT_MILLIS))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The URL checked: {@code pf.health.keycloak-url} when set, else the master realm's discovery document. */
    static String target(String keycloakUrl, Optional<String> healthUrl) {
        return healthUrl.filter(u -> !u.isBlank())
                .orElseGet(() -> keycloakUrl.replaceAll("/+$", "") + "/realms/master/.well-known/openid-configuration");
    }

    @Override
    public HealthCheckResponse call() {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofMillis(TIMEOUT_MILLIS))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200
                    ? HealthCheckResponse.named("keycloak").up().build()
                    : down("HTTP " + r.statusCode());
        } catch (IOException e) {
            return down(Outage.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrompu");
        }
    }

    private static HealthCheckResponse down(String why) {
        return HealthCheckResponse.named("keycloak").down().withData("error", why).build();
    }
}
