package fr.portailfamille.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.KeySourceException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/**
 * A bearer token refused because the commune's realm could not be reached is an outage (the API answers 503 and the
 * caller retries with the same token), not a bad token (401, which tells it to throw the token away).
 */
class BearerOutageTest {

    @Test
    void aKeyFetchThatCouldNotConnectIsTheIdentityServerDown() {
        OidcException unreachable = new OidcException("Jeton refusé : clés introuvables",
                new KeySourceException("Couldn't retrieve remote JWK set", new ConnectException("Connection refused")));
        assertTrue(OidcAuthenticationMechanism.identityDown(unreachable));
    }

    @Test
    void aBadTokenIsNot() {
        assertFalse(OidcAuthenticationMechanism.identityDown(new OidcException("Jeton refusé : Expired JWT",
                new com.nimbusds.jwt.proc.BadJWTException("Expired JWT"))));
        assertFalse(OidcAuthenticationMechanism.identityDown(new OidcException("Jeton refusé : issuer")));
    }
}
