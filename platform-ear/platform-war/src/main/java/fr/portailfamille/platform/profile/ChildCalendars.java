package fr.portailfamille.platform.profile;

import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.Rows;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The private iCal feeds of the children's booked days: one live token per child, given to the parent once and kept
 * only as its SHA-256; regenerating revokes the previous one, revoking ends it. The feed itself is read by token in
 * the commune of the request only (no session: calendar apps fetch it), never with health data. Each call is one
 * transaction.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class ChildCalendars {

    /** How far back the feed goes; forward it has every confirmed booking. */
    static final int DAYS_BACK = 31;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    Clock clock = PlatformTime.clock();

    /** A child and whether its feed is live (since when). */
    public record Feed(long childId, String firstName, OffsetDateTime since) implements Serializable {
        public long getChildId() { return childId; }
        public String getFirstName() { return firstName; }
        public OffsetDateTime getSince() { return since; }
        public boolean isLive() { return since != null; }
    }

    /** One booked unit-day of the feed. */
    public record Day(long childId, long unitId, LocalDate day, String activity, String unit, LocalTime start, LocalTime end) {
    }

    /** What a token opens: the child's first name and its booked days. */
    public record Opened(long childId, String firstName, List<Day> days) {
    }

    /** The signed-in family's children with the state of their feed (none before the file is stored). */
    public List<Feed> feeds(SignedInUser user) {
        Family f = files.fileOf(user);
        List<Feed> feeds = new ArrayList<>();
        if (f.getId() == null) {
            return feeds;
        }
        for (Child c : f.getChildren()) {
            List<?> live = em.createNativeQuery("select created_at from calendar_feed where child_id = ?1 and family_id = ?2"
                    + " and revoked_at is null").setParameter(1, c.getId()).setParameter(2, f.getId()).getResultList();
            feeds.add(new Feed(c.getId(), c.getFirstName(), live.isEmpty() ? null : Rows.time(live.get(0))));
        }
        return feeds;
    }

    /**
     * A new token for the child (the previous one, if any, revoked): returned once, in clear, for the parent to copy;
     * another family's child is refused.
     */
    public String regenerate(SignedInUser user, long childId) {
        long familyId = ownChild(user, childId);
        revokeLive(childId);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery("insert into calendar_feed (token_hash, child_id, family_id) values (?1, ?2, ?3)")
                .setParameter(1, hash(token)).setParameter(2, childId).setParameter(3, familyId).executeUpdate();
        return token;
    }

    /** Ends the child's live feed: its URL answers 404 from now on. Another family's child is refused. */
    public void revoke(SignedInUser user, long childId) {
        ownChild(user, childId);
        revokeLive(childId);
    }

    /**
     * The child's booked days behind a token of this commune: confirmed bookings (booked, booked late, present) from
     * a month ago on; empty for an unknown, malformed or revoked token.
     */
    public Optional<Opened> open(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        List<?> found = em.createNativeQuery("select c.id, c.first_name from calendar_feed f join child c on c.id = f.child_id"
                + " and c.family_id = f.family_id where f.token_hash = ?1 and f.revoked_at is null")
                .setParameter(1, hash(token)).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] child = (Object[]) found.get(0);
        long childId = Rows.id(child[0]);
        List<Day> days = new ArrayList<>();
        for (Object o : em.createNativeQuery("select b.unit_id, b.day, a.name, u.label, u.start_time, u.end_time"
                        + " from booking b join activity_unit u on u.id = b.unit_id join activity a on a.id = u.activity_id"
                        + " where b.child_id = ?1 and b.status in ('BOOKED', 'BOOKED_LATE', 'PRESENT') and b.day >= ?2"
                        + " order by b.day, u.start_time nulls first, u.id")
                .setParameter(1, childId).setParameter(2, PlatformTime.today(clock).minusDays(DAYS_BACK)).getResultList()) {
            Object[] r = (Object[]) o;
            days.add(new Day(childId, Rows.id(r[0]), Rows.day(r[1]), (String) r[2], (String) r[3], time(r[4]), time(r[5])));
        }
        return Optional.of(new Opened(childId, (String) child[1], days));
    }

    private long ownChild(SignedInUser user, long childId) {
        if (user == null || !TenantContext.require().slug().equals(user.communeSlug())) {
            throw new SecurityException("Connectez-vous pour gérer les calendriers.");
        }
        Family f = files.fileOf(user);
        if (f.getId() == null || f.getChildren().stream().noneMatch(c -> c.getId() != null && c.getId() == childId)) {
            throw new Refused(Refused.text("profile.child.notYours"));
        }
        return f.getId();
    }

    /**
     * Ends the child's live feed, the child's feeds changed one at a time until the transaction ends: two taps on
     * "Régénérer" at once each revoke then insert; without the wait the second insert broke the one-live-feed rule
     * (the error page) instead of replacing the first's link.
     */
    private void revokeLive(long childId) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, "calendar_feed:" + childId).getSingleResult();
        em.createNativeQuery("update calendar_feed set revoked_at = now() where child_id = ?1 and revoked_at is null")
                .setParameter(1, childId).executeUpdate();
    }

    private static LocalTime time(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Time t ? t.toLocalTime() : (LocalTime) value;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
