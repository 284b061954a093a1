package fr.portailfamille.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A realm reaches a production relay over STARTTLS with its account; the local one as it is. */
class SmtpSettingsTest {

    @Test
    void aProductionRelayIsReachedOverStarttlsWithItsAccount() {
        Map<String, String> server = new LinkedHashMap<>();
        KeycloakRealmProvisioner.smtpSecurity(server, new SmtpSettings("smtp.example.org", 587, "ne-pas-repondre@example.org",
                true, "portail", "secret"));
        assertEquals(Map.of("ssl", "false", "starttls", "true", "auth", "true", "user", "portail", "password", "secret"), server);
    }

    @Test
    void theLocalRelayNeedsNeither() {
        Map<String, String> server = new LinkedHashMap<>();
        KeycloakRealmProvisioner.smtpSecurity(server, new SmtpSettings("127.0.0.1", 3025, "ne-pas-repondre@portail-famille.test"));
        assertEquals(Map.of("ssl", "false", "starttls", "false", "auth", "false"), server);
        assertFalse(new SmtpSettings("h", 25, "f", true, " ", null).authenticated(), "a blank account is none");
    }
}
