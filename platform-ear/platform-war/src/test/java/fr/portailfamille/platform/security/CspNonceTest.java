package fr.portailfamille.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** PrimeFaces' CSP mode adds its nonce to the platform's policy instead of replacing it. */
class CspNonceTest {

    static final String POLICY = HardeningFilter.contentSecurityPolicy("http://localhost:8180");

    @Test
    void primeFacesNonceGoesOntoThePlatformPolicy() {
        assertEquals(POLICY + " 'nonce-YWJjZA=='",
                HardeningFilter.withNonceOf(POLICY, "script-src 'self' 'nonce-YWJjZA==';"));
    }

    @Test
    void theSamePolicyOrAnotherOneStandsAsItIs() {
        assertEquals(POLICY, HardeningFilter.withNonceOf(POLICY, POLICY));
        assertEquals(POLICY + " 'nonce-x'", HardeningFilter.withNonceOf(POLICY, POLICY + " 'nonce-x'"));
        assertEquals("default-src 'none'", HardeningFilter.withNonceOf(POLICY, "default-src 'none'"));
    }
}
