package fr.portailfamille.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.identity.KeycloakRealmProvisioner;
import fr.portailfamille.identity.OperatorRealm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A sign-in lasts as long as the realm's Keycloak session would, however active its user. */
class SessionAgeTest {

    static final long HOUR = Duration.ofHours(1).toMillis();
    static final long MINUTE = Duration.ofMinutes(1).toMillis();

    @Test
    void theLimitsAreTheRealmsOwn() {
        assertEquals(KeycloakRealmProvisioner.template().getSsoSessionMaxLifespan().longValue(),
                SessionAge.COMMUNE_MAX.toSeconds());
        assertEquals(OperatorRealm.template().get("ssoSessionMaxLifespan").asLong(), SessionAge.OPERATOR_MAX.toSeconds());
        assertEquals(OperatorRealm.template().get("ssoSessionIdleTimeout").asLong(), SessionAge.OPERATOR_IDLE.toSeconds());
    }

    @Test
    void aCommuneSignInEndsAfterTenHoursEvenWhenUsedEveryMinute() {
        long signedIn = 1_000_000_000L;
        long now = signedIn + 9 * HOUR;
        assertFalse(SessionAge.over(signedIn, now, now - MINUTE, SessionAge.COMMUNE_MAX, null));
        now = signedIn + 10 * HOUR + MINUTE;
        assertTrue(SessionAge.over(signedIn, now, now - MINUTE, SessionAge.COMMUNE_MAX, null), "active, but too old");
        // the portal's own idle time (30 minutes, web.xml) is the container's: no idle rule here
        assertFalse(SessionAge.over(signedIn, signedIn + HOUR, signedIn, SessionAge.COMMUNE_MAX, null));
    }

    @Test
    void anOperatorSignInEndsAfterEightHoursOrFifteenMinutesIdle() {
        long signedIn = 1_000_000_000L;
        long now = signedIn + 2 * HOUR;
        assertFalse(SessionAge.over(signedIn, now, now - 14 * MINUTE, SessionAge.OPERATOR_MAX, SessionAge.OPERATOR_IDLE));
        assertTrue(SessionAge.over(signedIn, now, now - 16 * MINUTE, SessionAge.OPERATOR_MAX, SessionAge.OPERATOR_IDLE),
                "idle longer than the operators' realm keeps its session");
        now = signedIn + 8 * HOUR + MINUTE;
        assertTrue(SessionAge.over(signedIn, now, now - MINUTE, SessionAge.OPERATOR_MAX, SessionAge.OPERATOR_IDLE));
    }
}
