package fr.portailfamille.it.support;

import fr.portailfamille.tenancy.CommuneRules;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * A real access token of a commune's realm, obtained as an application would: the authorization code flow with PKCE
 * (S256) on the platform's own client or on the families' applications' public client, driven by a plain HTTP client — the realm's login form posted like a browser
 * does, the code taken from the redirect to the platform's callback (not followed), exchanged with the client's secret
 * and the code verifier. Commune realms refuse password grants, and nothing here enables them.
 */
public final class CodeFlowTokens {

    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CodeFlowTokens() {
    }

    /** The access token of {@code email} in commune {@code slug}'s realm, for the platform's API. */
    public static String accessToken(String slug, String email, String password) throws Exception {
        String realmName = CommuneRules.realmName(slug);
        RealmResource realm = StackLauncher.stack().keycloakAdmin().realm(realmName);
        String clientId = "portail-famille";
        String internalId = realm.clients().findByClientId(clientId).get(0).getId();
        String secret = realm.clients().get(internalId).getSecret().getValue();
        return accessToken(slug, email, password, clientId, secret, StackLauncher.url(slug) + "/oidc/callback");
    }

    /**
     * The access token of {@code email} in commune {@code slug}'s realm as a family's application gets it: the realm's
     * public client {@code portail-famille-app}, no secret, the code returned to {@code redirect} (a loopback address
     * with the port the app listens on, RFC 8252, or the app's own scheme).
     */
    public static String appAccessToken(String slug, String email, String password, String redirect) throws Exception {
        return accessToken(slug, email, password, "portail-famille-app", null, redirect);
    }

    /** The authorization request's answer for a redirect: Keycloak's error page (400) for one it does not know. */
    public static HttpResponse<String> authorize(String slug, String clientId, String redirect) throws Exception {
        String realmUrl = StackLauncher.stack().keycloakUrl() + "/realms/" + CommuneRules.realmName(slug)
                + "/protocol/openid-connect";
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(HttpRequest.newBuilder(
                URI.create(realmUrl + "/auth?response_type=code&client_id=" + clientId + "&scope=openid&redirect_uri="
                        + enc(redirect) + "&state=x&code_challenge=" + "a".repeat(43) + "&code_challenge_method=S256"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String accessToken(String slug, String email, String password, String clientId, String secret,
                                      String redirect) throws Exception {
        String realmName = CommuneRules.realmName(slug);
        String realmUrl = StackLauncher.stack().keycloakUrl() + "/realms/" + realmName + "/protocol/openid-connect";

        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = Long.toHexString(RANDOM.nextLong());

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/auth?response_type=code"
                        + "&client_id=" + clientId + "&scope=" + enc("openid profile email") + "&redirect_uri=" + enc(redirect) + "&state=" + state
                        + "&code_challenge=" + challenge + "&code_challenge_method=S256"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        // Keycloak's session cookies are Secure: a browser sends them to http://localhost, Java's CookieManager
        // would not, so they are sent back by hand (name=value of each Set-Cookie)
        String cookies = String.join("; ", login.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0]).filter(c -> !c.endsWith("=")).toList());
        Matcher action = FORM_ACTION.matcher(login.body());
        if (login.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("page de connexion attendue : " + login.statusCode() + " " + login.body());
        }
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(email) + "&password=" + enc(password)
                        + "&credentialId=")).build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || !location.startsWith(redirect + "?")) {
            throw new IllegalStateException("connexion refusée : " + signedIn.statusCode() + " " + location);
        }
        String code = null;
        String returnedState = null;
        for (String pair : location.substring(redirect.length() + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("code")) {
                code = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            } else if (kv[0].equals("state")) {
                returnedState = kv[1];
            }
        }
        if (code == null || !state.equals(returnedState)) {
            throw new IllegalStateException("retour sans code ou état différent : " + location);
        }
        HttpRequest.Builder exchange = HttpRequest.newBuilder(URI.create(realmUrl + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30));
        String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(redirect)
                + "&code_verifier=" + verifier;
        if (secret != null) {
            exchange.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8)));
        } else {
            // a public client names itself, and proves nothing but the code verifier
            form += "&client_id=" + enc(clientId);
        }
        HttpResponse<String> tokens = http.send(exchange.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(tokens.body());
        if (tokens.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("échange du code refusé : " + tokens.statusCode() + " " + tokens.body());
        }
        return token.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
