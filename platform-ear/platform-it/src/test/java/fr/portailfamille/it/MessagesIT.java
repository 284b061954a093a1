package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Mails;
import fr.portailfamille.messaging.BroadcastTarget;
import fr.portailfamille.messaging.ThreadState;
import fr.portailfamille.it.ValidatedFamilies.Parent;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.kernel.UploadChecker;
import fr.portailfamille.platform.messaging.Inbox;
import fr.portailfamille.platform.messaging.Inbox.Filter;
import fr.portailfamille.platform.messaging.Inbox.Folder;
import fr.portailfamille.platform.messaging.Inbox.ThreadRow;
import fr.portailfamille.platform.messaging.Inbox.ThreadView;
import fr.portailfamille.platform.messaging.Inbox.Upload;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Boîte de réception against the real PostgreSQL and GreenMail inside Payara Micro: a family writes to a service
 * with an attachment, an agent of the service answers, unread counts on both sides, delete and restore, assignment,
 * close and reopen, an agent of another service kept out; a broadcast to an activity's 55 families makes 55 threads
 * and 55 mails that hold no message text; hostile files refused at their field; every attempt on another family's
 * thread, reply or attachment by id, and from another commune, refused.
 */
@ExtendWith(ArquillianExtension.class)
class MessagesIT {

