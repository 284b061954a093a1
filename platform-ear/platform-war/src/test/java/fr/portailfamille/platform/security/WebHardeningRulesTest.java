package fr.portailfamille.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure rules behind the cookie attributes, the public scheme and the security headers. */
class WebHardeningRulesTest {

    @Test
    void sessionCookieGetsSameSiteHttpOnlyAndSecureOnlyBehindHttps() {
        String payara = "JSESSIONID=abc123; Path=/";
        assertEquals("JSESSIONID=abc123; Path=/; SameSite=Lax; HttpOnly", SessionCookies.harden(payara, false));
        assertEquals("JSESSIONID=abc123; Path=/; SameSite=Lax; HttpOnly; Secure", SessionCookies.harden(payara, true));
        String done = "JSESSIONID=abc123; Path=/; HttpOnly; SameSite=Strict; Secure";
        assertEquals(done, SessionCookies.harden(done, true), "attributes already there are kept, not doubled");
        assertEquals("lang=fr; Path=/; SameSite=Lax", SessionCookies.harden("lang=fr; Path=/", false));
    }

    @Test
    void publicSchemeFromSettingThenTrustedProxyOnly() {
        assertEquals("https", PublicScheme.resolve(Optional.of("https"), Set.of(), "10.0.0.1", null, "http"));
        assertEquals("https", PublicScheme.resolve(Optional.of(" HTTPS "), Set.of(), "10.0.0.1", "http", "http"));
        assertEquals("https", PublicScheme.resolve(Optional.empty(), Set.of("10.0.0.1"), "10.0.0.1", "https", "http"));
        assertEquals("https", PublicScheme.resolve(Optional.empty(), Set.of("10.0.0.1"), "10.0.0.1", "https, http", "http"));
        // anyone else may not choose the scheme of our redirect URIs
        assertEquals("http", PublicScheme.resolve(Optional.empty(), Set.of("10.0.0.1"), "10.6.6.6", "https", "http"));
        assertEquals("http", PublicScheme.resolve(Optional.empty(), Set.of(), "10.0.0.1", "https", "http"));
        assertEquals("http", PublicScheme.resolve(Optional.empty(), Set.of("10.0.0.1"), "10.0.0.1", "javascript", "http"));
        assertEquals("http", PublicScheme.resolve(Optional.of("ftp"), Set.of(), "10.0.0.1", null, "http"));
    }

    @Test
    void portOfTheRedirectUrisOnlyFromAPlainHostAndPort() {
        assertEquals(":8080", PublicScheme.portSuffix("admin.localhost:8080"));
        assertEquals("", PublicScheme.portSuffix("admin.example.org"));
        assertEquals("", PublicScheme.portSuffix((String) null));
        // an operator's forged Host would otherwise write https://slug.example.org:1@evil.example/* into a realm
        assertEquals("", PublicScheme.portSuffix("admin.example.org:1@evil.example"));
        assertEquals("", PublicScheme.portSuffix("admin.example.org:1/x"));
        assertEquals("", PublicScheme.portSuffix("admin.example.org:123456"));
        assertEquals("", PublicScheme.portSuffix("[::1]:8080"));
    }

    @Test
    void contentSecurityPolicyAllowsOnlyThePlatformsScriptsAndTheLogoutRedirect() {
        String csp = HardeningFilter.contentSecurityPolicy("https://auth.example.org/");
        // last, so that PrimeFaces' CSP mode appends the page's nonce to it
        assertTrue(csp.endsWith("; script-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
        assertFalse(csp.matches(".*script-src[^;]*unsafe-inline.*"), csp);
        assertTrue(csp.contains("form-action 'self' https://auth.example.org;"), csp);
        assertTrue(csp.contains("frame-ancestors 'self'") && csp.contains("object-src 'none'"), csp);
        assertTrue(HardeningFilter.contentSecurityPolicy(null).contains("form-action 'self';"));
        assertTrue(HardeningFilter.isStaticResource("/jakarta.faces.resource/css/portail.css.xhtml"));
        assertFalse(HardeningFilter.isStaticResource("/espace/foyer.xhtml"));
        assertEquals(Set.of("GET", "HEAD", "POST"), HardeningFilter.PAGE_METHODS);
    }

    @Test
    void aCommunesPageAlsoLetsTheLogoutEndOnTheCommunesWebsite() {
        String csp = HardeningFilter.contentSecurityPolicy("https://auth.example.org/", "https://pay.example.org/tpa/p.web");
        String commune = CspPolicy.withFormTarget(csp, "https://www.mairie-x.fr/accueil?x=1");
        assertTrue(commune.contains("form-action 'self' https://auth.example.org https://pay.example.org"
                + " https://www.mairie-x.fr; script-src 'self'"), commune);
        assertEquals(commune, CspPolicy.withFormTarget(commune, "https://www.mairie-x.fr/"), "once");
        assertEquals(csp, CspPolicy.withFormTarget(csp, "https://auth.example.org/realms/x"), "already there");
        assertEquals(csp, CspPolicy.withFormTarget(csp, "javascript:alert(1)"));
        assertEquals(csp, CspPolicy.withFormTarget(csp, "pas une adresse"));
        assertEquals(csp, CspPolicy.withFormTarget(csp, null));
    }

    @Test
    void aTapSentOnceTheSessionEndedIsSentToTheSignInByFacesOwnRedirect() {
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect"
                        + " url=\"https://auth.example.org/realms/pf-x/auth?client_id=a&amp;state=b\"></redirect></partial-response>",
                OidcAuthenticationMechanism.partialRedirect("https://auth.example.org/realms/pf-x/auth?client_id=a&state=b"));
    }

    @Test
    void formsMayAlsoBeRedirectedToTheOnlinePaymentPageOriginOnly() {
        String csp = HardeningFilter.contentSecurityPolicy("https://auth.example.org/",
                "https://www.payfip.gouv.fr/tpa/paiementws.web");
        assertTrue(csp.contains("form-action 'self' https://auth.example.org https://www.payfip.gouv.fr;"), csp);
        assertTrue(HardeningFilter.contentSecurityPolicy(null, "http://127.0.0.1:8990/tpa/paiementws.web")
                .contains("form-action 'self' http://127.0.0.1:8990;"));
        // the default of pf.payfip.payment-page is the adapter's (the local simulator)
        assertEquals(fr.portailfamille.platform.payment.payfip.PayfipAdapter.LOCAL_PAYMENT_PAGE, CspPolicy.LOCAL_PAYMENT_PAGE);
    }
}
