package fr.portailfamille.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decision that keeps /health/* and /metrics off the public hosts. */
class OpsEndpointFilterTest {

    @Test
    void healthAndMetricsPathsAreRecognisedAsTheContainerMatchedThem() {
        assertTrue(OpsEndpointFilter.isOpsPath("/health", null));
        assertTrue(OpsEndpointFilter.isOpsPath("/health", "/ready"));
        assertTrue(OpsEndpointFilter.isOpsPath("/health", "/live"));
        assertTrue(OpsEndpointFilter.isOpsPath("/health/started", null));
        assertTrue(OpsEndpointFilter.isOpsPath("/metrics", null));
        assertTrue(OpsEndpointFilter.isOpsPath("/metrics", "/application"));
        assertTrue(OpsEndpointFilter.isOpsPath("", "/metrics"));
        assertFalse(OpsEndpointFilter.isOpsPath("/healthy.xhtml", null));
        assertFalse(OpsEndpointFilter.isOpsPath("/espace/health", null));
        assertFalse(OpsEndpointFilter.isOpsPath("/metricsx", null));
        assertFalse(OpsEndpointFilter.isOpsPath("/index.xhtml", null));
        assertFalse(OpsEndpointFilter.isOpsPath(null, null));
    }

    @Test
    void aRequestStraightToThePodIsInternal() {
        // the kubelet's probes and Prometheus: Host is the pod's IP and port
        assertTrue(OpsEndpointFilter.internal("10.42.0.17:8080", false));
        assertTrue(OpsEndpointFilter.internal("10.42.0.17", false));
        assertTrue(OpsEndpointFilter.internal("127.0.0.1:31280", false));
        assertTrue(OpsEndpointFilter.internal("localhost:8080", false));
        assertTrue(OpsEndpointFilter.internal("LOCALHOST", false));
        assertTrue(OpsEndpointFilter.internal("[fd00::1]:8080", false));
        assertTrue(OpsEndpointFilter.internal("[::1]", false));
    }

    @Test
    void aCommuneOrPlatformHostOrAProxiedRequestIsRefused() {
        assertFalse(OpsEndpointFilter.internal("alpha.portail-famille.fr", false));
        assertFalse(OpsEndpointFilter.internal("alpha.localhost:31280", false), "a commune in development");
        assertFalse(OpsEndpointFilter.internal("familles.paysdemontfaucou.fr", false));
        assertFalse(OpsEndpointFilter.internal("admin.portail-famille.fr", false), "the operator's host");
        assertFalse(OpsEndpointFilter.internal("pf-portail-famille.portail.svc", false));
        // through the ingress controller, even with an address as Host
        assertFalse(OpsEndpointFilter.internal("10.42.0.17:8080", true));
        assertFalse(OpsEndpointFilter.internal("127.0.0.1", true));
        // malformed or missing
        assertFalse(OpsEndpointFilter.internal(null, false));
        assertFalse(OpsEndpointFilter.internal("", false));
        assertFalse(OpsEndpointFilter.internal("127.0.0.1:abc", false));
        assertFalse(OpsEndpointFilter.internal("127.0.0.1.evil.fr", false));
        assertFalse(OpsEndpointFilter.internal("localhost.evil.fr", false));
        assertFalse(OpsEndpointFilter.internal("[::1", false));
        assertFalse(OpsEndpointFilter.internal("[::1]x", false));
    }

    @Test
    void proxyHeadersCoverWhatIngressControllersAdd() {
        assertTrue(OpsEndpointFilter.PROXY_HEADERS.containsAll(java.util.List.of("Forwarded", "X-Forwarded-For",
                "X-Real-IP", "X-Forwarded-Host")));
    }

    @Test
    void keycloakIsCheckedAtTheMasterRealmUnlessAnotherUrlIsConfigured() {
        assertEquals("https://auth.example.org/realms/master/.well-known/openid-configuration",
                KeycloakReadiness.target("https://auth.example.org/", Optional.empty()));
        assertEquals("http://127.0.0.1:31081/realms/master/.well-known/openid-configuration",
                KeycloakReadiness.target("http://127.0.0.1:31081", Optional.of(" ")));
        assertEquals("http://pf-keycloak-service:9000/health/ready",
                KeycloakReadiness.target("https://auth.example.org", Optional.of("http://pf-keycloak-service:9000/health/ready")));
    }
}
