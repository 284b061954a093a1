package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.documents.DocumentType;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.ValidatedFamilies.Parent;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.family.documents.FamilyDocuments.Filter;
import fr.portailfamille.platform.family.documents.FamilyDocuments.Row;
import fr.portailfamille.platform.family.documents.FamilyDocuments.State;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.registration.RegistrationService;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mes documents against the real PostgreSQL and GreenMail inside Payara Micro: the commune's types and their
 * validity, uploads checked on content, the agents' review (health types for agent-sante only) mailed to the
 * family, a validated document reused by a registration, the expiry notice mailed once, and every attempt to
 * reach another family's, another commune's or a health document refused.
 */
@ExtendWith(ArquillianExtension.class)
class FamilyDocumentsIT {

    private static final byte[] PDF = "%PDF-1.4\n% attestation\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTML_AS_PDF = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    FamilyDocuments documents;

    @Inject
    RegistrationService registrations;

    @Inject
    fr.portailfamille.platform.family.FamilyFileService files;

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

    void sql(String statement) throws Exception {
        alpha(() -> {
            tx.begin();
            em.createNativeQuery(statement).executeUpdate();
            tx.commit();
            return null;
        });
    }


    static SignedInUser staff(String slug, String... roles) {
        return new SignedInUser(slug, UUID.randomUUID().toString(), "Agent", "agent@" + slug + ".test", true,
                List.of(roles), null);
    }

    /** A validated family with one child. */
    Parent family(String slug) throws Exception {
        return families.create(slug, "docs");
    }

    /**
     * A file sent back to its family (a draft again): « Retirer cet enfant » on a child whose documents of Mes documents
     * are stored (a certificate médical among them) is refused, beside the children, nothing saved — the documents went
     * with the child, unsaid; once sent, the same.
     */
    @Test
    void aChildWithItsDocumentsIsNotTakenOutOfTheDraftWithThem() throws Exception {
        Parent p = family("alpha");
        LocalDate today = TestDays.today();
        long medical = alpha(() -> documents.upload(p.user(), "CERTIFICAT_MEDICAL", p.childId(), today, "certif.pdf", PDF));
        sql("update family set status = 'DRAFT' where id = " + p.familyId());
        fr.portailfamille.platform.family.FamilyForm form = alpha(() -> files.formOf(p.user()));
        form.getChildren().removeIf(c -> java.util.Objects.equals(c.getId(), p.childId()));
        List<fr.portailfamille.problems.FieldError> draft = alpha(() -> files.saveDraft(p.user(), form));
        assertEquals(List.of("children"), draft.stream().map(fr.portailfamille.problems.FieldError::field).distinct().toList());
        assertTrue(draft.get(0).text().french().contains("1 document(s) de Mes documents"),
                draft.get(0).text().french());
        List<fr.portailfamille.problems.FieldError> sent = alpha(() -> files.submit(p.user(), form));
        assertTrue(sent.stream().anyMatch(e -> e.field().equals("children")), sent.toString());
        assertTrue(alpha(() -> documents.mine(p.user())).stream().anyMatch(r -> r.id() == medical), "the certificate stays");
        assertEquals(1L, alpha(() -> ((Number) em.createNativeQuery("select count(*) from child where id = ?1")
                .setParameter(1, p.childId()).getSingleResult()).longValue()), "and the child");
        assertEquals("DRAFT", alpha(() -> em.createNativeQuery("select status from family where id = ?1")
                .setParameter(1, p.familyId()).getSingleResult()));
    }

