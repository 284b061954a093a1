package fr.portailfamille.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The operator host and the paths it serves: the console and its API there only, nothing of a commune. */
class OperatorHostTest {

    static OperatorHost host(String configured, String baseDomain) {
        OperatorHost h = new OperatorHost();
        h.configured = Optional.ofNullable(configured);
        h.baseDomain = baseDomain;
        return h;
    }

    @Test
    void defaultsToAdminUnderTheBaseDomainAndNormalizes() {
        assertEquals("admin.portail-famille.fr", host(null, "portail-famille.fr").host());
        assertEquals("admin.localhost", host(" ", "localhost").host());
        assertEquals("console.exemple.fr", host("Console.Exemple.FR:443", "localhost").host());
    }

    @Test
    void consolePathsAreTheOperatorHostsOnly() {
        assertTrue(OperatorHost.isOperatorPath("/operateur/communes.xhtml"));
        assertTrue(OperatorHost.isOperatorPath("/api/operateur/v1/communes"));
        assertFalse(OperatorHost.isOperatorPath("/operateurs.xhtml"));
        assertFalse(OperatorHost.isOperatorPath("/api/commune"));
        assertTrue(OperatorHost.servedOnOperatorHost("/jakarta.faces.resource/theme.css.xhtml"));
        assertTrue(OperatorHost.servedOnOperatorHost("/oidc/callback"));
        assertFalse(OperatorHost.servedOnOperatorHost("/espace/accueil.xhtml"));
        assertFalse(OperatorHost.servedOnOperatorHost("/agent/index.xhtml"));
        assertFalse(OperatorHost.servedOnOperatorHost("/api/moi"));
        assertFalse(OperatorHost.servedOnOperatorHost("/logo"));
    }
}
