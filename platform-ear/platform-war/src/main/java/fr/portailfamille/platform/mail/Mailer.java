package fr.portailfamille.platform.mail;

import fr.portailfamille.identity.SmtpSettings;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Sends {@link MailRequested} events after a successful commit, on one sender thread of its own over one SMTP
 * connection kept while mails come: the action that asked for them returns at once (an agent's message to every
 * family of the commune asks for thousands, each a connection when sent by the request's thread, minutes of it).
 * Each mail is first written to {@code platform.mail_retry} in the transaction that asks for it (an outbox: it exists
 * if and only if the action committed), and deleted once the sender has sent it: a server killed with mails still in
 * its sender's queue (an invoicing run's thousand mails) loses none, since any replica's {@link #retryDue()}
 * ({@link MailRetryJob}) sends them once the sender's lease ({@link MailRetries#SENDER_LEASE}) is over. A mail the
 * SMTP server does not take — or that the sender could not take any more (its queue full, the server stopping) — is
 * sent again the same way until it goes or is given up ({@link MailRetries}); the action that asked for it is never
 * undone by a mail that failed.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    /** How many kept mails one pass takes, locked, at a time. */
    static final int BATCH = 50;

    /** How many mails wait for the sender at most; more are kept for the retry job at once. */
    static final int QUEUE = 20_000;

    /** How long the sender keeps its SMTP connection without a mail to send. */
    static final long IDLE_SECONDS = 20;

    /** A mail waiting for the sender, with its commune (the sender's thread has none) and its outbox row (or null). */
    private record Queued(MailRequested mail, Long communeId, Long rowId) {
    }

    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>(QUEUE);
    private Thread sender;
    private volatile boolean stopping;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    TransactionSynchronizationRegistry registry;

    @Inject
    SmtpRelay relay;

    @Resource(lookup = "java:app/jdbc/portail")
    DataSource db;

    /** The mails a transaction wrote to the outbox, given to the sender when it commits. */
    private static final String PENDING = Mailer.class.getName() + ".pending";

    /**
     * In the asking transaction: the mail written to the outbox on the transaction's own connection, handed to the
     * sender when (and only if) it commits. Outside a transaction, written and handed over at once.
     */
    void onRequested(@Observes MailRequested mail) {
        Long commune = TenantContext.current().map(Commune::id).orElse(null);
        int status = registry == null ? Status.STATUS_NO_TRANSACTION : registry.getTransactionStatus();
        if (status != Status.STATUS_ACTIVE && status != Status.STATUS_NO_TRANSACTION) {
            return; // a transaction marked for rollback: its mails are not sent, as its action is not recorded
        }
        Queued queued = new Queued(mail, commune, outbox(mail, commune));
        if (status == Status.STATUS_NO_TRANSACTION) {
            hand(queued);
            return;
        }
        @SuppressWarnings("unchecked")
        List<Queued> pending = (List<Queued>) registry.getResource(PENDING);
        if (pending == null) {
            List<Queued> mails = new ArrayList<>();
            registry.putResource(PENDING, mails);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing: the rows were written with the transaction's other statements
                }

                @Override
                public void afterCompletion(int outcome) {
                    if (outcome == Status.STATUS_COMMITTED) {
                        mails.forEach(Mailer.this::hand);
                    }
                }
            });
            pending = mails;
        }
        pending.add(queued);
    }

    /**
     * Writes {@code mail} to the outbox (on the current transaction's connection when there is one), leased to this
     * server's sender; its id, or null when it could not be written (then it is only in the sender's queue, as before
     * the outbox, and logged).
     */
    private Long outbox(MailRequested mail, Long communeId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into platform.mail_retry (commune_name, recipient, subject,"
                     + " body, attempts, next_attempt, commune_id) values (?, ?, ?, ?, 0, ?, ?) returning id")) {
            bindMail(ps, mail);
            ps.setObject(5, now().plus(MailRetries.SENDER_LEASE));
            ps.setObject(6, communeId, java.sql.Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Courriel non écrit dans la file durable, envoyé sans elle, à " + mail.to() + " : "
                    + mail.subject(), e);
            return null;
        }
    }

    /** Gives a committed mail to the sender; kept for the retry job at once when the sender cannot take it. */
    private void hand(Queued q) {
        if (stopping || !queue.offer(q)) {
            keep(q, "envoi différé (file d'envoi pleine ou serveur qui s'arrête)", now());
            return;
        }
        startSender();
    }

    private synchronized void startSender() {
        if (sender == null || !sender.isAlive()) {
            sender = threads.newThread(this::sendQueued);
            sender.setName("pf-courriels");
            sender.setDaemon(true);
            sender.start();
        }
    }

    /** The sender: the queue's mails one after the other on one connection, closed when idle. */
    private void sendQueued() {
        Transport transport = null;
        List<Long> sent = new ArrayList<>();
        try {
            while (!stopping) {
                Queued q = queue.poll();
                if (q == null || sent.size() >= BATCH) {
                    sent = forgetSent(sent);
                }
                if (q == null) {
                    q = queue.poll(IDLE_SECONDS, TimeUnit.SECONDS);
                }
                if (q == null) {
                    transport = close(transport);
                    continue;
                }
                if (q.communeId() != null && suspended(q.communeId())) {
                    // suspended since the mail was queued (a broadcast to thousands of families): it waits with the
                    // commune's other kept mails, sent if the commune is resumed, given up after two days otherwise
                    keep(q, "commune suspendue", now());
                    continue;
                }
                if (!claim(q)) {
                    continue; // its lease ran out while it waited here (a slow or stopped relay): a retry job took it
                }
                try {
                    transport = deliverOn(transport, q.mail());
                    sent(sent, q);
                } catch (MessagingException | UnsupportedEncodingException | RuntimeException first) {
                    // a connection the server closed meanwhile: once more on a new one
                    transport = close(transport);
                    try {
                        transport = deliverOn(null, q.mail());
                        sent(sent, q);
                    } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                        transport = close(transport);
                        LOG.log(Level.WARNING, "Courriel non envoyé à " + q.mail().to() + " : " + q.mail().subject()
                                + " ; gardé pour un nouvel essai", e);
                        keep(q, error(e), MailRetries.next(1, now()));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(transport);
            forgetSent(sent);
        }
    }

    /**
     * Takes the queued mail's outbox row for this sender once more, its lease renewed: false when a retry job has sent
     * it, or is sending it, meanwhile (the queue waited longer than {@link MailRetries#SENDER_LEASE} behind a slow relay
     * or one that was down), so that it does not go twice. A mail without a row, or a database that does not answer,
     * is sent (never zero times).
     */
    private boolean claim(Queued q) {
        if (q.rowId() == null) {
            return true;
        }
        try {
            return claim(db, q.rowId(), now().plus(MailRetries.SENDER_LEASE));
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "File durable des courriels injoignable : courriel envoyé sans vérifier qu'il ne l'est"
                    + " pas déjà", e);
            return true;
        }
    }

    /**
     * Renews outbox row {@code rowId}'s lease to {@code until} unless it was sent or given up: whether the sender may
     * send it. A retry job sending it holds the row: this waits for it, then finds it sent.
     */
    public static boolean claim(DataSource db, long rowId, OffsetDateTime until) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("update platform.mail_retry"
                + " set next_attempt = ? where id = ? and sent_at is null and abandoned_at is null")) {
            ps.setObject(1, until);
            ps.setLong(2, rowId);
            return ps.executeUpdate() == 1;
        }
    }

    private static void sent(List<Long> sent, Queued q) {
        if (q.rowId() != null) {
            sent.add(q.rowId());
        }
    }

    /**
     * Deletes the outbox rows of the mails just sent (a server killed before this sends them again once their lease
     * is over: a mail may go twice, never zero times); an empty list to go on with.
     */
    private List<Long> forgetSent(List<Long> sent) {
        if (sent.isEmpty()) {
            return sent;
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from platform.mail_retry where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", sent.toArray()));
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, sent.size() + " courriel(s) envoyé(s) restés dans la file durable : ils partiront"
                    + " une seconde fois", e);
        }
        return new ArrayList<>();
    }

    /** Suspended communes' ids as last read, and when (read again after {@link #SUSPENDED_TTL_MILLIS}). */
    private volatile java.util.Set<Long> suspendedIds = java.util.Set.of();
    private volatile long suspendedReadAt;
    static final long SUSPENDED_TTL_MILLIS = 10_000;

    /** Whether the commune is suspended, read at most every {@link #SUSPENDED_TTL_MILLIS} (on the sender's thread). */
    private boolean suspended(long communeId) {
        long nowMillis = System.currentTimeMillis();
        if (nowMillis - suspendedReadAt > SUSPENDED_TTL_MILLIS) {
            java.util.Set<Long> ids = new java.util.HashSet<>();
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "select id from platform.commune where status = 'SUSPENDED'"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                suspendedIds = ids;
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Communes suspendues non lues : les courriels partent", e);
            }
            suspendedReadAt = nowMillis;
        }
        return suspendedIds.contains(communeId);
    }

    /** What the sender has not sent when the server stops is kept: any replica's retry job sends it. */
    @PreDestroy
    void stop() {
        stopping = true;
        Thread t;
        synchronized (this) {
            t = sender;
        }
        if (t != null) {
            t.interrupt();
        }
        for (Queued q = queue.poll(); q != null; q = queue.poll()) {
            keep(q, "envoi interrompu par l'arrêt du serveur", now());
        }
    }

    /** Sends {@code mail} now; kept for a later try when the SMTP server does not take it. */
    public void send(MailRequested mail) {
        try {
            deliver(mail);
        } catch (MessagingException | UnsupportedEncodingException e) {
            LOG.log(Level.WARNING, "Courriel non envoyé à " + mail.to() + " : " + mail.subject()
                    + " ; gardé pour un nouvel essai", e);
            keep(mail, TenantContext.current().map(Commune::id).orElse(null), error(e), MailRetries.next(1, now()));
        }
    }

    /**
     * Sends again the kept mails whose time has come, {@value #BATCH} at a time, each taken by one replica only; a mail
     * that fails again waits longer, one kept for two days is given up (logged). Returns how many went.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int retryDue() {
        giveUpStale();
        int sent = 0;
        int taken;
        do {
            taken = 0;
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    List<Kept> due = new ArrayList<>();
                    // a suspended commune's mails wait (they are given up after two days like any other: giveUpStale)
                    try (PreparedStatement ps = c.prepareStatement("select m.id, m.commune_name, m.recipient, m.subject,"
                            + " m.body, m.attempts, m.created_at from platform.mail_retry m"
                            + " left join platform.commune k on k.id = m.commune_id"
                            + " where m.sent_at is null and m.abandoned_at is null and m.next_attempt <= now()"
                            + " and (k.status is null or k.status <> 'SUSPENDED')"
                            + " order by m.id limit " + BATCH + " for update of m skip locked");
                         ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            due.add(new Kept(rs.getLong(1), new MailRequested(rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5)), rs.getInt(6), rs.getObject(7, OffsetDateTime.class)));
                        }
                    }
                    taken = due.size();
                    for (Kept k : due) {
                        sent += retry(c, k) ? 1 : 0;
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                LOG.log(Level.SEVERE, "Nouvel essai des courriels gardés impossible", e);
                return sent;
            }
        } while (taken == BATCH);
        forgetOld();
        return sent;
    }

    /**
     * Mails still waiting after {@link MailRetries#GIVE_UP_AFTER} are given up, whether or not they were tried meanwhile:
     * a suspended commune's (never tried while it is suspended) would otherwise go out weeks later, stale, when it is
     * resumed, and their addresses and texts be kept as long as it stays suspended.
     */
    private void giveUpStale() {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("update platform.mail_retry"
                + " set abandoned_at = now(), last_error = coalesce(last_error, 'non envoyé en deux jours (commune suspendue ?)')"
                + " where sent_at is null and abandoned_at is null and created_at < now() - make_interval(secs => ?)")) {
            ps.setLong(1, MailRetries.GIVE_UP_AFTER.toSeconds());
            int n = ps.executeUpdate();
            if (n > 0) {
                LOG.warning(() -> n + " courriel(s) abandonné(s) après deux jours sans envoi");
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Courriels gardés trop anciens : abandon impossible", e);
        }
    }

    /**
     * The kept mails done with — sent a week ago, given up a month ago (the logs tell it) — are deleted: their
     * families' addresses and texts are kept no longer than they serve.
     */
    private void forgetOld() {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("delete from platform.mail_retry"
                + " where sent_at < now() - interval '7 days' or abandoned_at < now() - interval '30 days'")) {
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Courriels gardés envoyés ou abandonnés : effacement impossible", e);
        }
    }

    /** A kept mail as read back. */
    private record Kept(long id, MailRequested mail, int attempts, OffsetDateTime createdAt) {
    }

    private boolean retry(Connection c, Kept k) throws SQLException {
        OffsetDateTime now = now();
        try {
            deliver(k.mail());
            try (PreparedStatement ps = c.prepareStatement("update platform.mail_retry set sent_at = now(), attempts = attempts + 1"
                    + " where id = ?")) {
                ps.setLong(1, k.id());
                ps.executeUpdate();
            }
            return true;
        } catch (MessagingException | UnsupportedEncodingException e) {
            boolean givenUp = MailRetries.givenUp(k.createdAt(), now);
            if (givenUp) {
                LOG.log(Level.SEVERE, "Courriel abandonné après deux jours d'essais, à " + k.mail().to() + " : "
                        + k.mail().subject(), e);
            }
            try (PreparedStatement ps = c.prepareStatement("update platform.mail_retry set attempts = attempts + 1,"
                    + " next_attempt = ?, last_error = ?, abandoned_at = case when ? then now() end where id = ?")) {
                ps.setObject(1, MailRetries.next(k.attempts() + 1, now));
                ps.setString(2, error(e));
                ps.setBoolean(3, givenUp);
                ps.setLong(4, k.id());
                ps.executeUpdate();
            }
            return false;
        }
    }

    /** Keeps {@code mail} for the retry job, first tried at {@code next}. */
    private void keep(MailRequested mail, Long communeId, String why, OffsetDateTime next) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into platform.mail_retry (commune_name, recipient, subject,"
                     + " body, last_error, next_attempt, commune_id) values (?, ?, ?, ?, ?, ?, ?)")) {
            bindMail(ps, mail);
            ps.setString(5, cut(why, 1000));
            ps.setObject(6, next);
            ps.setObject(7, communeId, java.sql.Types.BIGINT);
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Courriel perdu (ni envoyé ni gardé) à " + mail.to() + " : " + mail.subject(), e);
        }
    }

    /**
     * Keeps a mail the sender did not send for the retry job, first tried at {@code next}: its outbox row, no longer
     * leased to this server (or a new row for a mail that has none).
     */
    private void keep(Queued q, String why, OffsetDateTime next) {
        if (q.rowId() == null) {
            keep(q.mail(), q.communeId(), why, next);
            return;
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("update platform.mail_retry set attempts = greatest(attempts, 1),"
                     + " last_error = ?, next_attempt = ? where id = ?")) {
            ps.setString(1, cut(why, 1000));
            ps.setObject(2, next);
            ps.setLong(3, q.rowId());
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Courriel non envoyé à " + q.mail().to() + " : " + q.mail().subject()
                    + " ; il partira à la fin de son bail dans la file durable", e);
        }
    }

    /** The mail's commune name, recipient, subject and body as parameters 1–4. */
    private static void bindMail(PreparedStatement ps, MailRequested mail) throws SQLException {
        ps.setString(1, cut(mail.communeName(), 200));
        ps.setString(2, cut(mail.to(), 320));
        ps.setString(3, cut(mail.subject(), 1000));
        ps.setString(4, mail.text());
    }

    private Session session() {
        SmtpSettings r = relay.settings();
        return Session.getInstance(properties(r.host(), r.port(), r.starttls(), r.authenticated()));
    }

    /** The session's settings: the relay, its timeouts, STARTTLS required when asked, the account when there is one. */
    static Properties properties(String host, int port, boolean starttls, boolean authenticated) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "5000");
        // a reply waited for a minute (RFC 5321 asks ten for the one after DATA): a relay slow to take a mail it already
        // queued (scanning, a broadcast's rush) timed out at 5 s, and the mail sent again at once went twice
        props.put("mail.smtp.timeout", "60000");
        if (starttls) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        props.put("mail.smtp.auth", Boolean.toString(authenticated));
        return props;
    }

    /** Opens a connection to the relay, signed in with its account when there is one. */
    private void connect(Transport t) throws MessagingException {
        SmtpSettings r = relay.settings();
        if (r.authenticated()) {
            t.connect(r.host(), r.port(), r.user(), r.password() == null ? "" : r.password());
        } else {
            t.connect();
        }
    }

    private MimeMessage message(Session session, MailRequested mail) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(relay.settings().fromAddress(), mail.communeName(), StandardCharsets.UTF_8.name()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to()));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.text(), StandardCharsets.UTF_8.name());
        return message;
    }

    /** {@code mail} on its own connection. */
    private void deliver(MailRequested mail) throws MessagingException, UnsupportedEncodingException {
        close(deliverOn(null, mail));
    }

    /** {@code mail} on {@code transport} (opened first when {@code null}); returns the connection, still open. */
    private Transport deliverOn(Transport transport, MailRequested mail) throws MessagingException, UnsupportedEncodingException {
        Session session = session();
        MimeMessage message = message(session, mail);
        Transport t = transport;
        if (t == null) {
            t = session.getTransport("smtp");
            connect(t);
        }
        try {
            message.saveChanges();
            t.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            close(t);
            throw e;
        }
        return t;
    }

    /** Closes {@code transport} if open; {@code null}. */
    private static Transport close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.log(Level.FINE, "Connexion SMTP fermée avec une erreur", e);
            }
        }
        return null;
    }

    /** Now, at the platform's offset (PlatformTime's clock). */
    private static OffsetDateTime now() {
        return PlatformTime.at(java.time.Instant.now(PlatformTime.clock()));
    }

    private static String error(Exception e) {
        return cut(e.getClass().getSimpleName() + " : " + e.getMessage(), 1000);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