    private static final byte[] PDF = "%PDF-1.4\n% planning\n".getBytes(StandardCharsets.US_ASCII);
    /** The start of a Windows executable (MZ header), renamed .pdf. */
    private static final byte[] EXE = new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff,
        0, 0, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, '@', 0, 0, 0, 0, 0, 0, 0, 'P', 'E', 0, 0};
    private static final int BROADCAST_FAMILIES = 55;

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    Inbox inbox;

    @Inject
    FamilyFileService files;

    @Inject
    ValidatedFamilies families;

    @Inject
    CommuneDirectory directory;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    UserTransaction tx;

    <T> T in(String slug, Callable<T> work) throws Exception {
        Commune c = directory.bySlug(slug).orElseThrow();
        return TenantContext.call(c, work);
    }

    <T> T alpha(Callable<T> work) throws Exception {
        return in("alpha", work);
    }

    void alphaDo(Runnable work) throws Exception {
        alpha(() -> {
            work.run();
            return null;
        });
    }

    void sql(String statement) throws Exception {
        alpha(() -> {
            tx.begin();
            em.createNativeQuery(statement).executeUpdate();
            tx.commit();
            return null;
        });
    }

    long number(String query) throws Exception {
        return alpha(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue());
    }


    static SignedInUser agent(String slug, String email, String... groups) {
        return new SignedInUser(slug, UUID.randomUUID().toString(), "Dominique Agent", email, true, List.of("agent"), null,
                List.of(groups));
    }

    /** A validated family with one child. */
    Parent family(String slug) throws Exception {
        return families.create(slug, "msg");
    }

    @Test
    void aFamilyWritesAServiceAnswersAndNobodyElseReadsIt() throws Exception {
        Parent p = family("alpha");
        Parent other = family("alpha");
        String s = UUID.randomUUID().toString().substring(0, 8);
        SignedInUser agent = agent("alpha", "enfance-" + s + "@alpha.test", "service-enfance");
        SignedInUser colleague = agent("alpha", "collegue-" + s + "@alpha.test");
        SignedInUser regie = agent("alpha", "regie-" + s + "@alpha.test", "/service-regie");
        String serviceMail = "service-enfance-" + s + "@alpha.test";
        String secret = "Confidentiel" + UUID.randomUUID().toString().substring(0, 8);
        sql("update inbox_service set email = '" + serviceMail + "' where code = 'enfance'");
        try {
            assertEquals(0, alpha(() -> inbox.familyUnread(p.user())));
            long before = alpha(() -> inbox.unansweredCount(agent));

            // refused before anything is written: no service, a child of another family, no body, hostile files
            assertEquals("service", assertThrows(Refused.class, () -> alpha(() -> inbox.write(p.user(), null, null,
                    "Objet", "Texte", List.of()))).field());
            assertEquals("child", assertThrows(Refused.class, () -> alpha(() -> inbox.write(p.user(), "enfance",
                    other.childId(), "Objet", "Texte", List.of()))).field());
            assertEquals("body", assertThrows(Refused.class, () -> alpha(() -> inbox.write(p.user(), "enfance", null,
                    "Objet", " ", List.of()))).field());
            Refused exe = assertThrows(Refused.class, () -> alpha(() -> inbox.write(p.user(), "enfance", null, "Objet",
                    "Texte", List.of(new Upload("planning.pdf", EXE)))));
            assertEquals("files", exe.field());
            assertTrue(exe.getMessage().contains("n'est pas un vrai fichier PDF, JPEG ou PNG"), exe.getMessage());
            byte[] big = Arrays.copyOf(PDF, UploadChecker.MAX_BYTES + 1);
            Refused oversize = assertThrows(Refused.class, () -> alpha(() -> inbox.write(p.user(), "enfance", null, "Objet",
                    "Texte", List.of(new Upload("gros.pdf", big)))));
            assertEquals("files", oversize.field());
            assertTrue(oversize.getMessage().contains("dépasse 5 Mo"), oversize.getMessage());
            // every problem of the form at once, each with its field: the page shows them all beside their fields
            Refused all = assertThrows(Refused.class, () -> alpha(() -> inbox.write(p.user(), null, other.childId(), " ",
                    " ", List.of(new Upload("planning.pdf", EXE)))));
            assertEquals(List.of("service", "child", "subject", "body", "files"),
                    all.errors().stream().map(e -> e.field()).toList(), all.errors().toString());
            assertEquals("Choisissez le service à qui écrire.", all.getMessage());
            assertTrue(alpha(() -> inbox.familyThreads(p.user(), Folder.SENT)).isEmpty(), "rien d'enregistré");

            // the family writes about its child with a PDF
            String body = "Léa sera absente mercredi " + secret + ", voici l'ordonnance.";
            long thread = alpha(() -> inbox.write(p.user(), "enfance", p.childId(), "Absence de mercredi", body,
                    List.of(new Upload("ordonnance.pdf", PDF))));
            List<ThreadRow> sent = alpha(() -> inbox.familyThreads(p.user(), Folder.SENT));
            assertEquals(1, sent.size());
            assertEquals(ThreadState.OPEN, sent.get(0).state());
            assertFalse(sent.get(0).unread(), "son propre message n'est pas « non lu »");
            assertEquals(before + 1, alpha(() -> inbox.unansweredCount(agent)), "à traiter pour le service enfance");
            assertTrue(alpha(() -> inbox.search(agent, new Filter("enfance", null, "none", true), 0, 100, Sort.DEFAULT))
                    .stream().anyMatch(r -> r.id() == thread && r.unread()), "non lu, sans attribution");
            // the service's address is told, with a link and without the text
            String toService = Mails.await(serviceMail, m -> m.contains("/agent/message.xhtml?id=" + thread));
            assertFalse(toService.contains(secret), "le courriel au service ne contient pas le message : " + toService);

            // an agent of the régie only does not see the enfance thread, its attachment nor its count
            assertTrue(alpha(() -> inbox.agentThread(regie, thread)).isEmpty());
            assertThrows(Refused.class, () -> alphaDo(() -> inbox.agentReply(regie, thread, "Non", List.of())));
            ThreadView read = alpha(() -> inbox.agentThread(agent, thread)).orElseThrow();
            long attachment = read.messages().get(0).attachments().get(0).id();
            assertTrue(alpha(() -> inbox.agentAttachment(regie, attachment)).isEmpty());
            // an « ordonnance » is health data: agent-sante's only, as in Mes documents (its name says so)
            assertTrue(read.messages().get(0).attachments().get(0).health());
            assertTrue(alpha(() -> inbox.agentAttachment(agent, attachment)).isEmpty(), "sans agent-sante");
            assertTrue(alpha(() -> inbox.agentAttachment(colleague, attachment)).isEmpty(), "sans agent-sante");
            SignedInUser sante = new SignedInUser("alpha", UUID.randomUUID().toString(), "Santé Alpha", "sante@alpha.test", true,
                    List.of("agent", "agent-sante"), null);
            long reads = number("select count(*) from audit_log where action = 'LECTURE_SANTE' and family_id = " + p.familyId());
            assertEquals("ordonnance.pdf", alpha(() -> inbox.agentAttachment(sante, attachment)).orElseThrow().fileName());
            // agent-sante's read is in the family's journal, as every other health read is
            assertEquals(reads + 1, number("select count(*) from audit_log where action = 'LECTURE_SANTE' and family_id = "
                    + p.familyId() + " and detail like '%ordonnance.pdf%'"));
            // a file of any name the family says is health data: likewise; one it does not, with a neutral name: every
            // agent of the service
            long said = alpha(() -> inbox.write(other.user(), "enfance", null, "Certificat", "Le certificat de Tom.",
                    List.of(new Upload("scan-001.pdf", PDF)), true, null));
            long saidFile = alpha(() -> inbox.agentThread(sante, said)).orElseThrow().messages().get(0).attachments().get(0).id();
            assertTrue(alpha(() -> inbox.agentAttachment(agent, saidFile)).isEmpty());
            assertTrue(alpha(() -> inbox.agentAttachment(sante, saidFile)).isPresent());
            // a scan named as scanners name files: « PAI_Lucas.pdf » is health data all the same
            long pai = alpha(() -> inbox.write(other.user(), "enfance", null, "PAI", "Le PAI signé.",
                    List.of(new Upload("PAI_Lucas.pdf", PDF)), false, null));
            long paiFile = alpha(() -> inbox.agentThread(sante, pai)).orElseThrow().messages().get(0).attachments().get(0).id();
            assertTrue(alpha(() -> inbox.agentAttachment(agent, paiFile)).isEmpty(), "sans agent-sante");
            alphaDo(() -> inbox.close(sante, pai));
            long plain = alpha(() -> inbox.write(other.user(), "enfance", null, "Photo", "La photo de classe.",
                    List.of(new Upload("photo.pdf", PDF)), false, null));
            long plainFile = alpha(() -> inbox.agentThread(agent, plain)).orElseThrow().messages().get(0).attachments().get(0).id();
            assertTrue(alpha(() -> inbox.agentAttachment(colleague, plainFile)).isPresent(), "sans groupe : tous les services");
            alphaDo(() -> inbox.close(sante, said)); // out of the service's count of threads to answer, which follows
            alphaDo(() -> inbox.close(sante, plain));
            assertEquals(body, read.messages().get(0).body());
            assertEquals("Léa", read.thread().childName());
            assertFalse(alpha(() -> inbox.agentThread(agent, thread)).orElseThrow().thread().unread(), "lu par le service");

            // assignment: to me, to another agent, to nobody; a bad address next to its field
            alphaDo(() -> inbox.assign(agent, thread, agent.email()));
            assertTrue(alpha(() -> inbox.search(agent, new Filter(null, null, "me", false), 0, 100, Sort.DEFAULT))
                    .stream().anyMatch(r -> r.id() == thread));
            assertEquals("assignee", assertThrows(Refused.class, () -> alphaDo(() -> inbox.assign(agent, thread, "pas-une-adresse"))).field());
            alphaDo(() -> inbox.assign(colleague, thread, "Autre.Agent@alpha.test"));
            assertEquals("autre.agent@alpha.test", alpha(() -> inbox.agentThread(agent, thread)).orElseThrow().thread().assignedTo());

            // the agent answers with a file: the family has one unread message, mailed a link without the text
            String answer = "Bien noté " + secret + ", merci.";
            alphaDo(() -> inbox.agentReply(agent, thread, answer, List.of(new Upload("accuse.pdf", PDF))));
            assertEquals(1, alpha(() -> inbox.familyUnread(p.user())));
            // a second answer in the same conversation, a scan the agent says is health data: two new messages, as
            // Accueil says them, and the scan agent-sante's only
            alphaDo(() -> inbox.agentReply(agent, thread, "Précision : la cantine est décommandée.",
                    List.of(new Upload("scan-0042.pdf", PDF)), true, null));
            assertEquals(2, alpha(() -> inbox.familyUnread(p.user())));
            assertEquals(0, alpha(() -> inbox.familyUnread(other.user())));
            assertEquals(before, alpha(() -> inbox.unansweredCount(agent)), "répondu : plus à traiter");
            String toFamily = Mails.await(p.user().email(), m -> m.contains("/espace/message.xhtml?id=" + thread));
            assertFalse(toFamily.contains(secret), "le courriel à la famille ne contient ni l'objet ni le message : " + toFamily);
            assertFalse(toFamily.contains("Absence de mercredi"));
            ThreadView family = alpha(() -> inbox.familyThread(p.user(), thread)).orElseThrow();
            assertEquals(ThreadState.ANSWERED, family.thread().state());
            assertEquals(List.of(body, answer, "Précision : la cantine est décommandée."),
                    family.messages().stream().map(Inbox.MessageRow::body).toList());
            assertEquals(0, alpha(() -> inbox.familyUnread(p.user())), "lu en ouvrant la conversation");
            long answerFile = family.messages().get(1).attachments().get(0).id();
            long scan = family.messages().get(2).attachments().get(0).id();
            assertTrue(family.messages().get(2).attachments().get(0).health());
            assertTrue(alpha(() -> inbox.agentAttachment(colleague, scan)).isEmpty(), "sans agent-sante");
            assertTrue(alpha(() -> inbox.familyAttachment(p.user(), scan)).isPresent(), "the family opens its own");
            assertEquals("accuse.pdf", alpha(() -> inbox.familyAttachment(p.user(), answerFile)).orElseThrow().fileName());

            // another family: the thread by id, a reply posted on it, its attachments, delete: refused or empty
            assertTrue(alpha(() -> inbox.familyThread(other.user(), thread)).isEmpty(), "conversation d'une autre famille");
            assertEquals("Cette conversation n'existe pas ou ne fait pas partie de votre dossier.",
                    assertThrows(Refused.class, () -> alphaDo(() -> inbox.familyReply(other.user(), thread,
                            "Je lis chez les autres", List.of()))).getMessage());
            assertTrue(alpha(() -> inbox.familyAttachment(other.user(), attachment)).isEmpty());
            assertTrue(alpha(() -> inbox.familyAttachment(other.user(), answerFile)).isEmpty());
            assertThrows(Refused.class, () -> alphaDo(() -> inbox.delete(other.user(), thread)));
            assertEquals(3, number("select count(*) from message where thread_id = " + thread), "rien d'ajouté");
            // a parent on the agents' side, an agent on the family's side
            assertThrows(SecurityException.class, () -> alpha(() -> inbox.search(p.user(), null, 0, 10, Sort.DEFAULT)));
            assertThrows(SecurityException.class, () -> alpha(() -> inbox.agentThread(p.user(), thread)));
            assertTrue(alpha(() -> inbox.familyThread(agent, thread)).isEmpty());
            // another commune: the alpha account is nobody at beta, beta's agent does not reach alpha's rows
            assertThrows(Exception.class, () -> in("beta", () -> inbox.familyThread(p.user(), thread)));
            assertThrows(SecurityException.class, () -> in("beta", () -> inbox.agentThread(agent, thread)));
            Optional<ThreadView> atBeta = in("beta", () -> inbox.agentThread(agent("beta", "agent@beta.test"), thread));
            assertTrue(atBeta.isEmpty() || !atBeta.get().thread().subject().equals("Absence de mercredi"));
            assertTrue(in("beta", () -> inbox.agentAttachment(agent("beta", "agent@beta.test"), attachment))
                    .map(a -> !a.fileName().equals("ordonnance.pdf")).orElse(true));

            // the family replies: open again for the service, unread on its side
            alphaDo(() -> inbox.familyReply(p.user(), thread, "Et jeudi aussi.", List.of()));
            assertEquals(before + 1, alpha(() -> inbox.unansweredCount(agent)));
            assertTrue(alpha(() -> inbox.search(agent, new Filter(null, ThreadState.OPEN, null, true), 0, 100, Sort.DEFAULT))
                    .stream().anyMatch(r -> r.id() == thread));

            // delete to "Messages supprimés", restore
            alphaDo(() -> inbox.delete(p.user(), thread));
            assertTrue(alpha(() -> inbox.familyThreads(p.user(), Folder.SENT)).isEmpty());
            assertEquals(List.of(thread), alpha(() -> inbox.familyThreads(p.user(), Folder.DELETED)).stream().map(ThreadRow::id).toList());
            alphaDo(() -> inbox.restore(p.user(), thread));
            assertEquals(List.of(thread), alpha(() -> inbox.familyThreads(p.user(), Folder.SENT)).stream().map(ThreadRow::id).toList());
            assertTrue(alpha(() -> inbox.familyThreads(p.user(), Folder.DELETED)).isEmpty());

            // close: nobody writes until an agent reopens
            alphaDo(() -> inbox.close(agent, thread));
            assertEquals("Cette conversation est close : écrivez un nouveau message au service.", assertThrows(Refused.class,
                    () -> alphaDo(() -> inbox.familyReply(p.user(), thread, "Encore", List.of()))).getMessage());
            assertThrows(Refused.class, () -> alphaDo(() -> inbox.agentReply(agent, thread, "Encore", List.of())));
            assertThrows(Refused.class, () -> alphaDo(() -> inbox.close(agent, thread)), "déjà close");
            assertEquals(before, alpha(() -> inbox.unansweredCount(agent)));
            alphaDo(() -> inbox.reopen(agent, thread));
            assertEquals(ThreadState.OPEN, alpha(() -> inbox.agentThread(agent, thread)).orElseThrow().thread().state());
            alphaDo(() -> inbox.close(agent, thread));
        } finally {
            sql("update inbox_service set email = null where code = 'enfance'");
        }
    }

    /** The same message or reply form sent twice (a double tap): written once, the second told it was already sent. */
    @Test
    void theSameMessageFormSentTwiceIsWrittenOnce() throws Exception {
        ValidatedFamilies.Parent p = families.create("alpha", "double");
        String token = fr.portailfamille.platform.kernel.FormTokens.next();
        long thread = alpha(() -> inbox.write(p.user(), "enfance", null, "Question cantine", "Bonjour", List.of(), token));
        Refused twice = assertThrows(Refused.class, () -> alpha(() -> inbox.write(p.user(), "enfance", null,
                "Question cantine", "Bonjour", List.of(), token)));
        assertTrue(fr.portailfamille.platform.kernel.FormTokens.alreadySent(twice), twice.getMessage());
        assertEquals(1, number("select count(*) from message_thread where family_id = " + p.familyId()));
        String replyToken = fr.portailfamille.platform.kernel.FormTokens.next();
        alphaDo(() -> inbox.familyReply(p.user(), thread, "Merci", List.of(), replyToken));
        assertThrows(Refused.class, () -> alphaDo(() -> inbox.familyReply(p.user(), thread, "Merci", List.of(), replyToken)));
        SignedInUser agent = agent("alpha", "double-agent@alpha.test", "service-enfance");
        String agentToken = fr.portailfamille.platform.kernel.FormTokens.next();
        alphaDo(() -> inbox.agentReply(agent, thread, "Réponse", List.of(), agentToken));
        assertThrows(Refused.class, () -> alphaDo(() -> inbox.agentReply(agent, thread, "Réponse", List.of(), agentToken)));
        assertEquals(3, number("select count(*) from message where thread_id = " + thread));
    }

    /** A message to a school reaches this school year's pupils, not the families pre-registered for the next one. */
    @Test
    void aBroadcastToASchoolReachesThisYearsPupilsNotNextYearsPreRegistrations() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String code = "ECO-" + s.toUpperCase();
        // the year running by the commune's calendar, named as the requests name it
        String thisYear = alpha(() -> (String) em.createNativeQuery("select cast(extract(year from start_day) as int) || '-'"
                + " || cast(extract(year from end_day) as int) from calendar_period where kind = 'ANNEE_SCOLAIRE'"
                + " and end_day >= current_date order by start_day limit 1").getSingleResult());
        int start = Integer.parseInt(thisYear.substring(0, 4));
        String nextYear = (start + 1) + "-" + (start + 2);
        String lastYear = (start - 1) + "-" + start;
        sql("insert into establishment (code, name, kind) values ('" + code + "', 'École " + s + "', 'ECOLE_ELEMENTAIRE')");
        // family 1: enrolled this year; 2: accepted for next year (still at the maternelle); 3: enrolled last year, now in
        // CM2 there (no new request: a pupil staying does not re-register); 4: enrolled last year, gone to another school
        sql("insert into family (label, email, status) select 'Foyer " + s + " ' || g, 'sc-" + s + "-' || g || '@alpha.test',"
                + " 'VALIDATED' from generate_series(1, 4) g");
        sql("insert into child (family_id, first_name, last_name, birth_date, school, school_class) select id, 'Enfant',"
                + " label, date '2018-05-01', case when email like '%-2@alpha.test' then 'École maternelle'"
                + " when email like '%-4@alpha.test' then 'École Voisine' else 'École " + s + "' end,"
                + " case when email like '%-3@alpha.test' then 'CM2' else 'CM1' end from family where email like 'sc-" + s + "-%'");
        sql("insert into school_enrolment (child_id, establishment_id, school_year, level, status, submitted_at, decided_at)"
                + " select c.id, e.id, case when f.email like '%-1@alpha.test' then '" + thisYear + "' when f.email like"
                + " '%-2@alpha.test' then '" + nextYear + "' else '" + lastYear + "' end, 'CM1', 'VALIDATED', now(), now()"
                + " from child c join family f on f.id = c.family_id, establishment e"
                + " where f.email like 'sc-" + s + "-%' and e.code = '" + code + "'");
        SignedInUser agent = agent("alpha", "sc-agent-" + s + "@alpha.test", "service-enfance");
        assertEquals(2, alpha(() -> inbox.countTargets(agent, new BroadcastTarget(BroadcastTarget.Kind.SCHOOL, code))));
        // a class: by the pupil's file (moved up each year), not the level of its first request
        assertEquals(1, alpha(() -> inbox.countTargets(agent, new BroadcastTarget(BroadcastTarget.Kind.CLASS, code + "/CM2"))));
    }

    @Test
    void aBroadcastToAnActivityMakesOneThreadAndOneMailPerFamily() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String code = "MSG-" + s.toUpperCase();
        sql("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                + " values ('" + code + "', 'Centre " + s + "', 'MERCREDI', 'J-2@23:59', 'J-2@23:59', 'REFUSED')");
        // 55 validated families with a child registered to the activity, one refused registration left out
        sql("insert into family (label, email, status) select 'Foyer " + s + " ' || g, 'bc-" + s + "-' || g || '@alpha.test',"
                + " 'VALIDATED' from generate_series(1, " + (BROADCAST_FAMILIES + 1) + ") g");
        sql("insert into child (family_id, first_name, last_name, birth_date) select id, 'Enfant', label, date '2018-05-01'"
                + " from family where email like 'bc-" + s + "-%'");
        sql("insert into registration (child_id, activity_id, status, cgu_accepted_at) select c.id, a.id,"
                + " case when f.email = 'bc-" + s + "-" + (BROADCAST_FAMILIES + 1) + "@alpha.test' then 'REFUSED' else 'VALIDATED' end,"
                + " now() from child c join family f on f.id = c.family_id, activity a where f.email like 'bc-" + s + "-%'"
                + " and a.code = '" + code + "'");
        // family 1's second parent accepted the commune's mails, family 2's did not (an address typed by the first parent)
        sql("insert into responsable (family_id, rank, first_name, last_name, email, consent_email) select id, 2, 'Sam', 'Oui',"
                + " 'bc-" + s + "-conjoint-oui@alpha.test', true from family where email = 'bc-" + s + "-1@alpha.test'");
        sql("insert into responsable (family_id, rank, first_name, last_name, email, consent_email) select id, 2, 'Sam', 'Non',"
                + " 'bc-" + s + "-conjoint-non@alpha.test', false from family where email = 'bc-" + s + "-2@alpha.test'");
        SignedInUser agent = agent("alpha", "bc-agent-" + s + "@alpha.test", "service-enfance");
        BroadcastTarget target = new BroadcastTarget(BroadcastTarget.Kind.ACTIVITY, code);

        assertEquals(BROADCAST_FAMILIES, alpha(() -> inbox.countTargets(agent, target)));
        assertEquals("target", assertThrows(Refused.class, () -> alpha(() -> inbox.countTargets(agent,
                new BroadcastTarget(BroadcastTarget.Kind.ACTIVITY, " ")))).field());
        assertEquals("service", assertThrows(Refused.class, () -> alpha(() -> inbox.broadcast(
                agent("alpha", "x@alpha.test", "service-regie"), "enfance", target, "Sortie", "Texte", List.of()))).field(),
                "un agent écrit au nom de ses services");
        assertEquals("target", assertThrows(Refused.class, () -> alpha(() -> inbox.broadcast(agent, "enfance",
                new BroadcastTarget(BroadcastTarget.Kind.ACTIVITY, "INCONNUE-" + s), "Sortie", "Texte", List.of()))).field());
        assertThrows(SecurityException.class, () -> alpha(() -> inbox.broadcast(FamilyFileIT.parent("alpha", "p@alpha.test", true),
                "enfance", target, "Sortie", "Texte", List.of())));
        // every problem of the form at once, each beside its field (a family's number beside the number typed)
        assertEquals(List.of("service", "family", "subject", "body"), assertThrows(Refused.class, () -> alpha(() ->
                inbox.broadcast(agent, null, new BroadcastTarget(BroadcastTarget.Kind.FAMILY, "x"), " ", " ", List.of())))
                .errors().stream().map(e -> e.field()).toList());

        String secret = "Confidentiel" + UUID.randomUUID().toString().substring(0, 8);
        String body = "Sortie au lac jeudi " + secret + " : prévoir un pique-nique.";
        long started = System.nanoTime();
        String token = fr.portailfamille.platform.kernel.FormTokens.next();
        int sent = alpha(() -> inbox.broadcast(agent, "enfance", target, "Sortie du centre", body,
                List.of(new Upload("autorisation.pdf", PDF)), token));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(BROADCAST_FAMILIES, sent);
        // the same form sent again (a double click, the page reloaded): refused, the families written to once
        Refused twice = assertThrows(Refused.class, () -> alpha(() -> inbox.broadcast(agent, "enfance", target,
                "Sortie du centre", body, List.of(new Upload("autorisation.pdf", PDF)), token)));
        assertTrue(fr.portailfamille.platform.kernel.FormTokens.alreadySent(twice), twice.getMessage());
        assertTrue(millis < 20_000, "une action pour " + BROADCAST_FAMILIES + " familles : " + millis + " ms");
        assertEquals(BROADCAST_FAMILIES, number("select count(distinct t.family_id) from message_thread t join family f"
                + " on f.id = t.family_id where f.email like 'bc-" + s + "-%' and t.subject = 'Sortie du centre'"));
        assertEquals(BROADCAST_FAMILIES, number("select count(*) from message m join message_thread t on t.id = m.thread_id"
                + " join family f on f.id = t.family_id where f.email like 'bc-" + s + "-%' and m.body = '" + body.replace("'", "''") + "'"));
        assertEquals(BROADCAST_FAMILIES, number("select count(*) from message_attachment a join message m on m.id = a.message_id"
                + " join message_thread t on t.id = m.thread_id join family f on f.id = t.family_id where f.email like 'bc-" + s + "-%'"));
        // the file stored once, each family's attachment pointing at it
        assertEquals(1, number("select count(*) from message_broadcast_file bf join message_broadcast b on b.id = bf.broadcast_id"
                + " where b.form_token = '" + token + "'"));
        assertEquals(0, number("select count(*) from message_attachment a join message m on m.id = a.message_id"
                + " join message_thread t on t.id = m.thread_id join family f on f.id = t.family_id where f.email like 'bc-" + s
                + "-%' and a.content is not null"), "no copy per family");
        assertEquals(0, number("select count(*) from message_thread t join family f on f.id = t.family_id"
                + " where f.email = 'bc-" + s + "-" + (BROADCAST_FAMILIES + 1) + "@alpha.test'"), "inscription refusée : pas écrite");
        // the broadcast is recorded: who, when, target, count
        Inbox.BroadcastRow recorded = alpha(() -> inbox.broadcasts(agent, 10)).stream()
                .filter(b -> b.targetLabel().contains("Centre " + s)).findFirst().orElseThrow();
        assertEquals(agent.email(), recorded.sentBy());
        assertEquals(BROADCAST_FAMILIES, recorded.familyCount());
        assertEquals("les familles de l'activité « Centre " + s + " »", recorded.targetLabel());
        // another service's agent does not read it among its own last broadcasts, as it does not read its threads
        assertTrue(alpha(() -> inbox.broadcasts(agent("alpha", "bc-regie-" + s + "@alpha.test", "service-regie"), 50))
                .stream().noneMatch(b -> b.targetLabel().contains("Centre " + s)), "the régie's agent");

        // a second parent's own address only with their consent
        assertTrue(Mails.contains("bc-" + s + "-conjoint-oui@alpha.test", "/espace/message.xhtml?id="));
        // each family: one thread, unread, in its received messages; one mail with a link and no text
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= BROADCAST_FAMILIES; i++) {
            String email = "bc-" + s + "-" + i + "@alpha.test";
            String mails = Mails.await(email, m -> m.contains("/espace/message.xhtml?id="));
            if (mails.split("/espace/message.xhtml\\?id=", -1).length - 1 != 1 || mails.contains(secret) || mails.contains("pique-nique")
                    || mails.contains("Sortie du centre")) {
                missing.add(email + " : " + mails);
            }
        }
        assertEquals(List.of(), missing, "un courriel par famille, sans le message");
        // every mail of the broadcast has gone by now: none to the second parent who did not accept the commune's mails
        String refused = "bc-" + s + "-conjoint-non@alpha.test";
        String got;
        try {
            got = Mails.of(refused);
        } catch (AssertionError unknownToGreenMail) {
            got = ""; // never written to
        }
        assertFalse(got.contains("/espace/message.xhtml"), "no consent, no mail: " + got);
        SignedInUser first = FamilyFileIT.parent("alpha", "bc-" + s + "-1@alpha.test", true);
        // its first sign-in: the page's header counts the message before Accueil links the account to the file the town
        // hall made; an unverified address's account counts nothing (it will not be linked)
        assertEquals(1, alpha(() -> inbox.familyUnread(first)));
        assertEquals(0, alpha(() -> inbox.familyUnread(FamilyFileIT.parent("alpha", "bc-" + s + "-1@alpha.test", false))));
        List<ThreadRow> received = alpha(() -> inbox.familyThreads(first, Folder.RECEIVED));
        assertEquals(1, received.size());
        assertTrue(received.get(0).unread());
        assertEquals(1, alpha(() -> inbox.familyUnread(first)));
        // the family opens the file: its bytes
        long attachment = number("select a.id from message_attachment a join message m on m.id = a.message_id"
                + " where m.thread_id = " + received.get(0).id());
        assertArrayEquals(PDF, alpha(() -> inbox.familyAttachment(first, attachment)).orElseThrow().content());
        // each answers privately: the reply lands in its own thread only
        alphaDo(() -> inbox.familyReply(first, received.get(0).id(), "Nous viendrons.", List.of()));
        assertEquals(1, number("select count(*) from message m join message_thread t on t.id = m.thread_id"
                + " where t.broadcast_id = (select broadcast_id from message_thread where id = " + received.get(0).id() + ")"
                + " and m.side = 'FAMILY'"));
        assertEquals(0, number("select count(*) from message_attachment a join message m on m.id = a.message_id"
                + " join message_thread t on t.id = m.thread_id join family f on f.id = t.family_id where f.email like 'bc-" + s
                + "-%' and a.health"), "« autorisation.pdf » is not health data");
        // a file whose name speaks of health, sent to many: agent-sante's only, as one sent to a single family is
        alpha(() -> inbox.broadcast(agent, "enfance", target, "Fiches sanitaires", "La fiche à remplir.",
                List.of(new Upload("fiche_sanitaire_2027.pdf", PDF)), fr.portailfamille.platform.kernel.FormTokens.next()));
        assertEquals(BROADCAST_FAMILIES, number("select count(*) from message_attachment a join message m on m.id = a.message_id"
                + " join message_thread t on t.id = m.thread_id join family f on f.id = t.family_id where f.email like 'bc-" + s
                + "-%' and a.file_name = 'fiche_sanitaire_2027.pdf' and a.health"));
        // a scanned PAI whose name says nothing, ticked as health data by the agent who sends it
        alpha(() -> inbox.broadcast(agent, "enfance", target, "PAI signés", "Le PAI signé.",
                List.of(new Upload("scan-0042.pdf", PDF)), true, fr.portailfamille.platform.kernel.FormTokens.next()));
        assertEquals(BROADCAST_FAMILIES, number("select count(*) from message_attachment a join message m on m.id = a.message_id"
                + " join message_thread t on t.id = m.thread_id join family f on f.id = t.family_id where f.email like 'bc-" + s
                + "-%' and a.file_name = 'scan-0042.pdf' and a.health"));
        // every family's copy of a broadcast file reads one stored file: another family's id is nobody's, either way
        SignedInUser second = FamilyFileIT.parent("alpha", "bc-" + s + "-2@alpha.test", true);
        long secondThread = alpha(() -> inbox.familyThreads(second, Folder.RECEIVED)).stream()
                .filter(t -> t.id() != received.get(0).id()).findFirst().orElseThrow().id();
        assertTrue(alpha(() -> inbox.familyAttachment(second, attachment)).isEmpty(), "the first family's copy");
        long secondsCopy = number("select a.id from message_attachment a join message m on m.id = a.message_id"
                + " join message_thread t on t.id = m.thread_id join family f on f.id = t.family_id where f.email = 'bc-" + s
                + "-2@alpha.test' and a.file_name = 'autorisation.pdf'");
        assertTrue(alpha(() -> inbox.familyAttachment(first, secondsCopy)).isEmpty(), "the second family's copy");
        assertArrayEquals(PDF, alpha(() -> inbox.familyAttachment(second, secondsCopy)).orElseThrow().content());
        assertThrows(Exception.class, () -> alphaDo(() -> inbox.restore(first, secondThread)), "another family's thread");
        // a broadcast's health file: not for the service's agent without agent-sante; agent-sante's read in the family's
        // journal
        long sanitaire = number("select a.id from message_attachment a join message m on m.id = a.message_id"
                + " join message_thread t on t.id = m.thread_id join family f on f.id = t.family_id where f.email = 'bc-" + s
                + "-1@alpha.test' and a.file_name = 'fiche_sanitaire_2027.pdf'");
        assertTrue(alpha(() -> inbox.agentAttachment(agent, sanitaire)).isEmpty(), "sans agent-sante");
        SignedInUser sante = new SignedInUser("alpha", UUID.randomUUID().toString(), "Santé Alpha", "sante@alpha.test", true,
                List.of("agent", "agent-sante"), null);
        long family1 = number("select id from family where email = 'bc-" + s + "-1@alpha.test'");
        long reads = number("select count(*) from audit_log where action = 'LECTURE_SANTE' and family_id = " + family1);
        assertArrayEquals(PDF, alpha(() -> inbox.agentAttachment(sante, sanitaire)).orElseThrow().content());
        assertEquals(reads + 1, number("select count(*) from audit_log where action = 'LECTURE_SANTE' and family_id = "
                + family1));
    }
}
