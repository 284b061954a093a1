package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.platform.mail.MailRequested;
import fr.portailfamille.platform.mail.Mailer;
import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
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

    @Inject
    Event<MailRequested> mails;

    @Resource
    UserTransaction tx;

    @Inject
    BillingKit kit;

    /**
     * The mails a transaction asks for go after its commit, from the mailer's own sender (one connection for them
     * all: the action that asked returns at once), each once; one the server refuses is kept with its commune.
     */
    @Test
    void theMailsOfATransactionGoAfterItsCommitEachOnceAndARefusedOneIsKeptWithItsCommune() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String family = "lot-" + tag + "@alpha.test";
        kit.in(kit.alpha(), () -> {
            tx.begin();
            for (int i = 0; i < 30; i++) {
                mails.fire(new MailRequested("Commune Alpha", family, "Lot " + tag + " num " + i, "Bonjour " + i));
            }
            mails.fire(new MailRequested("Commune Alpha", "pas une adresse@@", "Refusé " + tag, "Bonjour"));
            tx.commit();
            return null;
        });
        String got = Mails.await(family, m -> m.split("\"subject\"", -1).length - 1 >= 30);
        for (int i = 0; i < 30; i++) {
            assertEquals(2, got.split("Lot " + tag + " num " + i + "\"", -1).length, "mail " + i + " once: " + got);
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (((Number) value("select count(*) from platform.mail_retry where subject = 'Refusé " + tag + "'")).longValue() == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(kit.alpha().id(), ((Number) value("select commune_id from platform.mail_retry where subject = 'Refusé "
                + tag + "'")).longValue(), "kept, with its commune");
        long refused = id("Refusé " + tag);
        while (attempts(refused) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(1, attempts(refused), "tried once by the sender, then left to the retry job");
        assertNull(sentAt(refused));
        assertTrue(value("select last_error from platform.mail_retry where id = " + refused) != null);
        // the thirty that went leave no row behind
        while (count("Lot " + tag + "%") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0L, count("Lot " + tag + "%"), "sent mails are deleted from the outbox");
    }

    /**
     * The outbox: a mail is written in the transaction that asks for it — nothing of a rolled-back one, neither row
     * nor mail — and, left to the sender of a server that died before sending it, sent by the retry job once the
     * sender's lease is over, not before.
     */
    @Test
    void aMailIsWrittenWithItsTransactionAndOneAKilledServerDidNotSendGoesAfterItsLease() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String family = "outbox-" + tag + "@alpha.test";
        kit.in(kit.alpha(), () -> {
            tx.begin();
            mails.fire(new MailRequested("Commune Alpha", family, "Annulé " + tag, "Jamais"));
            assertEquals(1L, count("Annulé " + tag), "written on the transaction's own connection");
            tx.rollback();
            tx.begin();
            mails.fire(new MailRequested("Commune Alpha", family, "Validé " + tag, "Bonjour"));
            Object lease = value("select next_attempt > now() + interval '50 minutes' and attempts = 0"
                    + " from platform.mail_retry where subject = 'Validé " + tag + "'");
            assertEquals(Boolean.TRUE, lease, "leased to this server's sender, not yet tried");
            tx.commit();
            return null;
        });
        assertTrue(Mails.contains(family, "Validé " + tag));
        assertEquals(0L, count("Annulé " + tag), "a rolled-back transaction leaves no mail behind");
        assertTrue(!Mails.of(family).contains("Annulé " + tag), "nor sends it");

        // what the outbox holds of a server killed before its sender took the mail
        execute("insert into platform.mail_retry (commune_name, recipient, subject, body, attempts, next_attempt)"
                + " values ('Commune Alpha', '" + family + "', 'Orphelin " + tag + "', 'Bonjour, votre facture.', 0,"
                + " now() + interval '59 minutes')");
        long orphan = id("Orphelin " + tag);
        mailer.retryDue();
        assertNull(sentAt(orphan), "its sender's lease is not over: not sent by another");
        execute("update platform.mail_retry set next_attempt = now() - interval '1 second' where id = " + orphan);
        assertTrue(mailer.retryDue() >= 1);
        assertTrue(Mails.contains(family, "votre facture"), "sent once the lease is over");
        assertNotNull(sentAt(orphan));
    }

    long count(String subjectLike) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from platform.mail_retry where subject like ?")) {
            ps.setString(1, subjectLike);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

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

        // a mail still in a sender's queue when its lease ran out (a relay slow for an hour): the retry job sent it, the
        // sender's claim finds it sent and leaves it; one not sent yet is claimed again, its lease renewed
        assertFalse(Mailer.claim(db, due, OffsetDateTime.now().plusHours(1)), "sent meanwhile: not sent twice");
        execute("update platform.mail_retry set next_attempt = now() - interval '1 minute' where id = " + refused);
        assertTrue(Mailer.claim(db, refused, OffsetDateTime.now().plusHours(1)));
        mailer.retryDue();
        assertEquals(1, attempts(refused), "claimed: no retry job takes it during its new lease");

        // the refused one, made due: tried again, refused again, waits longer
        execute("update platform.mail_retry set next_attempt = now() - interval '1 second' where id = " + refused);
        mailer.retryDue();
        assertEquals(2, attempts(refused));
        assertNull(sentAt(refused));
    }

    /**
     * A kept mail belongs to its commune: a suspended commune's wait, a deleted commune's are deleted with it; the
     * mails sent a week ago are forgotten (their addresses and texts kept no longer than they serve).
     */
    @Test
    void aSuspendedCommunesMailsWaitADeletedOnesGoWithItAndSentOnesAreForgotten() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long commune = ((Number) value("insert into platform.commune (slug, name, status, schema_name, realm_name,"
                + " website_url, primary_color, accent_color, oidc_client_id) values ('mail-" + tag + "', 'Commune " + tag
                + "', 'SUSPENDED', 'commune_mail_" + tag + "', 'pf-mail-" + tag + "', 'https://example.org', '#000000',"
                + " '#000000', 'portail') returning id")).longValue();
        String family = "suspended-" + tag + "@alpha.test";
        execute("insert into platform.mail_retry (commune_name, recipient, subject, body, next_attempt, commune_id)"
                + " values ('Commune " + tag + "', '" + family + "', 'Relance " + tag + "', 'Bonjour',"
                + " now() - interval '1 minute', " + commune + ")");
        long waiting = id("Relance " + tag);
        mailer.retryDue();
        assertNull(sentAt(waiting), "a suspended commune's mail waits");
        assertEquals(1, attempts(waiting));
        // one kept for more than two days while the commune stayed suspended: given up, never sent stale on resumption
        execute("insert into platform.mail_retry (commune_name, recipient, subject, body, next_attempt, commune_id, created_at)"
                + " values ('Commune " + tag + "', '" + family + "', 'Ancienne " + tag + "', 'Périmé',"
                + " now() - interval '1 minute', " + commune + ", now() - interval '3 days')");
        long stale = id("Ancienne " + tag);
        mailer.retryDue();
        assertNotNull(value("select abandoned_at from platform.mail_retry where id = " + stale), "given up after two days");

        // no longer suspended (PROVISIONING rather than ACTIVE: this commune has no schema for the jobs of active ones)
        execute("update platform.commune set status = 'PROVISIONING' where id = " + commune);
        mailer.retryDue();
        assertNotNull(sentAt(waiting), "sent once the commune is no longer suspended");
        assertTrue(Mails.contains(family, "Bonjour"));
        assertNull(sentAt(stale), "the stale one is not sent");

        // a week after it went, forgotten
        execute("update platform.mail_retry set sent_at = now() - interval '8 days' where id = " + waiting);
        mailer.retryDue();
        assertEquals(0L, ((Number) value("select count(*) from platform.mail_retry where id = " + waiting)).longValue());

        // a deleted commune's kept mails go with it
        execute("insert into platform.mail_retry (commune_name, recipient, subject, body, next_attempt, commune_id)"
                + " values ('Commune " + tag + "', '" + family + "', 'Avis " + tag + "', 'Bonjour',"
                + " now() + interval '1 hour', " + commune + ")");
        execute("delete from platform.commune where id = " + commune);
        assertEquals(0L, ((Number) value("select count(*) from platform.mail_retry where subject = 'Avis " + tag + "'"))
                .longValue());
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
