package fr.portailfamille.platform.family.documents;

import fr.portailfamille.documents.DocumentExpiry;
import fr.portailfamille.documents.DocumentType;
import fr.portailfamille.documents.DocumentTypeRules;
import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyForm;
import fr.portailfamille.platform.family.FamilyLocks;
import fr.portailfamille.platform.kernel.Denied;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.Rows;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.kernel.UploadChecker;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Message;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The family's documents: upload (checked on content, stored in the commune's schema in the same transaction),
 * its own list and downloads; the agents' search, download and review (health types by {@code agent-sante}
 * only, checked here); the valid document a registration reuses; the expiry notices. Each call is one transaction.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class FamilyDocuments {

    /** The oldest date a document may bear. */
    static final LocalDate OLDEST = LocalDate.of(1900, 1, 1);

    static final String PAGE = "/espace/documents.xhtml";

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    @Inject
    FamilyMails mails;

    @Resource
    TransactionSynchronizationRegistry registry;

    @Inject
    fr.portailfamille.platform.family.HealthRecords health;

    Clock clock = PlatformTime.clock();

    /** State of a document as the family reads it. */
    public enum State {
        PENDING("en attente"), VALIDATED("validé"), REFUSED("refusé"), EXPIRED("expiré");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A document without its content, as lists show it ({@code size}: the file's bytes). */
    public record Row(long id, String typeCode, String typeLabel, boolean health, long familyId, String familyLabel,
            Long childId, String childName, LocalDate issuedOn, LocalDate expiresOn, State state, String reason,
            String fileName, long size, OffsetDateTime uploadedAt) implements Serializable {
        public String getTypeLabel() { return typeLabel; }
        public String getChildName() { return childName; }
        public LocalDate getExpiresOn() { return expiresOn; }
        public LocalDate getIssuedOn() { return issuedOn; }
        public String getState() { return state.name(); }
        public String getReason() { return reason; }
        public String getFileName() { return fileName; }
        public String getFamilyLabel() { return familyLabel; }
        public long getId() { return id; }
        public boolean isHealth() { return health; }
        public boolean isPending() { return state == State.PENDING; }
        public OffsetDateTime getUploadedAt() { return uploadedAt; }
    }

    /** A stored file. */
    public record Stored(long id, String label, String fileName, String contentType, byte[] content) {
    }

    /** What agents search on; {@code null} fields do not filter. */
    public record Filter(String typeCode, State state, LocalDate expiringBy) implements Serializable {
    }

    // ---- types ----------------------------------------------------------------------------------

    /** The commune's document types, in their order. */
    public List<DocumentType> types() {
        List<DocumentType> types = new ArrayList<>();
        for (Object row : em.createNativeQuery("select code, label, for_child, health, validity, validity_months, valid_until"
                + " from document_type order by position, label").getResultList()) {
            Object[] r = (Object[]) row;
            types.add(new DocumentType((String) r[0], (String) r[1], (Boolean) r[2], (Boolean) r[3],
                    DocumentType.Validity.valueOf((String) r[4]), r[5] == null ? null : ((Number) r[5]).intValue(),
                    r[6] == null ? null : Rows.day(r[6])));
        }
        return types;
    }

    private Optional<DocumentType> type(String code) {
        return types().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    // ---- families -------------------------------------------------------------------------------

    /** The signed-in family's documents, newest first (none before its file is stored). */
    public List<Row> mine(SignedInUser user) {
        Family f = files.fileOf(user);
        if (f.getId() == null) {
            return List.of();
        }
        return rows(" where d.family_id = ?1 order by d.uploaded_at desc, d.id desc", Map.of(1, f.getId()));
    }

    /** One of the signed-in family's documents; another family's, or an unknown id, answers empty. */
    public Optional<Row> mine(SignedInUser user, long id) {
        Family f = files.fileOf(user);
        if (f.getId() == null) {
            return Optional.empty();
        }
        return rows(" where d.id = ?1 and d.family_id = ?2", Map.of(1, id, 2, f.getId())).stream().findFirst();
    }

    /**
     * Stores a document the family sends for itself or one of its children, waiting for an agent's review.
     *
     * The same document sent twice within ten minutes (same type, child, date and bytes, still waiting for review) is
     * stored once: the second sending answers the first one's id.
     *
     * @throws UploadRefused with the field concerned ({@code type}, {@code child}, {@code issuedOn}, {@code file}) and
     *                       why; nothing is stored
     */
    public long upload(SignedInUser user, String typeCode, Long childId, LocalDate issuedOn, String fileName, byte[] content) {
        if (StaffRoles.isStaff(user)) {
            throw new Denied(Refused.text("documents.staff.noDocuments"));
        }
        Family f = files.fileOf(user);
        if (f.getId() == null) {
            throw new UploadRefused(UploadRefused.Reason.NO_FAMILY_FILE, null, Refused.text("documents.noFamilyFile"));
        }
        // every field checked before refusing: the family fixes the form in one go (its file is picked again once)
        Checked checked = check(f, typeCode, childId, issuedOn, fileName, content);
        List<UploadRefused> refused = checked.refused();
        DocumentType type = checked.type();
        Child child = checked.child();
        UploadChecker.Accepted file = checked.file();
        if (!refused.isEmpty()) {
            throw refused.size() == 1 ? refused.get(0) : new UploadRefused(refused);
        }
        LocalDate expires = type.expiresOn(issuedOn);
        // the same document sent again (a phone retrying on a bad network, a double tap): the one already received,
        // not a second one for the agents to review; the family's row locked, so that two copies at once find each other
        FamilyLocks.row(em, f.getId());
        List<?> same = em.createNativeQuery("select id from family_document where family_id = ?1 and type_code = ?2"
                        + " and child_id is not distinct from cast(?3 as bigint) and issued_on = ?4 and status = 'PENDING'"
                        + " and uploaded_at > now() - interval '10 minutes' and content = ?5 order by id desc limit 1")
                .setParameter(1, f.getId()).setParameter(2, type.code()).setParameter(3, child == null ? null : child.getId())
                .setParameter(4, issuedOn).setParameter(5, file.content()).getResultList();
        if (!same.isEmpty()) {
            return ((Number) same.get(0)).longValue();
        }
        return ((Number) em.createNativeQuery("insert into family_document (family_id, child_id, type_code, health,"
                        + " issued_on, expires_on, status, file_name, content_type, content) values"
                        + " (?1, cast(?2 as bigint), ?3, ?4, ?5, cast(?6 as date), 'PENDING', ?7, ?8, ?9) returning id")
                .setParameter(1, f.getId()).setParameter(2, child == null ? null : child.getId())
                // a type named for health is health data even if it was saved unticked before that rule (ConfigurationStore)
                // and a file whose name says so (« certificat médical.pdf » sent as « Autre document »), as a message's file
                .setParameter(3, type.code()).setParameter(4, type.health()
                        || fr.portailfamille.documents.DocumentTypeRules.isHealth(List.of(), type.label())
                        || fr.portailfamille.documents.DocumentTypeRules.isHealth(List.of(), file.fileName()))
                .setParameter(5, issuedOn)
                .setParameter(6, expires).setParameter(7, file.fileName()).setParameter(8, file.contentType())
                .setParameter(9, file.content()).getSingleResult()).longValue();
    }

    /** A document's fields as checked, every refusal with them: the type, the family's child, the file accepted. */
    private record Checked(List<UploadRefused> refused, DocumentType type, Child child, UploadChecker.Accepted file) {
    }

    /** Every field of a document of family {@code f} checked at once ({@link #upload}), nothing stored. */
    private Checked check(Family f, String typeCode, Long childId, LocalDate issuedOn, String fileName, byte[] content) {
        List<UploadRefused> refused = new ArrayList<>();
        DocumentType type = typeCode == null ? null : type(typeCode).orElse(null);
        if (type == null) {
            refused.add(new UploadRefused(UploadRefused.Reason.UNKNOWN_TYPE, "type", Refused.text("documents.type.required")));
        }
        Child child = null;
        if (type != null && type.forChild()) {
            if (childId == null) {
                refused.add(new UploadRefused(UploadRefused.Reason.CHILD_MISSING, "child",
                        Refused.text("documents.child.required")));
            } else {
                child = f.getChildren().stream().filter(c -> c.getId() != null && c.getId() == childId.longValue())
                        .findFirst().orElse(null);
                if (child == null) {
                    refused.add(new UploadRefused(UploadRefused.Reason.CHILD_UNKNOWN, "child",
                            Refused.text("documents.child.notYours")));
                }
            }
        }
        LocalDate today = PlatformTime.today(clock);
        if (issuedOn == null) {
            refused.add(new UploadRefused(UploadRefused.Reason.DATE_MISSING, "issuedOn", Refused.text("documents.date.required")));
        } else if (issuedOn.isAfter(today)) {
            refused.add(new UploadRefused(UploadRefused.Reason.DATE_FUTURE, "issuedOn", Refused.text("documents.date.future")));
        } else if (issuedOn.isBefore(OLDEST)) {
            // a typing slip (0001-01-01, -5000-01-01): a clear refusal, not the database's "date out of range"
            refused.add(new UploadRefused(UploadRefused.Reason.DATE_TOO_OLD, "issuedOn", Refused.text("documents.date.tooOld")));
        } else if (type != null && DocumentExpiry.expired(type.expiresOn(issuedOn), today)) {
            refused.add(new UploadRefused(UploadRefused.Reason.DATE_EXPIRED, "issuedOn",
                    Refused.text("documents.date.expired", validity(type))));
        }
        UploadChecker.Accepted file = null;
        try {
            file = UploadChecker.check(UploadChecker.the("document"), fileName, content);
        } catch (UploadChecker.Rejected e) {
            refused.add(new UploadRefused(switch (e.reason()) {
                case EMPTY -> UploadRefused.Reason.FILE_MISSING;
                case TOO_BIG -> UploadRefused.Reason.FILE_TOO_BIG;
                case NOT_ACCEPTED -> UploadRefused.Reason.FILE_NOT_ACCEPTED;
            }, "file", e.text()));
        }
        return new Checked(refused, type, child, file);
    }

    /**
     * The code of the commune's type for the attestation de quotient familial ({@link DocumentTypeRules#quotientProof}:
     * the default's, else the one named for it); empty when it has none, and then none is offered with a quotient's
     * change nor shown beside it.
     */
    public Optional<String> qfProofType() {
        return DocumentTypeRules.quotientProof(types()).map(DocumentType::code);
    }

    /**
     * "Envoyer mes modifications" on Mon foyer with the attestation de quotient familial attached ({@code content}; none:
     * the change requests alone): the requests ({@link FamilyFileService#requestChanges}) and the attestation, dated as
     * the form's proof date (else today), waiting for an agent's review beside them — in one transaction: an attestation
     * refused leaves no request sent, a form refused no attestation stored. The form and the file are checked together
     * (fixed in one go).
     *
     * @return every problem, on the form's fields ({@code qfProof} for the file, {@code qfProofDate} for its date);
     *         nothing stored when there is one
     */
    public List<FieldError> requestChangesWithProof(SignedInUser user, FamilyForm proposed, String fileName, byte[] content) {
        boolean attached = content != null && content.length > 0;
        List<FieldError> errors = new ArrayList<>(files.requestChanges(user, proposed));
        if (!errors.isEmpty()) {
            if (attached) {
                // the attestation checked as its upload would be (its file, and its date for its type's validity): the
                // form fixed in one go, the file picked again once
                List<FieldError> proof = check(files.fileOf(user), qfProofType().orElse(null), null, proofDate(proposed),
                        fileName, content).refused().stream().filter(r -> PROOF_FIELDS.containsKey(r.field()))
                        .map(r -> new FieldError(PROOF_FIELDS.get(r.field()), r.text()))
                        .filter(p -> errors.stream().noneMatch(e -> e.field().equals(p.field()))).toList();
                errors.addAll(proof);
            }
            return errors;
        }
        if (attached) {
            try {
                upload(user, qfProofType().orElse(null), null, proofDate(proposed), fileName, content);
            } catch (UploadRefused e) {
                registry.setRollbackOnly(); // the requests just written are not sent without their attestation
                return e.all().stream().map(r -> new FieldError(PROOF_FIELDS.getOrDefault(r.field(), ""), r.text())).toList();
            }
        }
        return errors;
    }

    /** The attestation's date: the form's proof date, else today. */
    private LocalDate proofDate(FamilyForm proposed) {
        return proposed.getQfProofDate() == null ? PlatformTime.today(clock) : proposed.getQfProofDate();
    }

    /** An attestation's fields ({@link #upload}) as Mon foyer's form names them. */
    private static final Map<String, String> PROOF_FIELDS = Map.of("file", "qfProof", "issuedOn", "qfProofDate");

    /**
     * Withdraws one of the signed-in family's documents still waiting for review — sent by mistake (the wrong file, the
     * wrong child): gone, as if never sent. A reviewed one stays (the agents' decision is the file's history), and so
     * does one given as the proof of a request window's request (replaced there, with the request).
     *
     * @throws Refused {@code documents.notFound} for another family's or an unknown id, or why it stays
     */
    public void withdraw(SignedInUser user, long id) {
        if (StaffRoles.isStaff(user)) {
            throw new Denied(Refused.text("documents.staff.noDocuments"));
        }
        Family f = files.fileOf(user);
        @SuppressWarnings("unchecked")
        List<Object[]> found = f.getId() == null ? List.of() : em.createNativeQuery("select d.status, exists (select 1 from"
                        + " window_request r where r.proof_document_id = d.id) from family_document d where d.id = ?1"
                        + " and d.family_id = ?2 for update of d").setParameter(1, id).setParameter(2, f.getId())
                .getResultList();
        if (found.isEmpty()) {
            throw new Refused(Refused.text("documents.notFound"));
        }
        if (!"PENDING".equals(found.get(0)[0])) {
            throw new Refused(Refused.text("documents.withdraw.reviewed"));
        }
        if (Boolean.TRUE.equals(found.get(0)[1])) {
            throw new Refused(Refused.text("documents.withdraw.windowProof"));
        }
        em.createNativeQuery("delete from family_document where id = ?1").setParameter(1, id).executeUpdate();
    }

    /** One of the signed-in family's own documents, with its content; another family's answers empty. */
    public Optional<Stored> download(SignedInUser user, long id) {
        Family f = files.fileOf(user);
        if (f.getId() == null) {
            return Optional.empty();
        }
        return stored(" and d.family_id = ?2", id, f.getId());
    }

    /** Notices for Accueil: the family's latest validated documents expired or expiring within 30 days. */
    public List<Message> notices(SignedInUser user) {
        Family f = files.fileOf(user);
        if (f.getId() == null) {
            return List.of();
        }
        LocalDate today = PlatformTime.today(clock);
        List<Message> notices = new ArrayList<>();
        for (Object row : em.createNativeQuery("select t.label, d.expires_on, c.first_name from family_document d"
                        + " join document_type t on t.code = d.type_code left join child c on c.id = d.child_id"
                        + " where d.family_id = ?1 and d.status = 'VALIDATED' and d.expires_on <= ?2" + LATEST
                        + " order by d.expires_on")
                .setParameter(1, f.getId()).setParameter(2, today.plusDays(DocumentExpiry.NOTICE_DAYS)).getResultList()) {
            Object[] r = (Object[]) row;
            notices.add(DocumentExpiry.text((String) r[0], (String) r[2], Rows.day(r[1]), today));
        }
        return notices;
    }

    /** Not superseded by a newer document of the same type and child, validated or waiting. */
    private static final String LATEST = " and not exists (select 1 from family_document n where n.family_id = d.family_id"
            + " and n.type_code = d.type_code and n.child_id is not distinct from d.child_id and n.id > d.id"
            + " and n.status in ('PENDING', 'VALIDATED'))";

    // ---- registrations --------------------------------------------------------------------------

    /**
     * The family's validated, unexpired document a registration asks for by {@code required} — a type's code, or
     * the label of exactly one type ({@link DocumentTypeRules#named}) —, for this child or for the whole family;
     * the newest one. Documents are matched on that type's code, never on a label.
     */
    public Optional<Stored> validFor(long familyId, long childId, String required) {
        Optional<DocumentType> type = DocumentTypeRules.named(types(), required);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select d.id, t.label, d.file_name, d.content_type, d.content"
                        + " from family_document d join document_type t on t.code = d.type_code"
                        + " where d.family_id = ?1 and (d.child_id = ?2 or d.child_id is null) and d.status = 'VALIDATED'"
                        + " and (d.expires_on is null or d.expires_on >= ?3)"
                        + " and d.type_code = ?4 order by d.id desc limit 1")
                .setParameter(1, familyId).setParameter(2, childId).setParameter(3, PlatformTime.today(clock))
                .setParameter(4, type.get().code()).getResultList();
        return rows.stream().findFirst().map(FamilyDocuments::toStored);
    }

    // ---- agents ---------------------------------------------------------------------------------

    /**
     * How many documents wait for this agent's review (the staff menu's count: a number, no health data): the health
     * ones only for {@code agent-sante}, as the queue it leads to.
     */
    public long pendingCount(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        return ((Number) em.createNativeQuery("select count(*) from family_document d where d.status = 'PENDING'"
                + " and (not d.health or ?1)").setParameter(1, StaffRoles.mayReadHealth(agent)).getSingleResult()).longValue();
    }

    /**
     * A family's documents for an agent of the commune (its file's "Documents" tab, the proofs beside a change request),
     * newest first; health ones for {@code agent-sante} only, left out without a word for others (a count would tell
     * that this family holds some); {@code typeCode} {@code null} for every type.
     *
     * @throws SecurityException for anyone but an agent of this commune
     */
    public List<Row> ofFamily(SignedInUser agent, long familyId, String typeCode) {
        StaffRoles.requireAgent(agent);
        Map<Integer, Object> params = new java.util.HashMap<>(Map.of(1, familyId, 2, StaffRoles.mayReadHealth(agent)));
        if (typeCode != null) {
            params.put(3, typeCode);
        }
        return rows(" where d.family_id = ?1 and (not d.health or ?2)" + (typeCode == null ? "" : " and d.type_code = ?3")
                + " order by d.uploaded_at desc, d.id desc", params);
    }

    static final Map<String, String> SORTS = Map.of("type", "t.label", "family", "f.label", "expires", "d.expires_on",
            "uploaded", "d.uploaded_at");

    /** How many documents match (health ones only for {@code agent-sante}). */
    public long count(SignedInUser agent, Filter filter) {
        StaffRoles.requireAgent(agent);
        Query q = em.createNativeQuery("select count(*) from family_document d join document_type t on t.code = d.type_code"
                + " join family f on f.id = d.family_id" + where(agent, filter));
        bind(q, agent, filter);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** One page of the documents matching, oldest upload first unless sorted otherwise. */
    public List<Row> search(SignedInUser agent, Filter filter, int offset, int limit, Sort sort) {
        StaffRoles.requireAgent(agent);
        Query q = em.createNativeQuery(SELECT + where(agent, filter) + " order by "
                + sort.orderBy(SORTS, "d.uploaded_at", "d.id") + " offset ?10 limit ?11");
        bind(q, agent, filter);
        q.setParameter(10, Sort.offset(offset)).setParameter(11, Sort.limit(limit));
        return rows(q);
    }

    private static String where(SignedInUser agent, Filter f) {
        StringBuilder w = new StringBuilder(" where (not d.health or ?1)");
        if (f != null && f.typeCode() != null) {
            w.append(" and d.type_code = ?2");
        }
        if (f != null && f.state() != null) {
            w.append(switch (f.state()) {
                case PENDING -> " and d.status = 'PENDING'";
                case REFUSED -> " and d.status = 'REFUSED'";
                case VALIDATED -> " and d.status = 'VALIDATED' and (d.expires_on is null or d.expires_on >= ?3)";
                // a document replaced by a newer one (waiting or validated) is no longer the family's to renew
                case EXPIRED -> " and d.status = 'VALIDATED' and d.expires_on < ?3" + LATEST;
            });
        }
        if (f != null && f.expiringBy() != null) {
            w.append(" and d.expires_on <= ?4").append(LATEST);
        }
        return w.toString();
    }

    private void bind(Query q, SignedInUser agent, Filter f) {
        q.setParameter(1, StaffRoles.mayReadHealth(agent));
        if (f != null && f.typeCode() != null) {
            q.setParameter(2, f.typeCode());
        }
        if (f != null && (f.state() == State.VALIDATED || f.state() == State.EXPIRED)) {
            q.setParameter(3, PlatformTime.today(clock));
        }
        if (f != null && f.expiringBy() != null) {
            q.setParameter(4, f.expiringBy());
        }
    }

    /** A document with its content for an agent; a health document for {@code agent-sante} only, its read audited. */
    public Optional<Stored> agentDownload(SignedInUser agent, long id) {
        StaffRoles.requireAgent(agent);
        Optional<Row> row = row(id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (row.get().health()) {
            // as a registration's or an absence's health document: who opened it is in the file's journal
            health.healthRead(agent, "document « " + row.get().typeLabel() + " »", row.get().familyId(), row.get().childId());
        }
        return stored("", id, null);
    }

    /**
     * Accepts or refuses (a reason is required, sent to the family) a waiting document; the family is mailed.
     * A health document is decided by {@code agent-sante} only.
     */
    public void review(SignedInUser agent, long id, boolean accept, String reason) {
        StaffRoles.requireAgent(agent);
        Row row = row(id).orElseThrow(() -> new Refused(Refused.text("documents.notFound")));
        if (row.health()) {
            StaffRoles.requireHealthAgent(agent);
        }
        String why = Refused.decisionReason(accept, reason);
        if (accept && DocumentExpiry.expired(row.expiresOn(), PlatformTime.today(clock))) {
            // it expired while it waited: validated, the family would read "valable jusqu'au" a day gone by and believe
            // its file complete; refused with a reason, it is asked for a newer one
            throw new Refused(Refused.text("documents.review.expired", DAY.format(row.expiresOn())));
        }
        int changed = em.createNativeQuery("update family_document set status = ?1, reason = cast(?2 as varchar), reviewed_at = ?3,"
                        + " reviewed_by = ?4 where id = ?5 and status = 'PENDING'")
                .setParameter(1, accept ? "VALIDATED" : "REFUSED").setParameter(2, accept ? null : why)
                .setParameter(3, OffsetDateTime.now(clock)).setParameter(4, agent.email()).setParameter(5, id).executeUpdate();
        if (changed == 0) {
            throw new Refused(Refused.text("documents.alreadyReviewed"));
        }
        if (row.health()) {
            // health data stays on the portal: neither the type, nor the child, nor the reason in a mail
            mails.send(familyEmail(row.familyId()), "Document de santé examiné", "Un document de santé de votre dossier a été"
                    + " examiné par le service enfance. " + (accept ? "Son résultat est" : "Son résultat et le motif sont")
                    + " dans Mes documents.",
                    PAGE);
            return;
        }
        String what = "« " + row.typeLabel() + " »" + (row.childName() == null ? "" : " (" + row.childName() + ")");
        mails.send(familyEmail(row.familyId()), accept ? "Document validé" : "Document refusé", accept
                ? "Votre document " + what + " a été validé."
                + (row.expiresOn() == null ? "" : " Il est valable jusqu'au " + DAY.format(row.expiresOn()) + ".")
                : "Votre document " + what + " a été refusé. Motif : " + why + "\nVous pouvez en envoyer un autre.", PAGE);
    }

    /** How long a document of {@code type} stays valid, as {@link DocumentType#validityText()} writes it in French. */
    static Message validity(DocumentType type) {
        return switch (type.validity()) {
            case SCHOOL_YEAR -> Refused.text("documents.validity.schoolYear");
            case MONTHS -> Refused.text("documents.validity.months", type.months());
            case UNTIL -> Refused.text("documents.validity.until", DAY.format(type.until()));
            case PERMANENT -> Refused.text("documents.validity.permanent");
        };
    }

    static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    // ---- expiry ---------------------------------------------------------------------------------

    /**
     * Mails each family whose latest validated document expires within 30 days, once per document; returns how
     * many mails were sent.
     */
    public int sendExpiryNotices() {
        LocalDate today = PlatformTime.today(clock);
        int sent = 0;
        for (Object row : em.createNativeQuery("select d.id, t.label, d.expires_on, f.email, c.first_name, d.health"
                        + " from family_document d join document_type t on t.code = d.type_code join family f on f.id = d.family_id"
                        + " left join child c on c.id = d.child_id where d.status = 'VALIDATED' and d.expiry_notified_on is null"
                        + " and d.expires_on between ?1 and ?2" + LATEST + " order by d.id for update of d skip locked")
                .setParameter(1, today).setParameter(2, today.plusDays(DocumentExpiry.NOTICE_DAYS)).getResultList()) {
            Object[] r = (Object[]) row;
            em.createNativeQuery("update family_document set expiry_notified_on = ?1 where id = ?2")
                    .setParameter(1, today).setParameter(2, Rows.id(r[0])).executeUpdate();
            if (Boolean.TRUE.equals(r[5])) {
                // a PAI, a vaccination record: neither its type nor the child in a mail
                mails.send((String) r[3], "Un document de santé arrive à expiration", "Un document de santé de votre dossier"
                        + " expire le " + DAY.format(Rows.day(r[2])) + ".\nEnvoyez-en une nouvelle version dans Mes documents.",
                        PAGE);
                sent++;
                continue;
            }
            String label = (String) r[1];
            mails.send((String) r[3], label + " : bientôt expiré(e)", DocumentExpiry.notice(label, (String) r[4],
                    Rows.day(r[2]), today) + "\nEnvoyez-en une nouvelle version dans Mes documents.", PAGE);
            sent++;
        }
        return sent;
    }

    // ---- reading --------------------------------------------------------------------------------

    private static final String SELECT = "select d.id, d.type_code, t.label, d.health, d.family_id, f.label,"
            + " d.child_id, c.first_name, d.issued_on, d.expires_on, d.status, d.reason, d.file_name,"
            + " octet_length(d.content), d.uploaded_at"
            + " from family_document d join document_type t on t.code = d.type_code join family f on f.id = d.family_id"
            + " left join child c on c.id = d.child_id";

    private Optional<Row> row(long id) {
        return rows(" where d.id = ?1", Map.of(1, id)).stream().findFirst();
    }

    private List<Row> rows(String where, Map<Integer, Object> params) {
        Query q = em.createNativeQuery(SELECT + where);
        params.forEach(q::setParameter);
        return rows(q);
    }

    private List<Row> rows(Query q) {
        LocalDate today = PlatformTime.today(clock);
        List<Row> rows = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            LocalDate expires = r[9] == null ? null : Rows.day(r[9]);
            State state = State.valueOf(((String) r[10]).toUpperCase(Locale.ROOT));
            if (state == State.VALIDATED && DocumentExpiry.expired(expires, today)) {
                state = State.EXPIRED;
            }
            rows.add(new Row(Rows.id(r[0]), (String) r[1], (String) r[2], (Boolean) r[3], Rows.id(r[4]), (String) r[5],
                    r[6] == null ? null : Rows.id(r[6]), (String) r[7], Rows.day(r[8]), expires, state, (String) r[11],
                    (String) r[12], ((Number) r[13]).longValue(), Rows.time(r[14])));
        }
        return rows;
    }

    private Optional<Stored> stored(String and, long id, Long familyId) {
        Query q = em.createNativeQuery("select d.id, t.label, d.file_name, d.content_type, d.content from family_document d"
                + " join document_type t on t.code = d.type_code where d.id = ?1" + and).setParameter(1, id);
        if (familyId != null) {
            q.setParameter(2, familyId);
        }
        return q.getResultList().stream().findFirst().map(FamilyDocuments::toStored);
    }

    private static Stored toStored(Object o) {
        Object[] r = (Object[]) o;
        return new Stored(Rows.id(r[0]), (String) r[1], (String) r[2], (String) r[3], (byte[]) r[4]);
    }

    private String familyEmail(long familyId) {
        return (String) em.createNativeQuery("select email from family where id = ?1").setParameter(1, familyId)
                .getSingleResult();
    }
}
