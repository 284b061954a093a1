package fr.portailfamille.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.jwt.JWTParser;
import fr.portailfamille.tenancy.Commune;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OpenID Connect with each commune's realm. Provider metadata, ID token validators and key sources
 * are kept per realm, so keys are fetched once and refreshed by Nimbus when they rotate.
 */
@ApplicationScoped
public class OidcClient {

    private static final Logger LOG = Logger.getLogger(OidcClient.class.getName());

    /**
     * What must be remembered between the redirect to Keycloak and the callback; {@code action} is the
     * application-initiated action asked ({@code UPDATE_PASSWORD}, {@code UPDATE_EMAIL}), {@code null} for a login.
     */
    public record PendingLogin(String communeSlug, State state, Nonce nonce, CodeVerifier verifier, URI redirectUri,
                               String returnTo, String action) implements java.io.Serializable {
    }

    private record Realm(OIDCProviderMetadata metadata, IDTokenValidator idTokenValidator,
                         DefaultJWTProcessor<SecurityContext> accessTokenProcessor) {
    }

    @Inject
    @ConfigProperty(name = "pf.keycloak.url")
    private String keycloakUrl;

    private final ConcurrentMap<String, Realm> realms = new ConcurrentHashMap<>();

    public Issuer issuer(Commune commune) {
        return new Issuer(keycloakUrl + "/realms/" + commune.realmName());
    }

    /** Starts a login: the URL of the commune's Keycloak login page, and what to check at the callback. */
    public PendingLogin newLogin(Commune commune, URI redirectUri, String returnTo) {
        return newLogin(commune, redirectUri, returnTo, null);
    }

    /**
     * Starts an application-initiated action of Keycloak ({@code kc_action}): the signed-in parent goes through the
     * commune's Keycloak, in its theme, and comes back through the same callback as a login.
     */
    public PendingLogin newLogin(Commune commune, URI redirectUri, String returnTo, String action) {
        return new PendingLogin(commune.slug(), new State(), new Nonce(), new CodeVerifier(), redirectUri, returnTo, action);
    }

    /** {@link #authorizationUrl(Commune, PendingLogin, boolean, Locale)}: a sign-in, in French. */
    public URI authorizationUrl(Commune commune, PendingLogin login) {
        return authorizationUrl(commune, login, false, java.util.Locale.FRENCH);
    }

