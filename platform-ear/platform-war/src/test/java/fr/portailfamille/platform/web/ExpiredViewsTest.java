package fr.portailfamille.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import fr.portailfamille.platform.security.ExpiredPages;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a page whose state expired is opened again ({@link ExpiredViews}), and which failures are expired views. */
class ExpiredViewsTest {

    static final String SITE = "https://hermitage.portail-famille.fr";

    @Test
    void thePageTheBrowserWasOnWhenItIsThisSites() {
        assertEquals(Optional.of("/espace/planning.xhtml?enfant=3&mois=2027-01"),
                ExpiredPages.sameSitePage(SITE + "/espace/planning.xhtml?enfant=3&mois=2027-01", SITE, ""));
        assertEquals(Optional.of("/espace/foyer.xhtml"), ExpiredPages.sameSitePage(SITE + "/espace/foyer.xhtml", SITE, ""));
        // another site, another scheme or port, a page outside the application, nonsense: the view's own address
        assertEquals(Optional.empty(), ExpiredPages.sameSitePage("https://evil.example/espace/foyer.xhtml", SITE, ""));
        assertEquals(Optional.empty(), ExpiredPages.sameSitePage("http://hermitage.portail-famille.fr/espace/foyer.xhtml",
                SITE, ""));
        assertEquals(Optional.empty(), ExpiredPages.sameSitePage(SITE + ":8443/espace/foyer.xhtml", SITE, ""));
        assertEquals(Optional.empty(), ExpiredPages.sameSitePage(SITE + "@evil.example/x", SITE, ""));
        assertEquals(Optional.empty(), ExpiredPages.sameSitePage(SITE + "/autre/page", SITE, "/portail"));
        assertEquals(Optional.empty(), ExpiredPages.sameSitePage("//evil.example/x", SITE, ""));
        assertEquals(Optional.empty(), ExpiredPages.sameSitePage("not a url %%", SITE, ""));
        assertEquals(Optional.empty(), ExpiredPages.sameSitePage(null, SITE, ""));
    }

    @Test
    void theNoticeParameterIsAddedOnce() {
        assertEquals("/espace/foyer.xhtml?expiree=1", ExpiredPages.notice("/espace/foyer.xhtml"));
        assertEquals("/espace/planning.xhtml?enfant=3&expiree=1", ExpiredPages.notice("/espace/planning.xhtml?enfant=3"));
        assertEquals("/espace/planning.xhtml?enfant=3&expiree=1",
                ExpiredPages.notice("/espace/planning.xhtml?enfant=3&expiree=1"));
        assertEquals("/espace/foyer.xhtml?expiree=1", ExpiredPages.notice("/espace/foyer.xhtml#enfants"));
    }

    @Test
    void anExpiredViewIsFoundInWhatFacesWrapsItInOnly() {
        ViewExpiredException expired = new ViewExpiredException("gone", "/espace/foyer.xhtml");
        assertTrue(ExpiredViews.expired(expired).isPresent());
        assertTrue(ExpiredViews.expired(new FacesException(expired)).isPresent());
        assertEquals(Optional.empty(), ExpiredViews.expired(new IllegalStateException(expired)));
        assertEquals(Optional.empty(), ExpiredViews.expired(new FacesException("other")));
    }
}
