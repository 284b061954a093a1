package fr.portailfamille.platform.security;

import fr.portailfamille.tenancy.Commune;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;

/**
 * A portal session lasts only as long as the Keycloak session it was opened from: a parent who signs out everywhere
 * (or resets a stolen password), an account disabled or deleted in Keycloak, ends the portal sessions too — on the
 * next request after at most {@link #INTERVAL}, on whichever replica. Keycloak is asked with the sign-in's refresh
 * token (a refresh grant, refused once its session is over); when it does not answer, the session is kept.
 */
final class KeycloakSessions {

    /** The session attribute holding the sign-in's refresh token. */
    static final String REFRESH_TOKEN = "pf.refreshToken";

    /** The session attribute holding when Keycloak was last asked (epoch milliseconds). */
    static final String CHECKED_AT = "pf.keycloakCheckedAt";

    /** How often a session asks Keycloak at most ({@code pf.session.keycloak-check-seconds}, 60 by default). */
    static final Duration INTERVAL = Duration.ofSeconds(Long.getLong("pf.session.keycloak-check-seconds", 60));

    private KeycloakSessions() {
    }

    /** Keeps what the check needs, at sign-in. */
    static void start(HttpSession session, String refreshToken) {
        if (refreshToken != null) {
            session.setAttribute(REFRESH_TOKEN, refreshToken);
        }
        session.setAttribute(CHECKED_AT, System.currentTimeMillis());
    }

    /** Whether the Keycloak session behind {@code session} is known to be over (asked at most every {@link #INTERVAL}). */
    static boolean ended(OidcClient oidc, Commune commune, HttpSession session) {
        if (!(session.getAttribute(REFRESH_TOKEN) instanceof String token)) {
            return false; // a session opened before this rule: its age still ends it (SessionAge)
        }
        long now = System.currentTimeMillis();
        if (session.getAttribute(CHECKED_AT) instanceof Long at && now - at < INTERVAL.toMillis()) {
            return false;
        }
        session.setAttribute(CHECKED_AT, now);
        OidcClient.SessionCheck check = oidc.stillSignedIn(commune, token);
        if (check.state() == OidcClient.SessionState.ENDED) {
            return true;
        }
        if (check.refreshToken() != null && !check.refreshToken().equals(token)) {
            session.setAttribute(REFRESH_TOKEN, check.refreshToken());
        }
        return false;
    }
}
