package fr.portailfamille.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The platform reaches a production relay over STARTTLS (required, never in clear) with its account. */
class MailerSettingsTest {

    @Test
    void aProductionRelayOverRequiredStarttlsWithAnAccount() {
        Properties p = Mailer.properties("smtp.example.org", 587, true, true);
        assertEquals("smtp.example.org", p.getProperty("mail.smtp.host"));
        assertEquals("587", p.getProperty("mail.smtp.port"));
        assertEquals("true", p.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", p.getProperty("mail.smtp.starttls.required"), "no fallback to clear text");
        assertEquals("true", p.getProperty("mail.smtp.auth"));
        // a relay out of reach is found at once; one slow to acknowledge a mail it took is waited for, not sent it again
        assertEquals("5000", p.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("60000", p.getProperty("mail.smtp.timeout"));
    }

    @Test
    void theLocalRelayAsItIs() {
        Properties p = Mailer.properties("127.0.0.1", 3025, false, false);
        assertNull(p.getProperty("mail.smtp.starttls.enable"));
        assertEquals("false", p.getProperty("mail.smtp.auth"));
    }
}
