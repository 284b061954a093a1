package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Mails;
import fr.portailfamille.platform.mail.MailRequested;
import fr.portailfamille.platform.mail.Mailer;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mail the SMTP server does not take is not lost: kept in {@code platform.mail_retry}, sent again when its time
 * comes by whichever replica's job takes it first, once (real GreenMail; a refused message for the failure).
 */
@ExtendWith(ArquillianExtension.class)
class MailRetryIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    Mailer mailer;

    @Resource(lookup = "java:app/jdbc/portail")
    DataSource db;

    @Test
    void aRefusedMailIsKeptThenSentOnceWhenItsTimeComes() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // a mail the transport refuses (its address cannot be read): kept, due in five minutes, not sent again at once
        mailer.send(new MailRequested("Commune Alpha", "pas une adresse@@", "Relance " + tag, "Bonjour"));
        long refused = id("Relance " + tag);
        mailer.retryDue();
        assertEquals(1, attempts(refused), "not due yet: not tried again");

        // one kept while the server was down, whose time has come: sent once, marked sent
        String family = "retry-" + tag + "@alpha.test";
        execute("insert into platform.mail_retry (commune_name, recipient, subject, body, next_attempt)"
                + " values ('Commune Alpha', '" + family + "', '[Commune Alpha] Porte-monnaie " + tag + "',"
                + " 'Bonjour, votre porte-monnaie est presque vide.', now() - interval '1 minute')");
        long due = id("[Commune Alpha] Porte-monnaie " + tag);
        assertTrue(mailer.retryDue() >= 1);
        assertTrue(Mails.contains(family, "presque vide"), "delivered by GreenMail");
        assertNotNull(sentAt(due));
        int before = Mails.of(family).split("\"subject\"").length;
        mailer.retryDue();
        assertEquals(before, Mails.of(family).split("\"subject\"").length, "never sent twice");

        // the refused one, made due: tried again, refused again, waits longer
        execute("update platform.mail_retry set next_attempt = now() - interval '1 second' where id = " + refused);
        mailer.retryDue();
        assertEquals(2, attempts(refused));
        assertNull(sentAt(refused));
    }

    long id(String subject) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from platform.mail_retry where subject = ?")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "kept: " + subject);
                return rs.getLong(1);
            }
        }
    }

    int attempts(long id) throws Exception {
        return ((Number) value("select attempts from platform.mail_retry where id = " + id)).intValue();
    }

    Object sentAt(long id) throws Exception {
        return value("select sent_at from platform.mail_retry where id = " + id);
    }

    Object value(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1);
        }
    }

    void execute(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}
