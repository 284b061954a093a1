package fr.portailfamille.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The addresses written into pages and mails keep a Host header's name and port only. */
class UrlsTest {

    @Test
    void aHostKeepsItsNameAndPortAndNothingAnAttackerAppends() {
        assertEquals("alpha.portail.fr", Urls.host("alpha.portail.fr"));
        assertEquals("alpha.localhost:8080", Urls.host("alpha.localhost:8080"));
        assertEquals("familles.montfaucou.fr", Urls.host(" familles.montfaucou.fr "));
        assertEquals("[::1]:8080", Urls.host("[::1]:8080"));
        // a user name before « @ »: a browser would go to evil.example with the commune's mail
        assertEquals("alpha.portail.fr", Urls.host("alpha.portail.fr:1@evil.example"));
        assertEquals("alpha.portail.fr", Urls.host("alpha.portail.fr@evil.example"));
        assertEquals("alpha.portail.fr", Urls.host("alpha.portail.fr/evil.example"));
        assertEquals("alpha.portail.fr", Urls.host("alpha.portail.fr:123456"));
        assertEquals("", Urls.host("@evil.example"));
        assertEquals("", Urls.host(null));
    }
}
