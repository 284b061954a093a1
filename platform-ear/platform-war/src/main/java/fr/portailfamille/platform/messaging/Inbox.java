package fr.portailfamille.platform.messaging;

import fr.portailfamille.documents.DocumentTypeRules;
import fr.portailfamille.messaging.BroadcastTarget;
import fr.portailfamille.messaging.InboxService;
import fr.portailfamille.messaging.MessagingRules;
import fr.portailfamille.messaging.Side;
import fr.portailfamille.messaging.ThreadState;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.kernel.Denied;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.FormTokens;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.Rows;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.kernel.UploadChecker;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.mail.MailRequested;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Boîte de réception: a family writes to a service, reads and answers, deletes and restores its threads; agents
 * read the inboxes of their services (the realm groups naming a service, else every service), answer, assign, close
 * and reopen, and write to one family or many (one thread per family, set-based inserts in one transaction).
 * Every call is one transaction and checks who calls: a family reaches only its own threads and attachments, an
 * agent only those of its services in its commune. New messages are announced by mail after the commit, with a
 * link and never their content.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class Inbox {

    public static final String FAMILY_PAGE = "/espace/messages.xhtml";

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    @Inject
    fr.portailfamille.platform.family.HealthRecords health;

    @Inject
    FamilyMails familyMails;

    @Inject
    Event<MailRequested> mails;

    @Inject
    fr.portailfamille.platform.configuration.CommuneSettings settings;

    /** The family's folders, as the seed's Boîte de réception shows them. */
    public enum Folder {
        /** Every thread not deleted, newest first (the page opens on it). */
        ALL,
        /** Threads a service started (messages from the structure), not deleted. */
        RECEIVED,
        /** Threads the family started, with the answers, not deleted. */
        SENT,
        /** Threads the family deleted: restorable. */
        DELETED
    }

    /** A file joined to a message being written. */
    public record Upload(String fileName, byte[] content) {
    }

    /** A thread as lists show it. */
    public record ThreadRow(long id, long familyId, String familyLabel, String childName, String serviceCode,
            String serviceLabel, String subject, ThreadState state, Side startedBy, String assignedTo,
            OffsetDateTime lastMessageAt, boolean unread, boolean deleted) implements Serializable {
        public long getId() { return id; }
        public String getFamilyLabel() { return familyLabel; }
        public String getChildName() { return childName; }
        public String getServiceCode() { return serviceCode; }
        public String getServiceLabel() { return serviceLabel; }
        public String getSubject() { return subject; }
        public String getState() { return state.name(); }
        public String getAssignedTo() { return assignedTo; }
        public OffsetDateTime getLastMessageAt() { return lastMessageAt; }
        public boolean isUnread() { return unread; }
        public boolean isDeleted() { return deleted; }
        public boolean isClosed() { return state == ThreadState.CLOSED; }
        public boolean isFromService() { return startedBy == Side.SERVICE; }
    }

    /** A file of a message (its content is downloaded apart); no name given to an agent who may not open a health file. */
    public record AttachmentRow(long id, String fileName, boolean health) implements Serializable {
        public long getId() { return id; }
        public String getFileName() { return fileName; }
        /** Health data: agent-sante's only to open (the family ticked it, or its name speaks of health). */
        public boolean isHealth() { return health; }
    }

    /** A message of a thread. */
    public record MessageRow(long id, Side side, String authorName, String body, OffsetDateTime sentAt,
            List<AttachmentRow> attachments) implements Serializable {
        public long getId() { return id; }
        public boolean isFromFamily() { return side == Side.FAMILY; }
        public String getAuthorName() { return authorName; }
        public String getBody() { return body; }
        public OffsetDateTime getSentAt() { return sentAt; }
        public List<AttachmentRow> getAttachments() { return attachments; }
    }

    /** A thread with its messages, oldest first. */
    public record ThreadView(ThreadRow thread, List<MessageRow> messages) implements Serializable {
        public ThreadRow getThread() { return thread; }
        public List<MessageRow> getMessages() { return messages; }
    }

    /** A stored attachment with its content. */
    public record Stored(String fileName, String contentType, byte[] content) {
    }

    /** What agents filter their inbox on; {@code null} fields do not filter ({@code assigned}: "me", "none"). */
    public record Filter(String service, ThreadState state, String assigned, boolean unreadOnly) implements Serializable {
    }

    /** A recorded broadcast. */
    public record BroadcastRow(long id, String sentBy, OffsetDateTime sentAt, String targetLabel, String subject,
            int familyCount) implements Serializable {
        public String getSentBy() { return sentBy; }
        public OffsetDateTime getSentAt() { return sentAt; }
        public String getTargetLabel() { return targetLabel; }
        public String getSubject() { return subject; }
        public int getFamilyCount() { return familyCount; }
    }

    // ---- services -------------------------------------------------------------------------------

    /** The commune's services, in their order. */
    public List<InboxService> services() {
        List<InboxService> services = new ArrayList<>();
        for (Object o : em.createNativeQuery("select code, label, email from inbox_service order by position, code")
                .getResultList()) {
            Object[] r = (Object[]) o;
            services.add(new InboxService((String) r[0], (String) r[1], (String) r[2]));
        }
        return services;
    }

    /** The codes of the services this agent belongs to (its groups {@code service-…}, else every service). */
    public Set<String> servicesOf(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        return MessagingRules.servicesOf(agent.groups(), services().stream().map(InboxService::code).toList());
    }

    // ---- families -------------------------------------------------------------------------------

    private long familyOf(SignedInUser user) {
        if (user == null || StaffRoles.isStaff(user)) {
            throw new Denied(Refused.text("messaging.staff.noInbox"));
        }
        Family f = files.fileOf(user);
        if (f.getId() == null) {
            throw new Refused(Refused.text("messaging.noFamilyFile"));
        }
        return f.getId();
    }

    private Long familyIdOrNull(SignedInUser user) {
        if (user == null || StaffRoles.isStaff(user)) {
            return null;
        }
        return files.fileOf(user).getId();
    }

    /** The family's threads of a folder, newest first. */
    public List<ThreadRow> familyThreads(SignedInUser user, Folder folder) {
        Long family = familyIdOrNull(user);
        if (family == null) {
            return List.of();
        }
        String where = switch (folder) {
            case ALL -> " and t.family_deleted_at is null";
            case RECEIVED -> " and t.started_by = 'SERVICE' and t.family_deleted_at is null";
            case SENT -> " and t.started_by = 'FAMILY' and t.family_deleted_at is null";
            case DELETED -> " and t.family_deleted_at is not null";
        };
        Query q = em.createNativeQuery(SELECT + FAMILY_UNREAD + FROM + " where t.family_id = ?1" + where
                + " order by t.last_message_at desc, t.id desc").setParameter(1, family);
        return rows(q);
    }

    /**
     * How many messages of a service the family has not read, in its threads not deleted (two answers in one
     * conversation are two: « vous avez 2 nouveaux messages », as the seeds' Accueil counts them).
     */
    public long familyUnread(SignedInUser user) {
        if (user == null || StaffRoles.isStaff(user)) {
            return 0;
        }
        // one query by the account's subject: this count is on every page of the family's space; on a first sign-in the
        // file the town hall made (at the counter) is not linked yet when the page's header counts (Accueil links it
        // further down): its address's file counts, the one that first sign-in links (FamilyFileService.fileOf)
        return ((Number) em.createNativeQuery("select count(*) from message_thread t join message m on m.thread_id = t.id"
                        + " and m.side = 'SERVICE' and (t.family_read_at is null or m.sent_at > t.family_read_at)"
                        + " where t.family_id = (select f.id from"
                        + " family f where f.subject = ?1 union all select f.id from family f where ?2 and f.subject is null"
                        + " and lower(f.email) = lower(?3) limit 1) and t.family_deleted_at is null"
                        + " and t.last_service_at is not null"
                        + " and (t.family_read_at is null or t.family_read_at < t.last_service_at)")
                .setParameter(1, user.subject()).setParameter(2, user.emailVerified())
                .setParameter(3, user.email() == null ? "" : user.email()).getSingleResult()).longValue();
    }

    /**
     * A family writes a new message to a service, optionally about one of its children, with files checked on
     * their content; the service's contact address (if any) is told by mail, with a link.
     *
     * @throws Refused with the field concerned ({@code service}, {@code child}, {@code subject}, {@code body},
     *         {@code files})
     */
    public long write(SignedInUser user, String serviceCode, Long childId, String subject, String body, List<Upload> uploads) {
        return write(user, serviceCode, childId, subject, body, uploads, null);
    }

    /**
     * {@link #write(SignedInUser, String, Long, String, String, List)} from a form of one-time token {@code formToken}
     * ({@link FormTokens}): the same form sent twice (a double tap) is refused, the message written once.
     */
    public long write(SignedInUser user, String serviceCode, Long childId, String subject, String body, List<Upload> uploads,
                      String formToken) {
        return write(user, serviceCode, childId, subject, body, uploads, false, formToken);
    }

    /**
     * {@link #write(SignedInUser, String, Long, String, String, List, String)}, its files said to be health data by the
     * family ({@code health}: « Ces pièces contiennent des données de santé »): agent-sante's only to read, as those
     * whose name speaks of health ("ordonnance.pdf") are anyway.
     */
    public long write(SignedInUser user, String serviceCode, Long childId, String subject, String body, List<Upload> uploads,
                      boolean health, String formToken) {
        long family = familyOf(user);
        InboxService service = serviceCode == null ? null
                : services().stream().filter(s -> s.code().equals(serviceCode)).findFirst().orElse(null);
        // every problem of the form at once, each beside its field
        List<FieldError> found = new ArrayList<>();
        if (service == null) {
            found.add(new FieldError("service", Refused.text("messaging.service.required")));
        }
        if (childId != null && em.createNativeQuery("select 1 from child where id = ?1 and family_id = ?2")
                .setParameter(1, childId).setParameter(2, family).getResultList().isEmpty()) {
            found.add(new FieldError("child", Refused.text("messaging.child.notYours")));
        }
        List<UploadChecker.Accepted> accepted = check(true, subject, body, uploads, found);
        String token = FormTokens.of(formToken);
        FormTokens.claim(em, "message", token);
        long thread = Rows.id(em.createNativeQuery("insert into message_thread (family_id, child_id, service_code, subject,"
                        + " started_by, state, last_message_at, last_family_at, family_read_at) values (?1, cast(?2 as bigint),"
                        + " ?3, ?4, 'FAMILY', 'OPEN', now(), now(), now()) returning id")
                .setParameter(1, family).setParameter(2, childId).setParameter(3, service.code())
                .setParameter(4, subject.strip()).getSingleResult());
        insertMessage(thread, Side.FAMILY, user, body, accepted, health, token);
        tellService(service, thread);
        return thread;
    }

    /** One of the family's threads with its messages, marked read; another family's (or an unknown id) is empty. */
    public Optional<ThreadView> familyThread(SignedInUser user, long threadId) {
        Long family = familyIdOrNull(user);
        if (family == null) {
            return Optional.empty();
        }
        Optional<ThreadRow> row = rows(em.createNativeQuery(SELECT + FAMILY_UNREAD + FROM + " where t.id = ?1 and t.family_id = ?2")
                .setParameter(1, threadId).setParameter(2, family)).stream().findFirst();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        em.createNativeQuery("update message_thread set family_read_at = now() where id = ?1").setParameter(1, threadId)
                .executeUpdate();
        return Optional.of(new ThreadView(row.get(), messages(threadId, false)));
    }

    /** The family answers in one of its threads (not closed); the service is told by mail. */
    public void familyReply(SignedInUser user, long threadId, String body, List<Upload> uploads) {
        familyReply(user, threadId, body, uploads, null);
    }

    /** {@link #familyReply(SignedInUser, long, String, List)} from a form of one-time token {@code formToken}. */
    public void familyReply(SignedInUser user, long threadId, String body, List<Upload> uploads, String formToken) {
        familyReply(user, threadId, body, uploads, false, formToken);
    }

    /** {@link #familyReply(SignedInUser, long, String, List, String)}, its files said to be health data ({@code health}). */
    public void familyReply(SignedInUser user, long threadId, String body, List<Upload> uploads, boolean health,
                            String formToken) {
        long family = familyOf(user);
        Object[] t = lockThread(threadId, " and family_id = ?2", family).orElseThrow(() -> notYours());
        ThreadState next = next(Side.FAMILY, ThreadState.valueOf((String) t[1]));
        List<UploadChecker.Accepted> accepted = check(false, null, body, uploads, List.of());
        String token = FormTokens.of(formToken);
        FormTokens.claim(em, "message", token);
        em.createNativeQuery("update message_thread set state = ?1, last_message_at = now(), last_family_at = now(),"
                        + " family_read_at = now(), family_deleted_at = null where id = ?2")
                .setParameter(1, next.name()).setParameter(2, threadId).executeUpdate();
        insertMessage(threadId, Side.FAMILY, user, body, accepted, health, token);
        services().stream().filter(s -> s.code().equals(t[2])).findFirst().ifPresent(s -> tellService(s, threadId));
    }

    /** Moves one of the family's threads to "Messages supprimés" (agents still see it). */
    public void delete(SignedInUser user, long threadId) {
        moveFamilyThread(user, threadId, "now()", "is null");
    }

    /** Brings a deleted thread back to its folder. */
    public void restore(SignedInUser user, long threadId) {
        moveFamilyThread(user, threadId, "null", "is not null");
    }

    private void moveFamilyThread(SignedInUser user, long threadId, String value, String from) {
        long family = familyOf(user);
        int changed = em.createNativeQuery("update message_thread set family_deleted_at = " + value
                        + " where id = ?1 and family_id = ?2 and family_deleted_at " + from)
                .setParameter(1, threadId).setParameter(2, family).executeUpdate();
        if (changed == 0 && em.createNativeQuery("select 1 from message_thread where id = ?1 and family_id = ?2")
                .setParameter(1, threadId).setParameter(2, family).getResultList().isEmpty()) {
            throw notYours();
        }
    }

    /** An attachment of one of the family's threads; another family's (or an unknown id) is empty. */
    public Optional<Stored> familyAttachment(SignedInUser user, long attachmentId) {
        Long family = familyIdOrNull(user);
        return family == null ? Optional.empty() : stored(" and t.family_id = ?2", attachmentId, family);
    }

    // ---- agents ---------------------------------------------------------------------------------

    /** How many threads of the agent's services wait for an answer (the staff menu's count). */
    public long unansweredCount(SignedInUser agent) {
        return count(agent, new Filter(null, ThreadState.OPEN, null, false));
    }

    static final Map<String, String> SORTS = Map.of("family", "f.label", "subject", "t.subject", "service", "s.label",
            "last", "t.last_message_at");

    /** How many threads of the agent's services match. */
    public long count(SignedInUser agent, Filter filter) {
        Map<Integer, Object> params = new LinkedHashMap<>();
        Query q = em.createNativeQuery("select count(*)" + FROM + agentWhere(agent, filter, params));
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** One page of the threads of the agent's services, the longest waiting first unless sorted otherwise. */
    public List<ThreadRow> search(SignedInUser agent, Filter filter, int offset, int limit, Sort sort) {
        Map<Integer, Object> params = new LinkedHashMap<>();
        Query q = em.createNativeQuery(SELECT + SERVICE_UNREAD + FROM + agentWhere(agent, filter, params)
                + " order by " + sort.orderBy(SORTS, "t.last_message_at", "t.id") + " offset ?1 limit ?2");
        params.forEach(q::setParameter);
        q.setParameter(1, Sort.offset(offset)).setParameter(2, Sort.limit(limit));
        return rows(q);
    }

    private String agentWhere(SignedInUser agent, Filter f, Map<Integer, Object> params) {
        StringBuilder w = new StringBuilder(" where t.service_code ").append(servicesIn(agent, params));
        if (f != null && f.service() != null && !f.service().isBlank()) {
            w.append(" and t.service_code = ?3");
            params.put(3, f.service());
        }
        if (f != null && f.state() != null) {
            w.append(" and t.state = ?4");
            params.put(4, f.state().name());
        }
        if (f != null && "me".equals(f.assigned())) {
            w.append(" and lower(t.assigned_to) = lower(?5)");
            params.put(5, agent.email());
        } else if (f != null && "none".equals(f.assigned())) {
            w.append(" and t.assigned_to is null");
        }
        if (f != null && f.unreadOnly()) {
            w.append(" and t.last_family_at is not null and (t.service_read_at is null or t.service_read_at < t.last_family_at)");
        }
        return w.toString();
    }

    /** A thread of the agent's services with its messages, marked read for the service. */
    public Optional<ThreadView> agentThread(SignedInUser agent, long threadId) {
        Optional<ThreadRow> row = agentRow(agent, threadId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        em.createNativeQuery("update message_thread set service_read_at = now() where id = ?1").setParameter(1, threadId)
                .executeUpdate();
        // a health file's name is health data too (« PAI_allergie_arachide_Lucas.pdf »): not given to an agent who may
        // not open it
        return Optional.of(new ThreadView(row.get(), messages(threadId, !StaffRoles.mayReadHealth(agent))));
    }

    private Optional<ThreadRow> agentRow(SignedInUser agent, long threadId) {
        Map<Integer, Object> params = new LinkedHashMap<>();
        Query q = em.createNativeQuery(SELECT + SERVICE_UNREAD + FROM + agentWhere(agent, null, params) + " and t.id = ?1");
        params.forEach(q::setParameter);
        q.setParameter(1, threadId);
        return rows(q).stream().findFirst();
    }

    /**
     * An agent answers a thread of its services (not closed), which then waits for the family; the thread comes back
     * from the family's deleted messages, is assigned to the agent if nobody had it, and the family is told by mail.
     */
    public void agentReply(SignedInUser agent, long threadId, String body, List<Upload> uploads) {
        agentReply(agent, threadId, body, uploads, null);
    }

    /** {@link #agentReply(SignedInUser, long, String, List)} from a form of one-time token {@code formToken}. */
    public void agentReply(SignedInUser agent, long threadId, String body, List<Upload> uploads, String formToken) {
        agentReply(agent, threadId, body, uploads, false, formToken);
    }

    /**
     * {@link #agentReply(SignedInUser, long, String, List, String)}, its files health data when the agent says so
     * ({@code health}: a signed PAI scanned as « scan-0042.pdf »), agent-sante's only to open, as a family's are.
     */
    public void agentReply(SignedInUser agent, long threadId, String body, List<Upload> uploads, boolean health,
                           String formToken) {
        ThreadRow row = agentRow(agent, threadId).orElseThrow(() -> notYourService());
        Object[] t = lockThread(threadId, "", null).orElseThrow(() -> notYourService());
        ThreadState next = next(Side.SERVICE, ThreadState.valueOf((String) t[1]));
        List<UploadChecker.Accepted> accepted = check(false, null, body, uploads, List.of());
        String token = FormTokens.of(formToken);
        FormTokens.claim(em, "message", token);
        em.createNativeQuery("update message_thread set state = ?1, last_message_at = now(), last_service_at = now(),"
                        + " service_read_at = now(), family_deleted_at = null, assigned_to = coalesce(assigned_to, ?2)"
                        + " where id = ?3")
                .setParameter(1, next.name()).setParameter(2, agent.email()).setParameter(3, threadId).executeUpdate();
        insertMessage(threadId, Side.SERVICE, agent, body, accepted, health, token);
        tellFamily(row.familyId(), threadId, row.serviceLabel());
    }

    /** Assigns a thread of the agent's services to an agent (by e-mail), or to nobody ({@code null}). */
    public void assign(SignedInUser agent, long threadId, String assignee) {
        agentRow(agent, threadId).orElseThrow(() -> notYourService());
        String to = assignee == null || assignee.isBlank() ? null : assignee.strip().toLowerCase(Locale.ROOT);
        if (to != null && (to.length() > MessagingRules.EMAIL_MAX || !to.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"))) {
            throw new Refused("assignee", Refused.text("messaging.assignee.invalid"));
        }
        em.createNativeQuery("update message_thread set assigned_to = cast(?1 as varchar) where id = ?2")
                .setParameter(1, to).setParameter(2, threadId).executeUpdate();
    }

    /** Closes a thread of the agent's services: nobody writes in it until an agent reopens it. */
    public void close(SignedInUser agent, long threadId) {
        agentRow(agent, threadId).orElseThrow(() -> notYourService());
        Object[] t = lockThread(threadId, "", null).orElseThrow(() -> notYourService());
        if (!MessagingRules.mayClose(ThreadState.valueOf((String) t[1]))) {
            throw new Refused(Refused.text("messaging.thread.alreadyClosed"));
        }
        setState(threadId, ThreadState.CLOSED);
    }

    /** Reopens a closed thread of the agent's services. */
    public void reopen(SignedInUser agent, long threadId) {
        agentRow(agent, threadId).orElseThrow(() -> notYourService());
        Object[] t = lockThread(threadId, "", null).orElseThrow(() -> notYourService());
        ThreadState reopened;
        try {
            reopened = MessagingRules.reopened(ThreadState.valueOf((String) t[1]));
        } catch (IllegalStateException notClosed) {
            throw new Refused(Refused.text("messaging.thread.notClosed"));
        }
        setState(threadId, reopened);
    }

    private void setState(long threadId, ThreadState state) {
        em.createNativeQuery("update message_thread set state = ?1 where id = ?2").setParameter(1, state.name())
                .setParameter(2, threadId).executeUpdate();
    }

    /**
     * "in (?10, ?11…)" over the agent's services ({@link #servicesOf}), their codes put in {@code params} from 10 on;
     * "in (null)", which matches nothing, when it has none.
     */
    private String servicesIn(SignedInUser agent, Map<Integer, Object> params) {
        Set<String> mine = servicesOf(agent);
        StringBuilder in = new StringBuilder("in (");
        int p = 10;
        for (String code : mine) {
            in.append(p == 10 ? "" : ", ").append('?').append(p);
            params.put(p++, code);
        }
        return in.append(mine.isEmpty() ? "null)" : ")").toString();
    }

    /**
     * An attachment of a thread of the agent's services; any other is empty, and so is a file that is health data for an
     * agent without {@code agent-sante} (the family said so, or its name does: tenant V50). A health file read by an
     * agent-sante is written in the family's journal ({@code LECTURE_SANTE}), as every other health read is.
     */
    public Optional<Stored> agentAttachment(SignedInUser agent, long attachmentId) {
        Set<String> mine = servicesOf(agent);
        Optional<Stored> found = Optional.empty();
        List<?> service = em.createNativeQuery("select t.service_code, coalesce(a.health, false), t.family_id, t.child_id,"
                + " a.file_name from message_attachment a join message m on m.id = a.message_id"
                + " join message_thread t on t.id = m.thread_id where a.id = ?1")
                .setParameter(1, attachmentId).getResultList();
        if (!service.isEmpty()) {
            Object[] row = (Object[]) service.get(0);
            boolean healthData = (Boolean) row[1];
            if (mine.contains((String) row[0]) && (!healthData || StaffRoles.mayReadHealth(agent))) {
                found = stored("", attachmentId, null);
                if (healthData && found.isPresent()) {
                    health.healthRead(agent, "pièce jointe « " + row[4] + " » d'un message", ((Number) row[2]).longValue(),
                            row[3] == null ? null : ((Number) row[3]).longValue());
                }
            }
        }
        return found;
    }

    // ---- broadcasts -----------------------------------------------------------------------------

    /** How many families this target reaches (shown before sending). */
    public long countTargets(SignedInUser agent, BroadcastTarget target) {
        StaffRoles.requireAgent(agent);
        Message refusal = MessagingRules.targetProblem(target);
        if (refusal != null) {
            throw new Refused(targetField(target), refusal);
        }
        Map<Integer, Object> params = new LinkedHashMap<>();
        Query q = em.createNativeQuery("select count(*) from (" + targetSql(target, params) + ") x");
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** The name of the family numbered {@code ref} in this commune (the write page shows whom it writes to), if any. */
    public Optional<String> familyLabel(SignedInUser agent, String ref) {
        StaffRoles.requireAgent(agent);
        String id = ref == null ? "" : ref.strip();
        if (!id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        List<?> found = em.createNativeQuery("select label from family where id = ?1").setParameter(1, Long.parseLong(id))
                .getResultList();
        return found.isEmpty() || found.get(0) == null ? Optional.empty() : Optional.of((String) found.get(0));
    }

    /**
     * An agent writes to every family of the target: one thread per family (each answers privately), written in a
     * few set-based statements in this one transaction, the broadcast recorded (who, when, target, count); each
     * family's responsables are mailed a link after the commit. Returns the number of families.
     */
    public int broadcast(SignedInUser agent, String serviceCode, BroadcastTarget target, String subject, String body,
            List<Upload> uploads) {
        return broadcast(agent, serviceCode, target, subject, body, uploads, false, null);
    }

    /** {@link #broadcast(SignedInUser, String, BroadcastTarget, String, String, List, boolean, String)}, no file ticked health. */
    public int broadcast(SignedInUser agent, String serviceCode, BroadcastTarget target, String subject, String body,
            List<Upload> uploads, String formToken) {
        return broadcast(agent, serviceCode, target, subject, body, uploads, false, formToken);
    }

    /** The field a target's problem is told beside: the family's number for one family, « À qui » otherwise. */
    static String targetField(BroadcastTarget target) {
        return target != null && target.kind() == BroadcastTarget.Kind.FAMILY ? "family" : "target";
    }

    /**
     * {@link #broadcast(SignedInUser, String, BroadcastTarget, String, String, List)} from a form whose one-time token
     * is {@code formToken} ({@link FormTokens}): the same form sent twice is refused, the families written to once. Its
     * files are health data when {@code health} (an agent-sante sending a scanned PAI) or their names say so. Every
     * problem of the form is told at once, each beside its field.
     */
    public int broadcast(SignedInUser agent, String serviceCode, BroadcastTarget target, String subject, String body,
            List<Upload> uploads, boolean health, String formToken) {
        StaffRoles.requireAgent(agent);
        String token = FormTokens.of(formToken);
        FormTokens.claim(em, "message_broadcast", token);
        List<FieldError> found = new ArrayList<>();
        if (serviceCode == null || !servicesOf(agent).contains(serviceCode)) {
            found.add(new FieldError("service", Refused.text("messaging.service.notYours")));
        }
        long families = 0;
        Message targetRefusal = MessagingRules.targetProblem(target);
        if (targetRefusal == null) {
            families = countTargets(agent, target);
            targetRefusal = MessagingRules.countProblem(families);
        }
        if (targetRefusal != null) {
            found.add(new FieldError(targetField(target), targetRefusal));
        }
        List<UploadChecker.Accepted> accepted = check(true, subject, body, uploads, found);
        String label = targetLabel(target);
        long broadcast = Rows.id(em.createNativeQuery("insert into message_broadcast (service_code, sent_by, target_kind,"
                        + " target_ref, target_label, subject, family_count, form_token) values (?1, ?2, ?3,"
                        + " cast(?4 as varchar), ?5, ?6, ?7, cast(?8 as varchar)) returning id")
                .setParameter(1, serviceCode).setParameter(2, agent.email()).setParameter(3, target.kind().name())
                .setParameter(4, target.ref()).setParameter(5, label).setParameter(6, subject.strip())
                .setParameter(7, (int) families).setParameter(8, token).getSingleResult());
        Map<Integer, Object> params = new LinkedHashMap<>();
        String targetFamilies = targetSql(target, params);
        Query threads = em.createNativeQuery("insert into message_thread (family_id, service_code, subject, started_by, state,"
                + " broadcast_id, last_message_at, last_service_at, service_read_at, assigned_to)"
                + " select x.family_id, ?1, ?2, 'SERVICE', 'ANSWERED', ?3, now(), now(), now(), ?4 from (" + targetFamilies + ") x");
        params.forEach(threads::setParameter);
        int created = threads.setParameter(1, serviceCode).setParameter(2, subject.strip()).setParameter(3, broadcast)
                .setParameter(4, agent.email()).executeUpdate();
        em.createNativeQuery("update message_broadcast set family_count = ?1 where id = ?2").setParameter(1, created)
                .setParameter(2, broadcast).executeUpdate();
        em.createNativeQuery("insert into message (thread_id, side, author, author_name, body)"
                        + " select id, 'SERVICE', ?1, ?2, ?3 from message_thread where broadcast_id = ?4")
                .setParameter(1, agent.email()).setParameter(2, agentName(agent)).setParameter(3, body.strip())
                .setParameter(4, broadcast).executeUpdate();
        for (UploadChecker.Accepted a : accepted) {
            // the file stored once (V40), each family's attachment pointing at it
            long file = Rows.id(em.createNativeQuery("insert into message_broadcast_file (broadcast_id, file_name,"
                            + " content_type, content) values (?1, ?2, ?3, ?4) returning id")
                    .setParameter(1, broadcast).setParameter(2, a.fileName()).setParameter(3, a.contentType())
                    .setParameter(4, a.content()).getSingleResult());
            // a file ticked as health data, or whose name speaks of health, is agent-sante's only, as in a reply
            em.createNativeQuery("insert into message_attachment (message_id, file_name, content_type, broadcast_file_id,"
                            + " health) select m.id, ?1, ?2, ?3, ?5 from message m join message_thread t on t.id = m.thread_id"
                            + " where t.broadcast_id = ?4")
                    .setParameter(1, a.fileName()).setParameter(2, a.contentType()).setParameter(3, file)
                    .setParameter(4, broadcast).setParameter(5, health || DocumentTypeRules.isHealth(List.of(), a.fileName()))
                    .executeUpdate();
        }
        String serviceLabel = services().stream().filter(s -> s.code().equals(serviceCode)).map(InboxService::label)
                .findFirst().orElse(serviceCode);
        // the account's address, and a responsable's own only if they accepted the commune's mails (consent_email)
        for (Object o : em.createNativeQuery("select t.id, e.email from message_thread t join (select id as family_id, lower(email) as email"
                        + " from family union select family_id, lower(email) from responsable where consent_email) e"
                        + " on e.family_id = t.family_id"
                        + " where t.broadcast_id = ?1 and e.email is not null order by t.id")
                .setParameter(1, broadcast).getResultList()) {
            Object[] r = (Object[]) o;
            notifyFamily((String) r[1], Rows.id(r[0]), serviceLabel);
        }
        return created;
    }

    /** A choice of a broadcast's target: a code and what agents read. */
    public record Choice(String code, String label) implements Serializable {
        public String getCode() { return code; }
        public String getLabel() { return label; }
    }

    /** The activities and the schools an agent may write to the families of. */
    public List<Choice> targetChoices(SignedInUser agent, BroadcastTarget.Kind kind) {
        StaffRoles.requireAgent(agent);
        String sql = kind == BroadcastTarget.Kind.ACTIVITY ? "select code, name from activity order by name, code"
                : "select code, name from establishment where kind like 'ECOLE%' order by name, code";
        List<Choice> choices = new ArrayList<>();
        for (Object o : em.createNativeQuery(sql).getResultList()) {
            Object[] r = (Object[]) o;
            choices.add(new Choice((String) r[0], (String) r[1]));
        }
        return choices;
    }

    /**
     * The last broadcasts of the agent's services, newest first (another service's — the régie's reminder to a named
     * family — is not its to read, as its threads are not).
     */
    public List<BroadcastRow> broadcasts(SignedInUser agent, int limit) {
        StaffRoles.requireAgent(agent);
        Map<Integer, Object> params = new LinkedHashMap<>();
        params.put(1, Sort.limit(limit));
        Query q = em.createNativeQuery("select id, sent_by, sent_at, target_label, subject, family_count"
                + " from message_broadcast where service_code " + servicesIn(agent, params)
                + " order by sent_at desc, id desc limit ?1");
        params.forEach(q::setParameter);
        List<BroadcastRow> rows = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new BroadcastRow(Rows.id(r[0]), (String) r[1], Rows.time(r[2]), (String) r[3], (String) r[4],
                    ((Number) r[5]).intValue()));
        }
        return rows;
    }

    /** The families of a target, one row each ({@code family_id}). */
    private String targetSql(BroadcastTarget target, Map<Integer, Object> params) {
        String ref = target.ref() == null ? null : target.ref().strip();
        switch (target.kind()) {
            case FAMILY -> {
                params.put(20, Long.parseLong(ref));
                return "select f.id as family_id from family f where f.id = ?20";
            }
            case ACTIVITY -> {
                params.put(20, ref);
                return "select distinct c.family_id from registration r join child c on c.id = r.child_id"
                        + " join activity a on a.id = r.activity_id where a.code = ?20 and r.status = 'VALIDATED'";
            }
            case SCHOOL, CLASS -> {
                // the school's pupils: each child's last accepted pre-registration up to the year running (a pupil
                // enrolled years ago included, next year's newcomers not yet) at this school, the child's file still
                // there (a pupil gone to another school or past CM2 is not); a class by the file's, moved up each year
                params.put(20, target.establishment());
                params.put(21, runningSchoolYear());
                String sql = "select distinct c.family_id from child c join lateral (select e.establishment_id from"
                        + " school_enrolment e where e.child_id = c.id and e.status = 'VALIDATED' and e.school_year <= ?21"
                        + " order by e.school_year desc, e.id desc limit 1) e on true join establishment s on"
                        + " s.id = e.establishment_id where s.code = ?20 and lower(c.school) = lower(s.name)";
                if (target.kind() == BroadcastTarget.Kind.CLASS) {
                    params.put(22, target.level());
                    sql += " and c.school_class = ?22";
                }
                return sql;
            }
            default -> {
                return "select f.id as family_id from family f where f.status = 'VALIDATED'";
            }
        }
    }

    /**
     * The school year running by the commune's calendar — in the summer, the next one, as the children's files are
     * switched then ({@code RegistrationService.applySchoolYear}) —; September to August without one.
     */
    private String runningSchoolYear() {
        LocalDate today = PlatformTime.today();
        return settings.schoolYears().stream().filter(y -> !y.endInclusive().isBefore(today)).findFirst()
                .map(y -> y.start().getYear() + "-" + y.endInclusive().getYear()).orElse(schoolYear(today));
    }

    /** The school year running on {@code day} ("2026-2027" from September 2026 to August 2027). */
    static String schoolYear(LocalDate day) {
        int start = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
        return start + "-" + (start + 1);
    }

    /** The target in words, as the broadcast is recorded. */
    private String targetLabel(BroadcastTarget target) {
        String ref = target.ref() == null ? "" : target.ref().strip();
        return switch (target.kind()) {
            case FAMILY -> "la famille " + name("select label from family where id = ?1", Long.parseLong(ref));
            case ACTIVITY -> "les familles de l'activité « " + name("select name from activity where code = ?1", ref) + " »";
            case SCHOOL -> "les familles de l'école « " + name("select name from establishment where code = ?1", ref) + " »";
            case CLASS -> "les familles de la classe " + target.level() + " de l'école « "
                    + name("select name from establishment where code = ?1", target.establishment()) + " »";
            case COMMUNE -> "toutes les familles de la commune";
        };
    }

    private String name(String sql, Object key) {
        List<?> found = em.createNativeQuery(sql).setParameter(1, key).getResultList();
        return found.isEmpty() ? String.valueOf(key) : (String) found.get(0);
    }

    // ---- shared ---------------------------------------------------------------------------------

    /** "Cette conversation n'existe pas ou ne fait pas partie de votre dossier.", in any language. */
    private static Refused notYours() {
        return new Refused(Refused.text("messaging.thread.notYours"));
    }

    /** "Cette conversation n'existe pas ou n'appartient pas à vos services.", in any language. */
    private static Refused notYourService() {
        return new Refused(Refused.text("messaging.thread.notYourService"));
    }

    private static ThreadState next(Side side, ThreadState state) {
        Message refusal = MessagingRules.writeProblem(side, state);
        if (refusal != null) {
            throw new Refused(refusal);
        }
        return MessagingRules.afterMessage(side, state);
    }

    /** The thread's row locked for this change: id, state, service code. */
    private Optional<Object[]> lockThread(long threadId, String and, Long family) {
        Query q = em.createNativeQuery("select id, state, service_code from message_thread where id = ?1" + and + " for update")
                .setParameter(1, threadId);
        if (family != null) {
            q.setParameter(2, family);
        }
        return q.getResultList().stream().findFirst().map(o -> (Object[]) o);
    }

    /**
     * Checks the message and its files (on their content) with the problems already {@code found} in its form: every
     * problem at once, each beside its field, nothing written on refusal; else the accepted files.
     */
    private static List<UploadChecker.Accepted> check(boolean newThread, String subject, String body, List<Upload> uploads,
                                                      List<FieldError> found) {
        List<Upload> files = uploads == null ? List.of()
                : uploads.stream().filter(u -> u != null && u.content() != null && u.content().length > 0).toList();
        List<FieldError> errors = new ArrayList<>(found);
        errors.addAll(MessagingRules.validateMessage(newThread, subject, body, files.size()));
        boolean filesRefused = errors.stream().anyMatch(e -> e.field().equals("files"));
        List<UploadChecker.Accepted> accepted = new ArrayList<>();
        for (Upload u : filesRefused ? List.<Upload>of() : files) {
            try {
                accepted.add(UploadChecker.check(UploadChecker.attachment(shown(u.fileName())), u.fileName(), u.content()));
            } catch (UploadChecker.Rejected e) {
                errors.add(new FieldError("files", e.text()));
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        return accepted;
    }

    /** A file's name as a message names it: no directory, no control characters, 80 characters at most. */
    static String shown(String name) {
        String n = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        return n.length() > 80 ? n.substring(0, 80) + "…" : n;
    }

    /** A message and its files, each health data when {@code health} says so or its name does. */
    private void insertMessage(long threadId, Side side, SignedInUser author, String body, List<UploadChecker.Accepted> files,
                               boolean health, String formToken) {
        long message = Rows.id(em.createNativeQuery("insert into message (thread_id, side, author, author_name, body,"
                        + " form_token) values (?1, ?2, ?3, ?4, ?5, cast(?6 as varchar)) returning id")
                .setParameter(1, threadId).setParameter(2, side.name())
                .setParameter(3, author.email() == null ? author.subject() : author.email())
                .setParameter(4, side == Side.SERVICE ? agentName(author) : author.name())
                .setParameter(5, body.strip()).setParameter(6, formToken).getSingleResult());
        for (UploadChecker.Accepted a : files) {
            em.createNativeQuery("insert into message_attachment (message_id, file_name, content_type, content, health)"
                            + " values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, message).setParameter(2, a.fileName()).setParameter(3, a.contentType())
                    .setParameter(4, a.content())
                    .setParameter(5, health || DocumentTypeRules.isHealth(List.of(), a.fileName())).executeUpdate();
        }
    }

    private static String agentName(SignedInUser agent) {
        return agent.name() == null || agent.name().isBlank() ? "Agent de la commune" : agent.name();
    }

    /** The thread's messages with their files; a health file's name left out ({@code null}) when {@code hideHealthNames}. */
    private List<MessageRow> messages(long threadId, boolean hideHealthNames) {
        Map<Long, List<AttachmentRow>> files = new LinkedHashMap<>();
        for (Object o : em.createNativeQuery("select a.message_id, a.id, a.file_name, coalesce(a.health, false)"
                + " from message_attachment a join message m on m.id = a.message_id where m.thread_id = ?1 order by a.id")
                .setParameter(1, threadId).getResultList()) {
            Object[] r = (Object[]) o;
            boolean health = (Boolean) r[3];
            files.computeIfAbsent(Rows.id(r[0]), k -> new ArrayList<>()).add(new AttachmentRow(Rows.id(r[1]),
                    health && hideHealthNames ? null : (String) r[2], health));
        }
        List<MessageRow> messages = new ArrayList<>();
        for (Object o : em.createNativeQuery("select id, side, author_name, body, sent_at from message where thread_id = ?1"
                + " order by sent_at, id").setParameter(1, threadId).getResultList()) {
            Object[] r = (Object[]) o;
            long id = Rows.id(r[0]);
            messages.add(new MessageRow(id, Side.valueOf((String) r[1]), (String) r[2], (String) r[3], Rows.time(r[4]),
                    files.getOrDefault(id, List.of())));
        }
        return messages;
    }

    private Optional<Stored> stored(String and, long attachmentId, Long family) {
        // a broadcast's file is stored once, in message_broadcast_file (V40)
        Query q = em.createNativeQuery("select a.file_name, a.content_type, coalesce(a.content, bf.content)"
                + " from message_attachment a left join message_broadcast_file bf on bf.id = a.broadcast_file_id"
                + " join message m on m.id = a.message_id join message_thread t on t.id = m.thread_id where a.id = ?1" + and)
                .setParameter(1, attachmentId);
        if (family != null) {
            q.setParameter(2, family);
        }
        return q.getResultList().stream().findFirst().map(o -> {
            Object[] r = (Object[]) o;
            return new Stored((String) r[0], (String) r[1], (byte[]) r[2]);
        });
    }

    private static final String SELECT = "select t.id, t.family_id, f.label, c.first_name, t.service_code, s.label, t.subject,"
            + " t.state, t.started_by, t.assigned_to, t.last_message_at, t.family_deleted_at is not null";
    private static final String FAMILY_UNREAD = ", (t.last_service_at is not null and (t.family_read_at is null"
            + " or t.family_read_at < t.last_service_at))";
    private static final String SERVICE_UNREAD = ", (t.last_family_at is not null and (t.service_read_at is null"
            + " or t.service_read_at < t.last_family_at))";
    private static final String FROM = " from message_thread t join family f on f.id = t.family_id"
            + " join inbox_service s on s.code = t.service_code left join child c on c.id = t.child_id";

    private static List<ThreadRow> rows(Query q) {
        List<ThreadRow> rows = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new ThreadRow(Rows.id(r[0]), Rows.id(r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], ThreadState.valueOf((String) r[7]), Side.valueOf((String) r[8]), (String) r[9],
                    Rows.time(r[10]), Boolean.TRUE.equals(r[12]), Boolean.TRUE.equals(r[11])));
        }
        return rows;
    }

    // ---- mails ----------------------------------------------------------------------------------

    /**
     * The family is told a service wrote: a link to the thread, never its subject nor its body; at the account's address,
     * and at a responsable's own only if they accepted the commune's mails (consent_email: a second parent's address
     * typed by the first, never confirmed, is not written to otherwise).
     */
    private void tellFamily(long familyId, long threadId, String serviceLabel) {
        Set<String> to = new LinkedHashSet<>();
        for (Object e : em.createNativeQuery("select email from family where id = ?1 union select email from responsable"
                + " where family_id = ?1 and consent_email").setParameter(1, familyId).getResultList()) {
            if (e != null) {
                to.add(((String) e).toLowerCase(Locale.ROOT));
            }
        }
        to.forEach(address -> notifyFamily(address, threadId, serviceLabel));
    }

    private void notifyFamily(String address, long threadId, String serviceLabel) {
        familyMails.send(address, "Nouveau message dans votre boîte de réception", "Le service « " + serviceLabel
                + " » vous a écrit sur le portail famille. Pour protéger vos données, le message n'est lisible que sur"
                + " le portail, dans votre Boîte de réception.", "/espace/message.xhtml?id=" + threadId);
    }

    /** The service's contact address (if any) is told a family wrote: a link for the agents, never the content. */
    private void tellService(InboxService service, long threadId) {
        if (service.email() == null || service.email().isBlank()) {
            return;
        }
        var commune = TenantContext.require();
        String link = familyMails.portalUrl() + "/agent/message.xhtml?id=" + threadId;
        mails.fire(new MailRequested(commune.name(), service.email(), "[" + commune.name() + "] Nouveau message d'une famille"
                + " pour " + service.label(), "Bonjour,\n\nUne famille a écrit au service « " + service.label()
                + " » sur le portail famille. Lisez et répondez dans la boîte de réception des agents :\n" + link
                + "\n\n" + commune.name() + " – Portail Famille\n"));
    }
}
