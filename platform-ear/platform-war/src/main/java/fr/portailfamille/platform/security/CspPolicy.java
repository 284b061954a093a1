package fr.portailfamille.platform.security;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The platform's Content-Security-Policy as configured (Keycloak's origin from {@code pf.keycloak.url}).
 * Its last directive is {@code script-src 'self'}, so that PrimeFaces' CSP mode ({@code primefaces.CSP}, on)
 * appends the page's nonce to the same policy ({@link ContentSecurityPolicy}).
 */
public final class CspPolicy {

    private CspPolicy() {
    }

    public static String configured() {
        String keycloak = ConfigProvider.getConfig().getOptionalValue("pf.keycloak.url", String.class).orElse(null);
        return HardeningFilter.contentSecurityPolicy(keycloak);
    }
}
