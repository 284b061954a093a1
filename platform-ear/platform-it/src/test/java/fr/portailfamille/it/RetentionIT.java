package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.platform.retention.RetentionPurge;
import fr.portailfamille.tenancy.Commune;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nightly purge of data past its retention, on the real schema: in commune alpha, what passed its duration goes
 * (a document refused 4 months ago, one expired 13 months ago, a reviewed medical certificate's file of 13 months ago, a
 * conversation quiet for 37 months with its messages and files, journal lines of 37 months) and what is within it stays
 * (2, 11, 11 and 35 months; a certificate still awaiting review); commune beta's rows of the same ages are not touched by
 * alpha's purge; the family's journal says what went, without naming it.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    BillingKit kit;

    @Inject
    RetentionPurge purge;

    /** The rows of one commune's fixture: the old ones and the recent ones. */
    record Rows(long family, long refusedOld, long refusedRecent, long expiredOld, long expiredRecent, long threadOld,
                long threadRecent, long auditOld, long auditRecent, long staffOld, Long certificateOld, Long certificateRecent,
                Long certificatePending, Long registrationOld, Long registrationRecent, long broadcastOld, long broadcastKept) {
    }

    @Test
    void whatPassedItsRetentionGoesWhatIsWithinItStaysAndAnotherCommunesRowsAreNotTouched() throws Exception {
        LocalDate today = TestDays.today();
        Rows a = kit.in(kit.alpha(), () -> kit.inTransaction(() -> fixture(today, true)));
        Rows b = kit.in(kit.beta(), () -> kit.inTransaction(() -> fixture(today, false)));
        // change requests (their old and new values: health, an IBAN): refused 4 months ago and accepted 4 years ago go;
        // refused 2 months ago, accepted a year ago and one still waiting stay
        List<Long> requests = kit.in(kit.alpha(), () -> kit.inTransaction(() -> List.of(
                changeRequest(a.family(), "REFUSED", "4 months"), changeRequest(a.family(), "ACCEPTED", "4 years"),
                changeRequest(a.family(), "REFUSED", "2 months"), changeRequest(a.family(), "ACCEPTED", "1 year"),
                changeRequest(a.family(), "PENDING", "4 years"))));
        // a registration refused 4 months ago over its medical certificate: its reason is health data, and goes with its
        // files (it was hidden from agents without agent-sante by them); the other refusal's reason stays
        long healthRefused = kit.in(kit.alpha(), () -> kit.inTransaction(() -> {
            long id = registration(kit.id("select min(id) from child where family_id = ?1", a.family()), "REFUSED", "4 months");
            kit.update("update registration_document set label = 'Certificat médical', health = true where registration_id = ?1",
                    id);
            kit.update("update registration set reason = 'Certificat sans la mention de non contre-indication (asthme)'"
                    + " where id = ?1", id);
            kit.update("update registration set reason = 'Assurance au nom d''un autre enfant' where id = ?1",
                    a.registrationOld());
            return id;
        }));

        RetentionPurge.Purged purged = kit.in(kit.alpha(), () -> purge.purge(today));
        assertTrue(purged.refusedDocuments() >= 1 && purged.expiredDocuments() >= 1 && purged.certificates() >= 1
                && purged.threads() >= 1 && purged.broadcasts() >= 1 && purged.registrationDocuments() >= 1
                && purged.journalEntries() >= 2, purged.french());

        kit.in(kit.alpha(), () -> {
            assertEquals(List.of(a.refusedRecent(), a.expiredRecent()), ids("select id from family_document where family_id = ?1"
                    + " order by id", a.family()));
            assertEquals(List.of(a.threadRecent()), ids("select id from message_thread where family_id = ?1", a.family()));
            assertEquals(0L, kit.id("select count(*) from message m where m.thread_id = ?1", a.threadOld()), "its messages");
            // a message to many families goes with its last conversation (its subject, whom it went to, its file stored
            // once); one whose conversation is still there stays
            assertEquals(0L, kit.id("select count(*) from message_broadcast where id = ?1", a.broadcastOld()));
            assertEquals(0L, kit.id("select count(*) from message_broadcast_file where broadcast_id = ?1", a.broadcastOld()));
            assertEquals(1L, kit.id("select count(*) from message_broadcast where id = ?1", a.broadcastKept()));
            assertEquals(0L, kit.id("select count(*) from audit_log where id = ?1", a.auditOld()));
            assertEquals(1L, kit.id("select count(*) from audit_log where id = ?1", a.auditRecent()));
            assertEquals(0L, kit.id("select count(*) from staff_audit where id = ?1", a.staffOld()));
            // the certificate's file erased, the absence and its decision kept; the others' files kept
            assertNull(kit.one("select certificate from absence where id = ?1", a.certificateOld()));
            assertEquals("certificat.pdf", kit.one("select certificate_name from absence where id = ?1", a.certificateOld()));
            assertNotNull(kit.one("select reviewed_at from absence where id = ?1", a.certificateOld()));
            assertNotNull(kit.one("select certificate from absence where id = ?1", a.certificateRecent()));
            assertNotNull(kit.one("select certificate from absence where id = ?1", a.certificatePending()), "awaiting review");
            assertEquals(0L, kit.id("select count(*) from absence x join booking b on b.id = x.booking_id join child k"
                    + " on k.id = b.child_id where k.family_id = ?1 and b.status = 'CANCELLED_FREE' and x.certificate is not null",
                    a.family()), "a certificate no longer awaiting any review (its day closed) goes as a reviewed one");
            // a refused registration's file of 4 months goes, a withdrawn one's of 2 months stays; the registrations stay
            assertEquals(0L, kit.id("select count(*) from registration_document where registration_id = ?1", a.registrationOld()));
            assertEquals(1L, kit.id("select count(*) from registration_document where registration_id = ?1",
                    a.registrationRecent()));
            assertEquals(1L, kit.id("select count(*) from registration where id = ?1", a.registrationOld()));
            assertNull(kit.one("select reason from registration where id = ?1", healthRefused));
            assertEquals(0L, kit.id("select count(*) from registration_document where registration_id = ?1", healthRefused));
            assertEquals("Assurance au nom d'un autre enfant", kit.one("select reason from registration where id = ?1",
                    a.registrationOld()));
            assertEquals(requests.subList(2, 5), ids("select id from change_request where family_id = ?1 order by id",
                    a.family()));
            // the family's journal: what went, how many of each kind (the two refused registrations' files), no document's name
            String said = (String) kit.one("select detail from audit_log where family_id = ?1 and action = 'PURGE_CONSERVATION'",
                    a.family());
            assertEquals("Supprimé(s), durée de conservation passée : 1 document(s) refusé(s), 1 document(s) expiré(s),"
                    + " 2 justificatif(s) d'absence (fichier), 1 conversation(s), 2 pièce(s) d'inscription refusée ou annulée,"
                    + " 2 demande(s) de modification décidée(s)",
                    said);
            return null;
        });

        // beta: its rows of the same ages are all there
        kit.in(kit.beta(), () -> {
            assertEquals(List.of(b.refusedOld(), b.refusedRecent(), b.expiredOld(), b.expiredRecent()),
                    ids("select id from family_document where family_id = ?1 order by id", b.family()));
            assertEquals(List.of(b.threadOld(), b.threadRecent()),
                    ids("select id from message_thread where family_id = ?1 order by id", b.family()));
            assertEquals(1L, kit.id("select count(*) from audit_log where id = ?1", b.auditOld()));
            assertEquals(1L, kit.id("select count(*) from staff_audit where id = ?1", b.staffOld()));
            assertEquals(2L, kit.id("select count(*) from message_broadcast where id in (?1, ?2)", b.broadcastOld(),
                    b.broadcastKept()));
            return null;
        });

        // once: a second purge finds nothing more of alpha's fixture
        RetentionPurge.Purged again = kit.in(kit.alpha(), () -> purge.purge(today));
        assertEquals(0, again.total(), again.french());
    }

    /** A change request of the family about its health data, decided (or sent, when waiting) {@code ago}. */
    private long changeRequest(long family, String status, String ago) {
        return kit.id("insert into change_request (family_id, type, status, old_value, new_value, created_at, decided_at)"
                + " values (?1, 'SANTE', ?2, '{\"allergies\":\"arachide\"}', '{\"allergies\":\"aucune\"}', now() - cast(?3 as interval),"
                + " case when ?2 = 'PENDING' then null else now() - cast(?3 as interval) end) returning id", family, status, ago);
    }

    private List<Long> ids(String sql, Object... params) {
        return kit.list(sql, params).stream().map(o -> ((Number) o).longValue()).toList();
    }

    /** In the current commune (a transaction): a family with rows of every kind, old and recent. */
    private Rows fixture(LocalDate today, boolean absences) {
        String s = BillingKit.random(6);
        long family = kit.id("insert into family (label, email, status) values (?1, ?2, 'VALIDATED') returning id",
                "Foyer Conservation " + s, "conservation-" + s.toLowerCase() + "@exemple.test");
        String type = ("R" + s).toUpperCase();
        kit.update("insert into document_type (code, label, validity) values (?1, 'Attestation', 'PERMANENT')", type);
        String doc = "insert into family_document (family_id, type_code, health, issued_on, status, file_name, content_type,"
                + " content, reviewed_at, expires_on) values (?1, ?2, false, ?3, ?4, 'piece.pdf', 'application/pdf',"
                + " decode('255044462d', 'hex'), now() - cast(?5 as interval), cast(?6 as date)) returning id";
        long refusedOld = kit.id(doc, family, type, today.minusYears(2), "REFUSED", "4 months", null);
        long refusedRecent = kit.id(doc, family, type, today.minusYears(2), "REFUSED", "2 months", null);
        long expiredOld = kit.id(doc, family, type, today.minusYears(3), "VALIDATED", "3 years", today.minusMonths(13));
        long expiredRecent = kit.id(doc, family, type, today.minusYears(2), "VALIDATED", "2 years", today.minusMonths(11));
        String thread = "insert into message_thread (family_id, service_code, subject, started_by, state, created_at,"
                + " last_message_at) values (?1, (select min(code) from inbox_service), 'Sujet', 'FAMILY', 'CLOSED',"
                + " now() - cast(?2 as interval), now() - cast(?2 as interval)) returning id";
        long threadOld = kit.id(thread, family, "37 months");
        long threadRecent = kit.id(thread, family, "35 months");
        long message = kit.id("insert into message (thread_id, side, author, body, sent_at) values (?1, 'FAMILY', 'p@exemple.test',"
                + " 'Bonjour', now() - interval '37 months') returning id", threadOld);
        kit.update("insert into message_attachment (message_id, file_name, content_type, content) values (?1, 'piece.pdf',"
                + " 'application/pdf', decode('255044462d', 'hex'))", message);
        // two messages to many families of 37 months, with a file stored once: one went in the old conversation, the other
        // in the recent one
        String broadcast = "insert into message_broadcast (service_code, sent_by, sent_at, target_kind, target_ref, target_label,"
                + " subject, family_count) values ((select min(code) from inbox_service), 'agent@exemple.test',"
                + " now() - interval '37 months', 'FAMILY', ?1, 'la famille Conservation', 'Menu', 1) returning id";
        long broadcastOld = kit.id(broadcast, String.valueOf(family));
        long broadcastKept = kit.id(broadcast, String.valueOf(family));
        long file = kit.id("insert into message_broadcast_file (broadcast_id, file_name, content_type, content) values (?1,"
                + " 'menu.pdf', 'application/pdf', decode('255044462d', 'hex')) returning id", broadcastOld);
        kit.update("update message_thread set broadcast_id = ?1 where id = ?2", broadcastOld, threadOld);
        kit.update("update message_thread set broadcast_id = ?1 where id = ?2", broadcastKept, threadRecent);
        kit.update("insert into message_attachment (message_id, file_name, content_type, broadcast_file_id) values (?1,"
                + " 'menu.pdf', 'application/pdf', ?2)", message, file);
        String audit = "insert into audit_log (at, actor, action, family_id, detail) values (now() - cast(?1 as interval),"
                + " 'agent@exemple.test', 'DOSSIER_VALIDE', ?2, null) returning id";
        long auditOld = kit.id(audit, "37 months", family);
        long auditRecent = kit.id(audit, "35 months", family);
        long staffOld = kit.id("insert into staff_audit (at, actor, action, target_subject, target_email) values"
                + " (now() - interval '37 months', 'admin@exemple.test', 'INVITE', 'x', 'x@exemple.test') returning id");
        Long certificateOld = null;
        Long certificateRecent = null;
        Long certificatePending = null;
        Long registrationOld = null;
        Long registrationRecent = null;
        if (absences) {
            long child = kit.id("insert into child (family_id, first_name, last_name, birth_date) values (?1, 'Léa', 'Conservation',"
                    + " date '2018-03-04') returning id", family);
            certificateOld = absence(child, today.minusMonths(13), true);
            certificateRecent = absence(child, today.minusMonths(11), true);
            certificatePending = absence(child, today.minusMonths(13).minusDays(1), false);
            // awaiting review when the commune closed its day: the booking cancelled, the certificate out of every queue
            long closed = absence(child, today.minusMonths(13).minusDays(2), false);
            kit.update("update booking set status = 'CANCELLED_FREE' where id = (select booking_id from absence where id = ?1)",
                    closed);
            registrationOld = registration(child, "REFUSED", "4 months");
            registrationRecent = registration(child, "WITHDRAWN", "2 months");
        }
        return new Rows(family, refusedOld, refusedRecent, expiredOld, expiredRecent, threadOld, threadRecent, auditOld,
                auditRecent, staffOld, certificateOld, certificateRecent, certificatePending, registrationOld, registrationRecent,
                broadcastOld, broadcastKept);
    }

    /** A registration {@code status} decided {@code ago}, with one file; the registration's id. */
    private long registration(long child, String status, String ago) {
        long activity = kit.id("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                + " values (?1, 'Atelier conservation', 'MERCREDI', 'J-2@23:59', 'J-2@23:59', 'REFUSED') returning id",
                "RET-" + BillingKit.random(6));
        long registration = kit.id("insert into registration (child_id, activity_id, status, cgu_accepted_at, submitted_at,"
                + " decided_at) values (?1, ?2, ?3, now() - interval '1 year', now() - interval '1 year',"
                + " now() - cast(?4 as interval)) returning id", child, activity, status, ago);
        kit.update("insert into registration_document (registration_id, label, file_name, content_type, content) values"
                + " (?1, 'Attestation d''assurance', 'assurance.pdf', 'application/pdf', decode('255044462d', 'hex'))", registration);
        return registration;
    }

    /** An illness on {@code day} with its certificate, reviewed (excused) or still awaiting review. */
    private long absence(long child, LocalDate day, boolean reviewed) {
        long booking = kit.id("insert into booking (child_id, unit_id, day, status) values (?1, (select min(id) from activity_unit),"
                + " ?2, ?3) returning id", child, day, reviewed ? "ABSENT_EXCUSED" : "ABSENT_PENDING");
        return kit.id("insert into absence (booking_id, reason, certificate, certificate_type, certificate_name, reviewed_at)"
                + " values (?1, 'MALADIE', decode('255044462d', 'hex'), 'application/pdf', 'certificat.pdf',"
                + " case when ?2 then now() - interval '12 months' end) returning id", booking, reviewed);
    }
}