    /**
     * Mon foyer's changes with the attestation de quotient familial attached: the request and the attestation (dated as
     * the form's proof date, waiting beside the request for the agent) in one transaction — a file refused sends no
     * request, a form refused stores no file; from another commune, nothing.
     */
    @Test
    void aQuotientChangeGoesWithItsAttestationInOneTransaction() throws Exception {
        Parent p = family("alpha");
        SignedInUser agent = staff("alpha", "agent");
        long familyId = alpha(() -> files.fileOf(p.user()).getId());
        LocalDate proofDay = TestDays.today().minusDays(3);
        assertEquals("QF", alpha(() -> documents.qfProofType()).orElseThrow(), "the default document types ask for it");

        var asked = quotient(p, "612", proofDay);
        assertEquals(List.of("qfProof"), fields(alpha(() -> documents.requestChangesWithProof(p.user(), asked, "caf.pdf",
                HTML_AS_PDF))), "beside the file's field");
        assertEquals(0, pendingRequests(familyId), "the file refused: the change not sent either");
        var expired = quotient(p, "612", TestDays.today().minusYears(3));
        assertEquals(List.of("qfProofDate"), fields(alpha(() -> documents.requestChangesWithProof(p.user(), expired,
                "caf.pdf", PDF))), "an attestation already expired");
        assertEquals(0, pendingRequests(familyId));
        // the form and the file checked together: both fixed in one go
        var letters = quotient(p, "abc", proofDay);
        assertEquals(List.of("quotientFamilial", "qfProof"), fields(alpha(() -> documents.requestChangesWithProof(p.user(),
                letters, "caf.pdf", HTML_AS_PDF))), "the form refused");
        assertEquals(List.of(), alpha(() -> documents.ofFamily(agent, familyId, "QF")), "no file kept");
        // its date too: a form refused for another field tells an attestation too old in the same round
        var lettersAndOld = quotient(p, "abc", TestDays.today().minusMonths(15));
        assertEquals(List.of("quotientFamilial", "qfProofDate"), fields(alpha(() -> documents.requestChangesWithProof(
                p.user(), lettersAndOld, "caf.pdf", PDF))), "both told at once");

        var good = quotient(p, "612", proofDay);
        assertEquals(List.of(), alpha(() -> documents.requestChangesWithProof(p.user(), good, "caf.pdf", PDF)));
        assertEquals(1, pendingRequests(familyId));
        List<Row> proofs = alpha(() -> documents.ofFamily(agent, familyId, "QF"));
        assertEquals(1, proofs.size());
        assertEquals(proofDay, proofs.get(0).getIssuedOn(), "dated as the form's proof");
        assertEquals("caf.pdf", proofs.get(0).getFileName());
        assertTrue(proofs.get(0).isPending(), "for the agent to check beside the request");

        // alpha's parent in beta: nothing sent, nothing stored
        var fromBeta = quotient(p, "700", proofDay);
        assertThrows(SecurityException.class, () -> in("beta", () -> documents.requestChangesWithProof(p.user(), fromBeta,
                "caf.pdf", PDF)));
        assertEquals(1, alpha(() -> documents.ofFamily(agent, familyId, "QF")).size());
        assertEquals(1, pendingRequests(familyId));
    }

    /** The family's file with a new quotient and its proof's date. */
    private fr.portailfamille.platform.family.FamilyForm quotient(Parent p, String qf, LocalDate proofDay) throws Exception {
        var form = alpha(() -> files.formOf(p.user()));
        form.setQuotientFamilialText(qf);
        form.setQfSource("CAF");
        form.setQfProofDate(proofDay);
        return form;
    }

    private static List<String> fields(List<fr.portailfamille.problems.FieldError> errors) {
        return errors.stream().map(fr.portailfamille.problems.FieldError::field).toList();
    }

    private long pendingRequests(long familyId) throws Exception {
        return alpha(() -> ((Number) em.createNativeQuery("select count(*) from change_request where family_id = ?1"
                + " and status = 'PENDING'").setParameter(1, familyId).getSingleResult()).longValue());
    }

