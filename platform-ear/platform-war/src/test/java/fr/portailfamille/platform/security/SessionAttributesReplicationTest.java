package fr.portailfamille.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the OIDC login keeps in the HTTP session — the pending login (state, nonce, PKCE verifier, the commune it
 * was opened in), the signed-in user with the ID token Keycloak signed, an account action's result — written and read
 * back as another Payara Micro instance of the cluster reads a replicated session: identical afterwards, so the
 * callback and the commune check ({@link OidcAuthenticationMechanism}) work on whichever instance gets the request.
 * ClusterFailoverIT proves it with a real login behind HAProxy; this pins each attribute and its size.
 */
class SessionAttributesReplicationTest {

    @Test
    void thePendingLoginComesBackWithItsStateNonceVerifierAndCommune() throws Exception {
        OidcClient.PendingLogin login = new OidcClient.PendingLogin("alpha", new State(), new Nonce(), new CodeVerifier(),
                URI.create("http://alpha.localhost:28190/oidc/callback"), "/espace/planning.xhtml?mois=2027-01", null);
        OidcClient.PendingLogin back = roundTrip(login);
        assertEquals(login, back);
        assertEquals(login.state().getValue(), back.state().getValue());
        assertEquals(login.nonce().getValue(), back.nonce().getValue());
        assertEquals(login.verifier().getValue(), back.verifier().getValue(), "le vérificateur PKCE survit");
        assertEquals("alpha", back.communeSlug());
        OidcClient.PendingLogin action = new OidcClient.PendingLogin("beta", new State(), new Nonce(), new CodeVerifier(),
                URI.create("http://beta.localhost:28190/oidc/callback"), "/espace/profil.xhtml", "UPDATE_EMAIL");
        assertEquals(action, roundTrip(action));
    }

    @Test
    void theSignedInUserComesBackBoundToItsCommuneWithItsIdToken() throws Exception {
        SignedInUser user = new SignedInUser("alpha", UUID.randomUUID().toString(), "Camille Martin", "parent@alpha.test",
                true, List.of("parent", "default-roles-pf-alpha"), idToken(), List.of("service-enfance"));
        SignedInUser back = roundTrip(user);
        assertEquals(user, back);
        assertEquals("alpha", back.communeSlug());
        assertTrue(back.hasRole("parent"));
        assertEquals(user.idToken(), back.idToken(), "le jeton d'identité (déconnexion Keycloak) survit");
        assertEquals(new AccountActions.Result(AccountActions.Action.UPDATE_PASSWORD, AccountActions.Status.SUCCESS),
                roundTrip(new AccountActions.Result(AccountActions.Action.UPDATE_PASSWORD, AccountActions.Status.SUCCESS)));
        // the whole login part of a session, as the mechanism leaves it after the callback
        Map<String, Object> session = new LinkedHashMap<>();
        session.put(SignedInUser.SESSION_ATTRIBUTE, user);
        session.put(AccountActions.RESULT_ATTRIBUTE, new AccountActions.Result(AccountActions.Action.UPDATE_EMAIL,
                AccountActions.Status.CANCELLED));
        int size = serialize(new LinkedHashMap<>(session)).length;
        System.out.println("[SessionAttributesReplicationTest] attributs de connexion sérialisés : " + size + " octets");
        assertTrue(size < 8_192, "la connexion pèse peu dans la session répliquée : " + size + " octets");
        assertEquals(session, roundTrip(new LinkedHashMap<>(session)));
    }

    /** An ID token the size of Keycloak's: RS256 over the usual claims. */
    private static String idToken() throws Exception {
        var key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://localhost:28081/realms/pf-alpha")
                .subject(UUID.randomUUID().toString()).audience("portail-famille").expirationTime(Date.from(Instant.now()
                        .plusSeconds(300))).issueTime(new Date()).jwtID(UUID.randomUUID().toString())
                .claim("typ", "ID").claim("azp", "portail-famille").claim("nonce", new Nonce().getValue())
                .claim("sid", UUID.randomUUID().toString()).claim("at_hash", "x4hWbJ3qvIyiHqm4N3Gn2A")
                .claim("email_verified", true).claim("name", "Camille Martin").claim("preferred_username", "parent@alpha.test")
                .claim("given_name", "Camille").claim("family_name", "Martin").claim("email", "parent@alpha.test")
                .claim("roles", List.of("parent", "default-roles-pf-alpha")).claim("groups", List.of("service-enfance"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static byte[] serialize(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T o) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(o)))) {
            return (T) in.readObject();
        }
    }
}
