package fr.portailfamille.platform.retention;

import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.retention.Retention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deletes the current commune's personal data past its retention ({@link Retention#DEFAULT}), in one transaction: the
 * documents refused or long expired, the files of reviewed medical certificates, the conversations without a message for
 * years (their messages and attachments with them), the files sent with a registration refused or withdrawn, and the
 * journals' old entries. What went from a family's file is
 * written in the file's journal (how many, of what kind: no name of a document, no health word), so that an agent who
 * looks for it reads why.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class RetentionPurge {

    /** Who the journal says did it. */
    static final String ACTOR = "plateforme (conservation)";

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    /** What one purge deleted, by kind. */
    public record Purged(int refusedDocuments, int expiredDocuments, int certificates, int threads, int broadcasts,
                         int registrationDocuments, int changeRequests, int journalEntries) {

        public int total() {
            return refusedDocuments + expiredDocuments + certificates + threads + broadcasts + registrationDocuments
                    + changeRequests + journalEntries;
        }

        /** For the log, in French as the platform's logs are. */
        public String french() {
            return refusedDocuments + " document(s) refusé(s), " + expiredDocuments + " document(s) expiré(s), "
                    + certificates + " certificat(s) médical(aux) effacé(s), " + threads + " conversation(s), "
                    + broadcasts + " envoi(s) à plusieurs familles, "
                    + registrationDocuments + " pièce(s) d'inscriptions refusées ou annulées, " + changeRequests
                    + " demande(s) de modification décidée(s), " + journalEntries
                    + " ligne(s) de journal";
        }
    }

    /** Purges what has passed its retention on {@code today}. */
    public Purged purge(LocalDate today) {
        Retention.Cutoffs c = Retention.DEFAULT.cutoffs(today);
        Map<Long, int[]> byFamily = new TreeMap<>();
        int refused = count(byFamily, 0, em.createNativeQuery("delete from family_document where status = 'REFUSED'"
                        + " and reviewed_at < ?1 returning family_id")
                .setParameter(1, startOf(c.refusedBefore())).getResultList());
        int expired = count(byFamily, 1, em.createNativeQuery("delete from family_document where status = 'VALIDATED'"
                        + " and expires_on < ?1 returning family_id")
                .setParameter(1, c.expiredBefore()).getResultList());
        int certificates = count(byFamily, 2, em.createNativeQuery("update absence x set certificate = null,"
                        + " certificate_type = null from booking b join child k on k.id = b.child_id"
                        + " where b.id = x.booking_id and x.certificate is not null"
                        // reviewed, or no longer awaiting a review (its day closed, the absence withdrawn)
                        + " and (x.reviewed_at is not null or b.status <> 'ABSENT_PENDING')"
                        + " and b.day < ?1 returning k.family_id")
                .setParameter(1, c.certificateDayBefore()).getResultList());
        int threads = count(byFamily, 3, em.createNativeQuery("delete from message_thread where last_message_at < ?1"
                        + " returning family_id")
                .setParameter(1, startOf(c.quietBefore())).getResultList());
        // a message to many families as its senders list it (subject, whom it went to — "la famille Dupont" —, its files,
        // stored once for all: V40) goes with the last of its conversations: once none is left and it is as old
        int broadcasts = em.createNativeQuery("delete from message_broadcast b where b.sent_at < ?1 and not exists"
                        + " (select 1 from message_thread t where t.broadcast_id = b.id)")
                .setParameter(1, startOf(c.quietBefore())).executeUpdate();
        // the files sent with a registration the service refused or the family withdrew (copies of Mes documents'
        // included): no use once it is decided, as a refused document
        // a registration decided as health data (a health document among its files: « certificat sans la mention de non
        // contre-indication (asthme) »): its reason is health data too, hidden from agents without agent-sante by its
        // files (FamilyDesk.historyOf) — it goes with them, not left for every agent to read
        List<fr.portailfamille.documents.DocumentType> types = fr.portailfamille.platform.family.FamilyDesk.healthTypes(em);
        java.util.Set<Long> healthDecided = new java.util.TreeSet<>();
        for (Object o : em.createNativeQuery("select r.id, d.label, d.health from registration_document d"
                        + " join registration r on r.id = d.registration_id where r.status in ('REFUSED', 'WITHDRAWN')"
                        + " and coalesce(r.decided_at, r.submitted_at) < ?1 and r.reason is not null")
                .setParameter(1, startOf(c.refusedBefore())).getResultList()) {
            Object[] d = (Object[]) o;
            if (Boolean.TRUE.equals(d[2]) || fr.portailfamille.documents.DocumentTypeRules.isHealth(types, (String) d[1])) {
                healthDecided.add(((Number) d[0]).longValue());
            }
        }
        healthDecided.forEach(id -> em.createNativeQuery("update registration set reason = null where id = ?1")
                .setParameter(1, id).executeUpdate());
        int registrationFiles = count(byFamily, 4, em.createNativeQuery("delete from registration_document d"
                        + " using registration r join child k on k.id = r.child_id where r.id = d.registration_id"
                        + " and r.status in ('REFUSED', 'WITHDRAWN') and coalesce(r.decided_at, r.submitted_at) < ?1"
                        + " returning k.family_id")
                .setParameter(1, startOf(c.refusedBefore())).getResultList());
        OffsetDateTime journal = startOf(c.journalBefore());
        // a change request keeps the values it replaced or proposed (health, an IBAN): refused or withdrawn, of no use
        // once the family was told, as a refused document; accepted, the file holds its new values and the journal
        // who decided, so it goes with the journal's lines of its time
        int changeRequests = count(byFamily, 5, em.createNativeQuery("delete from change_request where"
                        + " (status in ('REFUSED', 'WITHDRAWN') and coalesce(decided_at, created_at) < ?1)"
                        + " or (status = 'ACCEPTED' and decided_at < ?2) returning family_id")
                .setParameter(1, startOf(c.refusedBefore())).setParameter(2, journal).getResultList());
        int entries = em.createNativeQuery("delete from audit_log where at < ?1").setParameter(1, journal).executeUpdate()
                + em.createNativeQuery("delete from staff_audit where at < ?1").setParameter(1, journal).executeUpdate();
        byFamily.forEach((family, kinds) -> em.createNativeQuery("insert into audit_log (actor, action, family_id, detail)"
                        + " values (?1, 'PURGE_CONSERVATION', ?2, ?3)")
                .setParameter(1, ACTOR).setParameter(2, family).setParameter(3, detail(kinds)).executeUpdate());
        return new Purged(refused, expired, certificates, threads, broadcasts, registrationFiles, changeRequests, entries);
    }

    /** Counts the rows a statement returned, by family, as kind {@code kind}; how many. */
    private static int count(Map<Long, int[]> byFamily, int kind, List<?> families) {
        for (Object f : families) {
            byFamily.computeIfAbsent(((Number) f).longValue(), id -> new int[6])[kind]++;
        }
        return families.size();
    }

    /** "2 document(s) refusé(s) depuis plus de 3 mois ; 1 conversation sans message depuis 3 ans" (no name, no health word). */
    static String detail(int[] kinds) {
        StringBuilder s = new StringBuilder("Supprimé(s), durée de conservation passée : ");
        String[] words = {" document(s) refusé(s)", " document(s) expiré(s)", " justificatif(s) d'absence (fichier)",
                " conversation(s)", " pièce(s) d'inscription refusée ou annulée", " demande(s) de modification décidée(s)"};
        String sep = "";
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] > 0) {
                s.append(sep).append(kinds[i]).append(words[i]);
                sep = ", ";
            }
        }
        return s.toString();
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(PlatformTime.ZONE).toOffsetDateTime();
    }
}