    @Test
    void typesUploadReviewReuseAndExpiry() throws Exception {
        Parent p = family("alpha");
        Parent other = family("alpha");
        SignedInUser agent = staff("alpha", "agent");
        SignedInUser sante = staff("alpha", "agent", "agent-sante");
        LocalDate today = TestDays.today();

        // the default types, with their validity
        List<DocumentType> types = alpha(() -> documents.types());
        DocumentType assurance = types.stream().filter(t -> t.code().equals("ASSURANCE")).findFirst().orElseThrow();
        assertTrue(assurance.forChild());
        assertEquals(DocumentType.Validity.SCHOOL_YEAR, assurance.validity());
        assertTrue(types.stream().anyMatch(t -> t.code().equals("CERTIFICAT_MEDICAL") && t.health()));

        // uploads: hostile file, date in the future, a child of another family, a family type with no child
        Refused hostile = assertThrows(Refused.class, () -> alpha(() -> documents.upload(p.user(), "ASSURANCE", p.childId(),
                today, "attestation.pdf", HTML_AS_PDF)));
        assertEquals("file", hostile.field());
        assertTrue(hostile.getMessage().contains("PDF, JPEG ou PNG"), hostile.getMessage());
        assertEquals("issuedOn", assertThrows(Refused.class, () -> alpha(() -> documents.upload(p.user(), "ASSURANCE",
                p.childId(), today.plusDays(1), "a.pdf", PDF))).field());
        assertEquals("child", assertThrows(Refused.class, () -> alpha(() -> documents.upload(p.user(), "ASSURANCE",
                other.childId(), today, "a.pdf", PDF))).field());
        assertEquals("issuedOn", assertThrows(Refused.class, () -> alpha(() -> documents.upload(p.user(), "DOMICILE",
                null, today.minusMonths(4), "a.pdf", PDF))).field(), "un justificatif de plus de 3 mois");
        // several mistakes at once: each field told in one go, the first one first
        fr.portailfamille.platform.family.documents.UploadRefused several = assertThrows(
                fr.portailfamille.platform.family.documents.UploadRefused.class, () -> alpha(() -> documents.upload(p.user(),
                        null, null, null, "vide.pdf", new byte[0])));
        assertEquals(List.of("type", "issuedOn", "file"), several.all().stream().map(Refused::field).toList());
        assertEquals("type", several.field());
        assertTrue(alpha(() -> documents.mine(p.user())).isEmpty(), "rien d'enregistré");

        long insurance = alpha(() -> documents.upload(p.user(), "ASSURANCE", p.childId(), today, "assurance.pdf", PDF));
        long address = alpha(() -> documents.upload(p.user(), "DOMICILE", null, today, "edf.pdf", PDF));
        long medical = alpha(() -> documents.upload(p.user(), "CERTIFICAT_MEDICAL", p.childId(), today, "certif.pdf", PDF));
        // the same one sent again (a retry, a double tap): stored once, the first one's id answered
        assertEquals(medical, alpha(() -> documents.upload(p.user(), "CERTIFICAT_MEDICAL", p.childId(), today, "certif.pdf", PDF)));
        List<Row> mine = alpha(() -> documents.mine(p.user()));
        assertEquals(3, mine.size());
        assertTrue(mine.stream().allMatch(r -> r.state() == State.PENDING));
        assertEquals(assurance.expiresOn(today), mine.stream().filter(r -> r.id() == insurance).findFirst().orElseThrow().expiresOn());
        assertTrue(alpha(() -> documents.download(p.user(), insurance)).isPresent());

        // another family, another commune, a parent, an agent without agent-sante: refused
        assertTrue(alpha(() -> documents.download(other.user(), insurance)).isEmpty(), "document d'une autre famille");
        assertThrows(Exception.class, () -> in("beta", () -> documents.download(p.user(), insurance)), "autre commune");
        assertThrows(Exception.class, () -> in("beta", () -> {
            documents.review(staff("beta", "agent"), insurance, true, null);
            return null;
        }), "l'identifiant d'alpha n'existe pas chez beta");
        assertThrows(SecurityException.class, () -> alpha(() -> documents.search(p.user(), null, 0, 10, Sort.DEFAULT)));
        assertThrows(SecurityException.class, () -> alpha(() -> {
            documents.review(p.user(), insurance, true, null);
            return null;
        }));
        assertThrows(SecurityException.class, () -> alpha(() -> {
            documents.review(agent, medical, true, null);
            return null;
        }), "certificat médical : agent-sante seulement");
        assertThrows(SecurityException.class, () -> alpha(() -> documents.agentDownload(agent, medical)));
        // agent-sante opens it: who read it is in the file's journal, as for a registration's or an absence's certificate
        String reads = "select count(*) from audit_log where action = 'LECTURE_SANTE' and family_id = " + p.familyId();
        long before = alpha(() -> ((Number) em.createNativeQuery(reads).getSingleResult()).longValue());
        assertTrue(alpha(() -> documents.agentDownload(sante, medical)).isPresent());
        assertEquals(before + 1, alpha(() -> ((Number) em.createNativeQuery(reads).getSingleResult()).longValue()));
        Filter pendingOfType = new Filter("CERTIFICAT_MEDICAL", State.PENDING, null);
        assertEquals(0, alpha(() -> documents.count(agent, pendingOfType)), "un agent sans agent-sante ne les voit pas");
        assertTrue(alpha(() -> documents.search(sante, pendingOfType, 0, 100, Sort.DEFAULT)).stream()
                .anyMatch(r -> r.id() == medical));
        // the menu's count is the queue's: an agent without agent-sante does not count the medical certificate
        long menu = alpha(() -> documents.pendingCount(agent));
        assertTrue(menu >= 2, "the insurance and the proof of address");
        assertEquals(alpha(() -> documents.count(agent, new Filter(null, State.PENDING, null))), menu);
        assertTrue(alpha(() -> documents.pendingCount(sante)) >= menu + 1, "agent-sante counts it");

        // the family file's Documents tab: its own documents, newest first; the medical certificate for agent-sante only
        assertEquals(List.of(address, insurance), alpha(() -> documents.ofFamily(agent, p.familyId(), null)).stream()
                .map(Row::id).toList(), "health one left out");
        assertEquals(List.of(medical, address, insurance), alpha(() -> documents.ofFamily(sante, p.familyId(), null)).stream()
                .map(Row::id).toList());
        assertEquals(List.of(address), alpha(() -> documents.ofFamily(agent, p.familyId(), "DOMICILE")).stream()
                .map(Row::id).toList(), "by type (the proofs beside a change request)");
        assertTrue(alpha(() -> documents.ofFamily(agent, other.familyId(), null)).isEmpty(), "another family's: none of these");
        assertThrows(SecurityException.class, () -> alpha(() -> documents.ofFamily(p.user(), p.familyId(), null)), "a parent");
        assertThrows(SecurityException.class, () -> in("beta", () -> documents.ofFamily(agent, p.familyId(), null)),
                "an agent of alpha in beta");
        assertTrue(in("beta", () -> documents.ofFamily(staff("beta", "agent", "agent-sante"), p.familyId(), null)).isEmpty(),
                "beta's agents read nothing of alpha's family by its id");

        // a document that expired while it waited is not validated (the family would read a validity already gone by)
        sql("update family_document set expires_on = current_date - 1 where id = " + address);
        Refused expired = assertThrows(Refused.class, () -> alpha(() -> {
            documents.review(agent, address, true, null);
            return null;
        }));
        assertTrue(expired.getMessage().startsWith("Ce document a expiré le "), expired.getMessage());
        sql("update family_document set expires_on = current_date + 90 where id = " + address);

        // review: a refusal needs a reason; both are mailed
        assertEquals("reason", assertThrows(Refused.class, () -> alpha(() -> {
            documents.review(agent, address, false, " ");
            return null;
        })).field());
        alpha(() -> {
            documents.review(agent, address, false, "Illisible");
            documents.review(agent, insurance, true, null);
            documents.review(sante, medical, true, null);
            return null;
        });
        assertThrows(Refused.class, () -> alpha(() -> {
            documents.review(agent, insurance, false, "déjà décidé");
            return null;
        }));
        Mails.await(p.user().email(), m -> m.contains("Motif : Illisible") && m.contains("a =C3=A9t=C3=A9 valid")
                || m.contains("Motif : Illisible") && m.contains("a été validé"));
        // the medical certificate's review is told without its type, its child or a reason: health data stays on the portal
        assertTrue(Mails.contains(p.user().email(), "Un document de santé de votre dossier a été examiné"), Mails.of(p.user().email()));
        mine = alpha(() -> documents.mine(p.user()));
        Row refused = mine.stream().filter(r -> r.id() == address).findFirst().orElseThrow();
        assertEquals(State.REFUSED, refused.state());
        assertEquals("Illisible", refused.reason());
        assertEquals(State.VALIDATED, mine.stream().filter(r -> r.id() == insurance).findFirst().orElseThrow().state());

        // reuse: an activity asking for the insurance takes the validated one, the family sends nothing
        String code = "DOC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        sql("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                + " values ('" + code + "', 'Activité " + code + "', 'PERISCOLAIRE', 'J-2@23:59', 'J-2@23:59', 'REFUSED')");
        sql("insert into activity_document (activity_id, position, label) select id, 0, 'Attestation d''assurance scolaire'"
                + " from activity where code = '" + code + "'");
        long activity = alpha(() -> ((Number) em.createNativeQuery("select id from activity where code = ?1")
                .setParameter(1, code).getSingleResult()).longValue());
        assertTrue(alpha(() -> registrations.providedByMesDocuments(p.user(), p.childId(), "Attestation d'assurance scolaire")));
        Refused otherAsked = assertThrows(Refused.class, () -> alpha(() -> registrations.register(other.user(),
                other.childId(), List.of(activity), Map.of(), true)));
        assertEquals("Joignez le document « Attestation d'assurance scolaire ».", otherAsked.getMessage(),
                "l'autre famille n'a pas de document validé");
        long registration = alpha(() -> registrations.register(p.user(), p.childId(), List.of(activity), Map.of(), true))
                .get(0).getId();
        assertEquals("assurance.pdf", alpha(() -> registrations.documentsOf(registration)).get(0).fileName());