    /**
     * The commune's Keycloak page that starts {@code login}: its sign-in page, or with {@code signUp} its page
     * creating an account ({@code prompt=create}, "Initiating User Registration via OpenID Connect"), after which
     * the new parent comes back signed in through the same callback. Keycloak's pages (and the mails it sends from
     * them: the address to confirm, the password to reset) are in {@code language}, the portal's page language
     * ({@code ui_locales}: it wins over the browser's).
     */
    public URI authorizationUrl(Commune commune, PendingLogin login, boolean signUp, java.util.Locale language) {
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "email"), new ClientID(commune.oidcClientId()), login.redirectUri())
                .endpointURI(realm(commune).metadata().getAuthorizationEndpointURI())
                .state(login.state())
                .nonce(login.nonce())
                .codeChallenge(login.verifier(), CodeChallengeMethod.S256)
                .customParameter("ui_locales", language.getLanguage());
        if (login.action() != null) {
            request.customParameter("kc_action", login.action());
        }
        if (signUp) {
            request.prompt(new Prompt(Prompt.Type.CREATE));
        }
        return request.build().toURI();
    }

    /** A sign-in completed: who, and the refresh token that tells later whether Keycloak's session still runs. */
    public record SignedIn(SignedInUser user, String refreshToken) {
    }

    /** What Keycloak says of a sign-in's session ({@link #stillSignedIn}). */
    public enum SessionState {
        /** Still running (the refresh token was renewed). */
        RUNNING,
        /** Over: signed out (everywhere, a password reset), the account disabled or deleted, the session expired. */
        ENDED,
        /** Keycloak did not answer: nothing known, the session is kept (an outage does not sign everybody out). */
        UNKNOWN
    }

    /** {@link SessionState}, and the renewed refresh token when {@code RUNNING}. */
    public record SessionCheck(SessionState state, String refreshToken) {
    }

    /**
     * Whether the Keycloak session behind a sign-in still runs: a refresh grant with its refresh token, which Keycloak
     * refuses ({@code invalid_grant}) once the session is ended, the user disabled or deleted.
     */
    public SessionCheck stillSignedIn(Commune commune, String refreshToken) {
        try {
            Realm realm = realm(commune);
            TokenRequest request = new TokenRequest(realm.metadata().getTokenEndpointURI(),
                    new ClientSecretBasic(new ClientID(commune.oidcClientId()), new Secret(commune.oidcClientSecret())),
                    new RefreshTokenGrant(new RefreshToken(refreshToken)));
            var http = request.toHTTPRequest();
            http.setConnectTimeout(2000);
            http.setReadTimeout(3000);
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (response.indicatesSuccess()) {
                RefreshToken renewed = response.toSuccessResponse().getTokens().getRefreshToken();
                return new SessionCheck(SessionState.RUNNING, renewed == null ? refreshToken : renewed.getValue());
            }
            var error = response.toErrorResponse().getErrorObject();
            if (error != null && "invalid_grant".equals(error.getCode())) {
                return new SessionCheck(SessionState.ENDED, null);
            }
            LOG.warning(() -> "Session Keycloak de " + commune.slug() + " non vérifiée : " + error);
            return new SessionCheck(SessionState.UNKNOWN, refreshToken);
        } catch (Exception e) {
            LOG.fine(() -> "Session Keycloak de " + commune.slug() + " non vérifiée : " + e.getMessage());
            return new SessionCheck(SessionState.UNKNOWN, refreshToken);
        }
    }

    /** Exchanges the code, validates the ID token (signature, issuer, audience, nonce, expiry). */
    public SignedIn completeLogin(Commune commune, PendingLogin login, String code) throws OidcException {
        try {
            Realm realm = realm(commune);
            TokenRequest request = new TokenRequest(realm.metadata().getTokenEndpointURI(),
                    new ClientSecretBasic(new ClientID(commune.oidcClientId()), new Secret(commune.oidcClientSecret())),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), login.redirectUri(), login.verifier()));
            TokenResponse response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new OidcException("Échange du code refusé : " + response.toErrorResponse().getErrorObject());
            }
            OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
            var idToken = tokens.getOIDCTokens().getIDToken();
            IDTokenClaimsSet claims = realm.idTokenValidator().validate(idToken, login.nonce());
            String name = claims.getStringClaim("name");
            if (name == null || name.isBlank()) {
                name = claims.getStringClaim("email");
            }
            RefreshToken refresh = tokens.getOIDCTokens().getRefreshToken();
            return new SignedIn(new SignedInUser(commune.slug(), claims.getSubject().getValue(), name,
                    claims.getStringClaim("email"), Boolean.TRUE.equals(claims.getBooleanClaim("email_verified")),
                    roles(claims.getStringListClaim("roles")), idToken.serialize(),
                    roles(claims.getStringListClaim("groups"))), refresh == null ? null : refresh.getValue());
        } catch (OidcException e) {
            throw e;
        } catch (Exception e) {
            throw new OidcException("Connexion impossible : " + e.getMessage(), e);
        }
    }

    /**
     * Validates a bearer access token for this commune: signed by the commune's realm, issued by it,
     * meant for the platform, not expired. A token of another commune fails on the issuer.
     */
    public SignedInUser validateAccessToken(Commune commune, String token) throws OidcException {
        try {
            JWTClaimsSet claims = realm(commune).accessTokenProcessor().process(JWTParser.parse(token), null);
            requireApiAccessToken(claims);
            return new SignedInUser(commune.slug(), claims.getSubject(), claims.getStringClaim("name"),
                    claims.getStringClaim("email"), Boolean.TRUE.equals(claims.getBooleanClaim("email_verified")),
                    roles(claims.getStringListClaim("roles")), null, roles(claims.getStringListClaim("groups")));
        } catch (Exception e) {
            throw new OidcException("Jeton refusé : " + e.getMessage(), e);
        }
    }

    /**
     * An ID token (or a refresh token) is signed by the same realm and names the platform as audience,
     * but it is not an access token: Keycloak writes the token type in the {@code typ} claim
     * ({@code Bearer} for access tokens, {@code ID} for ID tokens, {@code Refresh} ...). Only access
     * tokens issued for the platform's API (audience checked by the processor) are accepted.
     */
    static void requireApiAccessToken(JWTClaimsSet claims) throws OidcException {
        Object type = claims.getClaim("typ");
        if (!"Bearer".equals(type)) {
            throw new OidcException("Jeton refusé : ce n'est pas un jeton d'accès (typ=" + type + ")");
        }
        if (claims.getAudience() == null || claims.getAudience().isEmpty()) {
            throw new OidcException("Jeton refusé : aucune audience");
        }
    }

    private final ConcurrentMap<String, long[]> availability = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Exception> identityFailures = new ConcurrentHashMap<>();

    /** Why the realm did not answer last time (for the outage log), if known. */
    public Exception identityFailure(Commune commune) {
        return identityFailures.get(commune.realmName());
    }

    /**
     * Whether the commune's Keycloak realm answers (checked at most every 5 s per realm, 2 s timeout):
     * a visitor is sent to the login page only when it can be shown, otherwise gets the 503 page.
     */
    public boolean identityAvailable(Commune commune) {
        return realmAnswers(commune.realmName());
    }

    private boolean realmAnswers(String realmName) {
        long now = System.nanoTime();
        long[] last = availability.get(realmName);
        if (last != null && now - last[0] < 5_000_000_000L) {
            return last[1] == 1;
        }
        boolean up;
        try {
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(keycloakUrl + "/realms/"
                    + realmName + "/.well-known/openid-configuration").toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(3000);
            try {
                up = c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (java.io.IOException e) {
            up = false;
            identityFailures.put(realmName, e);
        }
        availability.put(realmName, new long[] {now, up ? 1 : 0});
        if (up) {
            fr.portailfamille.platform.ops.Outage.recovered(fr.portailfamille.platform.ops.Outage.Cause.IDENTITY);
        }
        return up;
    }

    /** Keycloak's logout URL (ends its session), coming back to the commune's website. */
    public URI logoutUrl(Commune commune, String idToken) {
        try {
            return new LogoutRequest(realm(commune).metadata().getEndSessionEndpointURI(),
                    idToken == null ? null : JWTParser.parse(idToken), null,
                    new ClientID(commune.oidcClientId()), URI.create(commune.websiteUrl()), null, null).toURI();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> roles(List<String> claim) {
        return claim == null ? List.of() : List.copyOf(claim);
    }

    private Realm realm(Commune commune) {
        return realm(commune.realmName(), commune.oidcClientId());
    }

    private Realm realm(String realmName, String clientId) {
        return realms.computeIfAbsent(realmName, name -> {
            try {
                Issuer issuer = new Issuer(keycloakUrl + "/realms/" + name);
                OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer);
                URL jwks = metadata.getJWKSetURI().toURL();
                IDTokenValidator idTokens = new IDTokenValidator(issuer, new ClientID(clientId),
                        JWSAlgorithm.RS256, jwks);
                JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwks).retrying(true).build();
                DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
                processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
                processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                        new JWTClaimsSet.Builder().issuer(issuer.getValue()).build(),
                        new HashSet<>(Set.of("sub", "exp", "iat"))));
                return new Realm(metadata, idTokens, processor);
            } catch (Exception e) {
                throw new IllegalStateException("Royaume Keycloak " + name + " injoignable : " + e.getMessage(), e);
            }
        });
    }

    // ----- the platform operators' realm (never a commune's) -----

    /** The operators' realm (kept by {@code identity.OperatorRealm}, created by the stack that installs the platform). */
    public static final String OPERATOR_REALM = "pf-operateurs";
    /** The console's public client (code flow + PKCE); its access tokens name it as audience, which the API requires. */
    public static final String OPERATOR_CLIENT = "portail-operateur";
    /** What a pending login of the operator host carries in place of a commune's slug (no slug has a tilde). */
    static final String OPERATOR_LOGIN = "~operateurs";

    /** Starts an operator's login on the operator host. */
    public PendingLogin newOperatorLogin(URI redirectUri, String returnTo) {
        return new PendingLogin(OPERATOR_LOGIN, new State(), new Nonce(), new CodeVerifier(), redirectUri, returnTo, null);
    }

    /** The operators' realm's login page for this pending login (code flow, PKCE S256, French). */
    public URI operatorAuthorizationUrl(PendingLogin login) {
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "profile", "email"),
                new ClientID(OPERATOR_CLIENT), login.redirectUri())
                .endpointURI(realm(OPERATOR_REALM, OPERATOR_CLIENT).metadata().getAuthorizationEndpointURI())
                .state(login.state())
                .nonce(login.nonce())
                .codeChallenge(login.verifier(), CodeChallengeMethod.S256)
                .customParameter("ui_locales", "fr")
                .build().toURI();
    }

    /**
     * Exchanges an operator's code (public client: the PKCE verifier proves the login) and validates the ID token
     * against the operators' realm.
     */
    public OperatorUser completeOperatorLogin(PendingLogin login, String code) throws OidcException {
        try {
            Realm realm = realm(OPERATOR_REALM, OPERATOR_CLIENT);
            TokenRequest request = new TokenRequest(realm.metadata().getTokenEndpointURI(), new ClientID(OPERATOR_CLIENT),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), login.redirectUri(), login.verifier()));
            TokenResponse response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new OidcException("Échange du code refusé : " + response.toErrorResponse().getErrorObject());
            }
            OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
            var idToken = tokens.getOIDCTokens().getIDToken();
            IDTokenClaimsSet claims = realm.idTokenValidator().validate(idToken, login.nonce());
            String name = claims.getStringClaim("name");
            return new OperatorUser(claims.getSubject().getValue(), name == null || name.isBlank()
                    ? claims.getStringClaim("email") : name, claims.getStringClaim("email"),
                    roles(claims.getStringListClaim("roles")), idToken.serialize());
        } catch (OidcException e) {
            throw e;
        } catch (Exception e) {
            throw new OidcException("Connexion impossible : " + e.getMessage(), e);
        }
    }

    /**
     * Validates a bearer access token of the operators' realm: signed and issued by it, for the console's audience, an
     * access token (not an ID token), not expired. A commune's token fails on the issuer.
     */
    public OperatorUser validateOperatorToken(String token) throws OidcException {
        try {
            JWTClaimsSet claims = realm(OPERATOR_REALM, OPERATOR_CLIENT).accessTokenProcessor()
                    .process(JWTParser.parse(token), null);
            requireApiAccessToken(claims);
            String name = claims.getStringClaim("name");
            return new OperatorUser(claims.getSubject(), name == null || name.isBlank()
                    ? claims.getStringClaim("email") : name, claims.getStringClaim("email"),
                    roles(claims.getStringListClaim("roles")), null);
        } catch (Exception e) {
            throw new OidcException("Jeton refusé : " + e.getMessage(), e);
        }
    }

    /** Whether the operators' realm answers (same rule as a commune's: checked at most every 5 s). */
    public boolean operatorIdentityAvailable() {
        return realmAnswers(OPERATOR_REALM);
    }

    /** Keycloak's logout URL for an operator, back to the operator host. */
    public URI operatorLogoutUrl(String idToken, URI back) {
        try {
            return new LogoutRequest(realm(OPERATOR_REALM, OPERATOR_CLIENT).metadata().getEndSessionEndpointURI(),
                    idToken == null ? null : JWTParser.parse(idToken), null,
                    new ClientID(OPERATOR_CLIENT), back, null, null).toURI();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
