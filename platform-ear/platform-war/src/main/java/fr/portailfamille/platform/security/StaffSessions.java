package fr.portailfamille.platform.security;

import fr.portailfamille.platform.ops.Outage;
import fr.portailfamille.tenancy.Commune;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps agents' platform sessions in line with their administrator's decisions, on every replica: an administrator's
 * disabling, re-enabling or role change ({@link #record}, in the action's transaction) bumps the commune's
 * {@code platform.commune.staff_version} and writes the agent's state in {@code platform.staff_session_change}. A
 * session remembers the version it knew at sign-in; on each request of a staff session, {@link #check} compares it with
 * the commune's version (read at most every {@code pf.staff.session-check-ms}, 1 s by default, per commune and replica;
 * the replica that made the change forgets its cached version when the change commits) and only when it is behind
 * reads the agent's row ({@link StaffSessionRule}): the session is then signed out or gets the new roles. Parents'
 * sessions are never checked: nothing here touches the database for them.
 */
@ApplicationScoped
public class StaffSessions {

    /** The commune's staff version the session last knew (a {@code Long}). */
    public static final String KNOWN_ATTRIBUTE = "pf.user.staff-version";
    private static final Logger LOG = Logger.getLogger(StaffSessions.class.getName());

    private record Cached(long version, long expiresAt) {
    }

    @Resource(lookup = "java:app/jdbc/portail")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry registry;

    @Inject
    @ConfigProperty(name = "pf.staff.session-check-ms", defaultValue = "1000")
    long checkMillis;

    private final ConcurrentMap<Long, Cached> versions = new ConcurrentHashMap<>();

    /** For CDI. */
    public StaffSessions() {
    }

    /** An instance of its own, as another replica has (its own cache): for tests. */
    public StaffSessions(DataSource dataSource, long checkMillis) {
        this.dataSource = dataSource;
        this.checkMillis = checkMillis;
    }

    /**
     * The commune's staff version now, read in the database (not the cache): what a session is given when its sign-in
     * begins, before Keycloak issues its tokens, so that any change after them is above it.
     */
    public long current(Commune commune) {
        long v = read(commune.id());
        versions.put(commune.id(), new Cached(v, System.nanoTime() + checkMillis * 1_000_000L));
        return v;
    }

    /**
     * The session's user as it stands now: {@code user} itself, the same with the roles its administrator gave since,
     * or {@code null} when it was disabled since its sign-in (the caller ends the session). Only staff sessions are
     * checked; a session without a known version (opened before this check existed) is checked against version 0.
     */
    public SignedInUser check(Commune commune, HttpSession session, SignedInUser user) {
        if (!StaffRoles.isStaff(user)) {
            return user;
        }
        long known = session.getAttribute(KNOWN_ATTRIBUTE) instanceof Long l ? l : 0L;
        Seen seen = look(commune, user, known);
        if (seen.version() <= known) {
            return user;
        }
        StaffSessionRule.Outcome outcome = seen.outcome();
        if (outcome.signOut()) {
            LOG.info(() -> "Commune " + commune.slug() + " : session de l'agent " + user.email()
                    + " fermée (compte désactivé par un administrateur)");
            return null;
        }
        SignedInUser current = user;
        if (!outcome.keep()) {
            current = new SignedInUser(user.communeSlug(), user.subject(), user.name(), user.email(),
                    user.emailVerified(), outcome.roles(), user.idToken(), user.groups());
            session.setAttribute(SignedInUser.SESSION_ATTRIBUTE, current);
            LOG.info(() -> "Commune " + commune.slug() + " : rôles de l'agent " + user.email() + " mis à jour ("
                    + String.join(", ", outcome.roles()) + ")");
        }
        session.setAttribute(KNOWN_ATTRIBUTE, seen.version());
        return current;
    }

    /** What a session that knew {@code known} should become, and the version it knows afterwards. */
    public record Seen(long version, StaffSessionRule.Outcome outcome) {
    }

    /**
     * What becomes of {@code user}'s session that knew {@code known}: the commune's version (cached) and, when it is
     * above {@code known}, the agent's row decide ({@link StaffSessionRule}); the database is read only then.
     */
    public Seen look(Commune commune, SignedInUser user, long known) {
        long now = cached(commune.id());
        if (now <= known) {
            return new Seen(known, StaffSessionRule.decide(known, user.roles(), null));
        }
        StaffSessionRule.Change change = change(commune.id(), user.subject());
        return new Seen(Math.max(now, change == null ? 0 : change.version()),
                StaffSessionRule.decide(known, user.roles(), change));
    }

    /**
     * Records, in the running transaction, an administrator's change of an agent of this commune: its state after the
     * change ({@code enabled}, its staff {@code roles}) and whether its sessions end ({@code signOut}: a disabling).
     * This replica's cached version of the commune is dropped once the transaction commits.
     *
     * @return the commune's new staff version
     */
    public long record(Connection tx, Commune commune, String subject, boolean enabled, Collection<String> roles,
                       boolean signOut) {
        try {
            long version;
            try (PreparedStatement ps = tx.prepareStatement(
                    "update platform.commune set staff_version = staff_version + 1 where id = ? returning staff_version")) {
                ps.setLong(1, commune.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("Commune absente du registre : " + commune.slug());
                    }
                    version = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = tx.prepareStatement("insert into platform.staff_session_change"
                    + " (commune_id, subject, version, signed_out_version, enabled, roles) values (?, ?, ?, ?, ?, ?)"
                    + " on conflict (commune_id, subject) do update set version = excluded.version,"
                    + " signed_out_version = greatest(platform.staff_session_change.signed_out_version,"
                    + " excluded.signed_out_version), enabled = excluded.enabled, roles = excluded.roles, changed_at = now()")) {
                ps.setLong(1, commune.id());
                ps.setString(2, subject);
                ps.setLong(3, version);
                ps.setLong(4, signOut ? version : 0L);
                ps.setBoolean(5, enabled);
                ps.setString(6, roles.stream().filter(StaffSessionRule.STAFF_ROLES::contains).sorted()
                        .collect(Collectors.joining(",")));
                ps.executeUpdate();
            }
            if (registry != null) {
                long id = commune.id();
                registry.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            versions.remove(id);
                        }
                    }
                });
            }
            return version;
        } catch (SQLException e) {
            throw new IllegalStateException("Écriture de l'état des sessions de l'agent impossible", e);
        }
    }

    private long cached(long communeId) {
        long nanos = System.nanoTime();
        Cached c = versions.get(communeId);
        if (c != null && c.expiresAt() > nanos) {
            return c.version();
        }
        long v = read(communeId);
        versions.put(communeId, new Cached(v, nanos + checkMillis * 1_000_000L));
        return v;
    }

    private long read(long communeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select staff_version from platform.commune where id = ?")) {
            ps.setLong(1, communeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private StaffSessionRule.Change change(long communeId, String subject) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select version, signed_out_version, enabled, roles"
                     + " from platform.staff_session_change where commune_id = ? and subject = ?")) {
            ps.setLong(1, communeId);
            ps.setString(2, subject);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String roles = rs.getString(4);
                return new StaffSessionRule.Change(rs.getLong(1), rs.getLong(2), rs.getBoolean(3),
                        roles.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(roles.split(","))));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static RuntimeException unavailable(SQLException e) {
        if (Outage.classify(e).isPresent()) {
            return new Outage.UnavailableException(Outage.Cause.DATABASE, e);
        }
        return new IllegalStateException("Lecture de l'état des sessions des agents impossible", e);
    }

    /** Keeps in a new staff session the commune's version read when its sign-in began ({@link #current}). */
    public static void remember(HttpSession session, long known) {
        session.setAttribute(KNOWN_ATTRIBUTE, known);
    }
}
