package fr.portailfamille.platform.security;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The platform's Content-Security-Policy as configured (Keycloak's origin from {@code pf.keycloak.url}, the online
 * payment page's from {@code pf.payfip.payment-page}).
 * Its last directive is {@code script-src 'self'}, so that PrimeFaces' CSP mode ({@code primefaces.CSP}, on)
 * appends the page's nonce to the same policy ({@link ContentSecurityPolicy}).
 */
public final class CspPolicy {

    /** {@code pf.payfip.payment-page}'s default, the local simulator's page (as {@code PayfipAdapter}'s). */
    static final String LOCAL_PAYMENT_PAGE = "http://127.0.0.1:8990/tpa/paiementws.web";

    private CspPolicy() {
    }

    public static String configured() {
        var config = ConfigProvider.getConfig();
        String keycloak = config.getOptionalValue("pf.keycloak.url", String.class).orElse(null);
        String paymentPage = config.getOptionalValue("pf.payfip.payment-page", String.class).orElse(LOCAL_PAYMENT_PAGE);
        return HardeningFilter.contentSecurityPolicy(keycloak, paymentPage);
    }
}
