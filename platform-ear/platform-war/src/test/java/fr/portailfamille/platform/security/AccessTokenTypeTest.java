package fr.portailfamille.platform.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

/** Only Keycloak access tokens (typ Bearer, with an audience) open the API; ID and refresh tokens do not. */
class AccessTokenTypeTest {

    private static JWTClaimsSet.Builder claims(String type) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().subject("u").audience("portail-famille")
                .issuer("http://kc/realms/pf-alpha");
        return type == null ? b : b.claim("typ", type);
    }

    @Test
    void accessTokenIsAccepted() {
        assertDoesNotThrow(() -> OidcClient.requireApiAccessToken(claims("Bearer").build()));
    }

    @Test
    void idRefreshAndUntypedTokensAreRefused() {
        for (String type : new String[] {"ID", "Refresh", "Logout", "bearer", null}) {
            assertThrows(OidcException.class, () -> OidcClient.requireApiAccessToken(claims(type).build()), type);
        }
    }

    @Test
    void accessTokenWithoutAudienceIsRefused() {
        JWTClaimsSet noAudience = new JWTClaimsSet.Builder().subject("u").claim("typ", "Bearer").build();
        assertThrows(OidcException.class, () -> OidcClient.requireApiAccessToken(noAudience));
    }
}
