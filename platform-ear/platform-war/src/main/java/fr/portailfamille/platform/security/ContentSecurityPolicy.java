package fr.portailfamille.platform.security;

import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The platform's policy for PrimeFaces' CSP mode ({@code primefaces.CSP_POLICY} in web.xml reads
 * {@code #{contentSecurityPolicy.policy}}): PrimeFaces appends the page's nonce to its last directive,
 * {@code script-src 'self'}, and sends it; {@link HardeningFilter} keeps that one policy per response. A commune's
 * page also allows its website as a form target, where the logout ends ({@link CspPolicy#withFormTarget}).
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

    private volatile String policy;

    /** The policy of this request's page: the configured one, and the commune's website as a form target (logout). */
    public String getPolicy() {
        if (policy == null) {
            policy = CspPolicy.configured();
        }
        String configured = policy;
        return TenantContext.current().map(c -> CspPolicy.withFormTarget(configured, c.websiteUrl())).orElse(configured);
    }
}
