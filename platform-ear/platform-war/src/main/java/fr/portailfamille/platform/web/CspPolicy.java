package fr.portailfamille.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The platform's Content-Security-Policy, for {@link HardeningFilter} and for PrimeFaces' CSP mode
 * ({@code primefaces.CSP_POLICY = #{cspPolicy.value}} in web.xml), which appends the nonce of each
 * page's own scripts to its last directive, {@code script-src 'self'}.
 */
@Named
@ApplicationScoped
public class CspPolicy {

    private final String value = configured();

    public String getValue() {
        return value;
    }

    static String configured() {
        String keycloak = ConfigProvider.getConfig().getOptionalValue("pf.keycloak.url", String.class).orElse(null);
        return HardeningFilter.contentSecurityPolicy(keycloak);
    }
}
