package fr.portailfamille.platform.security;

import java.net.URI;
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

    /**
     * {@code policy} with {@code url}'s origin also allowed as a form target: the commune's own website, where "Se
     * déconnecter" ends (the logout posts to the platform, which redirects to Keycloak, which redirects there; Chromium
     * applies {@code form-action} to each of those redirects). {@code policy} as it is when {@code url} is not an
     * http(s) address or its origin is there already.
     */
    static String withFormTarget(String policy, String url) {
        URI u;
        try {
            u = url == null || url.isBlank() ? null : URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            u = null;
        }
        if (u == null || u.getRawAuthority() == null
                || !("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
            return policy;
        }
        String origin = u.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + u.getRawAuthority();
        int at = policy.indexOf("form-action ");
        int end = at < 0 ? -1 : policy.indexOf(';', at);
        if (end < 0 || java.util.Arrays.asList(policy.substring(at, end).split(" ")).contains(origin)) {
            return policy;
        }
        return policy.substring(0, end) + " " + origin + policy.substring(end);
    }

    public static String configured() {
        var config = ConfigProvider.getConfig();
        String keycloak = config.getOptionalValue("pf.keycloak.url", String.class).orElse(null);
        String paymentPage = config.getOptionalValue("pf.payfip.payment-page", String.class).orElse(LOCAL_PAYMENT_PAGE);
        return HardeningFilter.contentSecurityPolicy(keycloak, paymentPage);
    }
}