        // expiry: the validated insurance expires in 10 days: on Accueil, mailed once
        sql("update family_document set expires_on = current_date + 10 where id = " + insurance);
        assertTrue(alpha(() -> documents.notices(p.user())).stream().anyMatch(n -> n.french().contains("expire le")),
                "avis sur l'accueil");
        int first = alpha(() -> documents.sendExpiryNotices());
        assertTrue(first >= 1);
        assertEquals(0, alpha(() -> documents.sendExpiryNotices()), "une seule fois");
        String mails = Mails.await(p.user().email(), m -> m.contains("Mes documents") && m.contains("expire le"));
        assertEquals(1, mails.split("expire le", -1).length - 1, "un seul avis : " + mails);
        assertTrue(mails.contains("scolaire (" + p.firstName() + ") expire le"), "the child named inside the sentence: " + mails);
        sql("update family_document set expires_on = current_date - 1 where id = " + insurance);
        assertEquals(State.EXPIRED, alpha(() -> documents.mine(p.user())).stream().filter(r -> r.id() == insurance)
                .findFirst().orElseThrow().state());
        assertTrue(alpha(() -> documents.validFor(p.familyId(), p.childId(), "ASSURANCE")).isEmpty(), "expiré : plus réutilisé");
        Filter expiredInsurances = new Filter("ASSURANCE", State.EXPIRED, null);
        assertTrue(alpha(() -> documents.search(agent, expiredInsurances, 0, 100, Sort.DEFAULT)).stream()
                .anyMatch(r -> r.id() == insurance));
        // renewed: the family sent the new one, the agents' « expiré » list no longer asks them for it
        long renewed = alpha(() -> documents.upload(p.user(), "ASSURANCE", p.childId(), today.minusDays(1), "assurance-2.pdf",
                PDF));
        assertTrue(alpha(() -> documents.search(agent, expiredInsurances, 0, 100, Sort.DEFAULT)).stream()
                .noneMatch(r -> r.id() == insurance), "remplacé par " + renewed);
        assertTrue(alpha(() -> documents.search(agent, new Filter("ASSURANCE", null, today.plusYears(2)), 0, 100,
                Sort.DEFAULT)).stream().noneMatch(r -> r.id() == insurance), "« expirant au plus tard » non plus");

