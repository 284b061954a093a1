package fr.portailfamille.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.tenancy.Branding;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * Where a commune's Keycloak client may send a browser back: the portal's exact return paths on each of its
 * addresses, never a wildcard (which would let a crafted link land a login's code on any page of the portal), and
 * after a logout the commune's website only.
 */
class ClientUrlsTest {

    static final Commune ALPHA = new Commune(1, "alpha", "Alpha", CommuneStatus.ACTIVE, "commune_alpha", "pf-alpha",
            "https://www.alpha.fr", new Branding("#123456", "#654321", null), "portail-famille", "secret",
            List.of("familles.alpha.fr"), "47");

    @Test
    void eachAddressGetsTheReturnPathsExactly() {
        ClientRepresentation client = new ClientRepresentation();
        client.setRedirectUris(List.of("https://old.example/*"));
        client.setAttributes(Map.of("post.logout.redirect.uris", "https://old.example/*", "pkce.code.challenge.method", "S256"));
        KeycloakRealmProvisioner.applyUrls(client, ALPHA,
                List.of("https://alpha.portail-famille.fr", "https://familles.alpha.fr"));
        assertEquals(List.of(
                "https://alpha.portail-famille.fr/oidc/callback",
                "https://alpha.portail-famille.fr/espace/foyer.xhtml",
                "https://alpha.portail-famille.fr/agent/index.xhtml",
                "https://familles.alpha.fr/oidc/callback",
                "https://familles.alpha.fr/espace/foyer.xhtml",
                "https://familles.alpha.fr/agent/index.xhtml"), client.getRedirectUris());
        assertTrue(client.getRedirectUris().stream().noneMatch(u -> u.contains("*")));
        assertEquals("https://www.alpha.fr", client.getAttributes().get("post.logout.redirect.uris"));
        assertEquals("S256", client.getAttributes().get("pkce.code.challenge.method"), "the client's other attributes kept");
        assertEquals(List.of("https://alpha.portail-famille.fr", "https://familles.alpha.fr"), client.getWebOrigins());
        assertEquals("https://alpha.portail-famille.fr", client.getBaseUrl());
    }

    /** A realm made before the exact paths: its wildcards narrowed at start, each base (port included) kept. */
    @Test
    void aClientOfAnOlderReleaseIsNarrowedToTheSamePaths() {
        ClientRepresentation client = new ClientRepresentation();
        client.setRedirectUris(List.of("http://alpha.localhost:8080/*", "https://familles.alpha.fr/*"));
        client.setAttributes(Map.of("post.logout.redirect.uris", "http://alpha.localhost:8080/*##https://familles.alpha.fr/*"
                + "##https://www.alpha.fr", "pkce.code.challenge.method", "S256"));
        assertTrue(KeycloakRealmProvisioner.narrowUrls(client));
        assertEquals(List.of(
                "http://alpha.localhost:8080/oidc/callback",
                "http://alpha.localhost:8080/espace/foyer.xhtml",
                "http://alpha.localhost:8080/agent/index.xhtml",
                "https://familles.alpha.fr/oidc/callback",
                "https://familles.alpha.fr/espace/foyer.xhtml",
                "https://familles.alpha.fr/agent/index.xhtml"), client.getRedirectUris());
        assertEquals("https://www.alpha.fr", client.getAttributes().get("post.logout.redirect.uris"));
        assertEquals("S256", client.getAttributes().get("pkce.code.challenge.method"));
        // what applyUrls made is left as it is
        ClientRepresentation made = new ClientRepresentation();
        KeycloakRealmProvisioner.applyUrls(made, ALPHA, List.of("https://alpha.portail-famille.fr"));
        List<String> before = List.copyOf(made.getRedirectUris());
        assertFalse(KeycloakRealmProvisioner.narrowUrls(made));
        assertEquals(before, made.getRedirectUris());
    }

    @Test
    void theOperatorsConsoleComesBackToItsLoginCallbackAndItsHomeOnly() {
        var client = OperatorRealm.forConsole("https://admin.portail-famille.fr/").get("clients").get(0);
        assertEquals("[\"https://admin.portail-famille.fr/oidc/callback\"]", client.get("redirectUris").toString());
        assertEquals("https://admin.portail-famille.fr/operateur/communes.xhtml",
                client.get("attributes").get("post.logout.redirect.uris").asText());
    }
}
