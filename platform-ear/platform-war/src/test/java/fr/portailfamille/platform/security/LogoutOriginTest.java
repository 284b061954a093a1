package fr.portailfamille.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Logout is honoured only when the form comes from the portal itself (CSRF). */
class LogoutOriginTest {

    static final String PORTAL = "https://alpha.portail.example";

    @Test
    void sameOriginFormIsAccepted() {
        assertTrue(LogoutServlet.sameOrigin(PORTAL, PORTAL, null, "same-origin"));
        assertTrue(LogoutServlet.sameOrigin(PORTAL, PORTAL, null, null));
        assertTrue(LogoutServlet.sameOrigin(PORTAL, null, PORTAL + "/espace/accueil.xhtml", null));
    }

    @Test
    void crossSiteOrAnonymousPostsAreRefused() {
        assertFalse(LogoutServlet.sameOrigin(PORTAL, "https://evil.example", null, null));
        assertFalse(LogoutServlet.sameOrigin(PORTAL, "https://beta.portail.example", null, "same-site"));
        assertFalse(LogoutServlet.sameOrigin(PORTAL, PORTAL, null, "cross-site"));
        assertFalse(LogoutServlet.sameOrigin(PORTAL, "null", null, null));
        assertFalse(LogoutServlet.sameOrigin(PORTAL, null, null, null));
        assertFalse(LogoutServlet.sameOrigin(PORTAL, null, "https://alpha.portail.example.evil.example/", null));
        assertFalse(LogoutServlet.sameOrigin(PORTAL, null, "http://alpha.portail.example/", null));
    }
}