        // a file whose name says it is a health one, sent under another type: health data all the same
        long named = alpha(() -> documents.upload(p.user(), "DOMICILE", null, today.minusDays(2), "certificat médical Léa.pdf",
                PDF));
        assertThrows(SecurityException.class, () -> alpha(() -> documents.agentDownload(agent, named)));
        assertTrue(alpha(() -> documents.ofFamily(agent, p.familyId(), null)).stream().noneMatch(r -> r.id() == named));
        assertTrue(alpha(() -> documents.agentDownload(sante, named)).isPresent());

        // sent by mistake: the family withdraws it while it waits; not another family, not an agent, not once reviewed
        assertEquals("Document introuvable.", assertThrows(Refused.class, () -> alpha(() -> {
            documents.withdraw(other.user(), named);
            return null;
        })).getMessage());
        assertThrows(SecurityException.class, () -> alpha(() -> {
            documents.withdraw(agent, named);
            return null;
        }));
        assertThrows(Exception.class, () -> in("beta", () -> {
            documents.withdraw(p.user(), named);
            return null;
        }), "another commune's host");
        assertTrue(assertThrows(Refused.class, () -> alpha(() -> {
            documents.withdraw(p.user(), insurance);
            return null;
        })).getMessage().startsWith("Ce document a déjà été examiné"));
        alpha(() -> {
            documents.withdraw(p.user(), named);
            return null;
        });
        assertTrue(alpha(() -> documents.mine(p.user())).stream().noneMatch(r -> r.id() == named), "gone");
        assertTrue(alpha(() -> documents.mine(p.user())).stream().anyMatch(r -> r.id() == insurance), "the reviewed one stays");
    }
}
