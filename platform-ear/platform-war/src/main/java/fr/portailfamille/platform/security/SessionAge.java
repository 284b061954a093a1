package fr.portailfamille.platform.security;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;

/**
 * How long a sign-in lasts in the platform's own session, as long as the realm's Keycloak session would: a session
 * kept alive by use no longer outlives it (a parent disabled in Keycloak, an operator whose role was taken away, kept
 * their access for as long as they stayed active). Past it, the user signs in again.
 */
public final class SessionAge {

    /** The session attribute holding when the user signed in (epoch milliseconds). */
    static final String SIGNED_IN_AT = "pf.signedInAt";

    /** A commune realm's longest session ({@code ssoSessionMaxLifespan} of realm-template.json: 10 hours). */
    public static final Duration COMMUNE_MAX = Duration.ofHours(10);

    /** The operators' realm's longest session ({@code ssoSessionMaxLifespan} of operator-realm.json: 8 hours). */
    public static final Duration OPERATOR_MAX = Duration.ofHours(8);

    /** The operators' realm's idle time ({@code ssoSessionIdleTimeout}: 15 minutes; the portal's sessions idle 30). */
    public static final Duration OPERATOR_IDLE = Duration.ofMinutes(15);

    private SessionAge() {
    }

    /** The user of {@code session} signed in now. */
    static void start(HttpSession session) {
        session.setAttribute(SIGNED_IN_AT, System.currentTimeMillis());
    }

    /**
     * Whether the sign-in of {@code session} is over: older than {@code max}, or idle longer than {@code idle} (if
     * given). A session from before this rule (no time kept) starts counting now.
     */
    static boolean over(HttpSession session, Duration max, Duration idle) {
        long now = System.currentTimeMillis();
        if (!(session.getAttribute(SIGNED_IN_AT) instanceof Long signedInAt)) {
            session.setAttribute(SIGNED_IN_AT, now);
            return idle != null && over(now, now, session.getLastAccessedTime(), max, idle);
        }
        return over(signedInAt, now, session.getLastAccessedTime(), max, idle);
    }

    /** The rule itself (unit-tested): {@code lastAccess} is the session's previous request. */
    static boolean over(long signedInAt, long now, long lastAccess, Duration max, Duration idle) {
        if (now - signedInAt > max.toMillis()) {
            return true;
        }
        return idle != null && now - lastAccess > idle.toMillis();
    }
}
