package fr.portailfamille.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The platform's policy for PrimeFaces' CSP mode ({@code primefaces.CSP_POLICY} in web.xml reads
 * {@code #{contentSecurityPolicy.policy}}): PrimeFaces appends the page's nonce to its last directive,
 * {@code script-src 'self'}, and sends it; {@link HardeningFilter} keeps that one policy per response.
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

    private volatile String policy;

    public String getPolicy() {
        if (policy == null) {
            policy = CspPolicy.configured();
        }
        return policy;
    }
}
