package fr.portailfamille.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One parent's browser, reduced to what a sign-in needs: its own cookies per host, redirects followed by hand,
 * and {@code *.localhost} hosts reached on 127.0.0.1 with their {@code Host} header (the JDK resolves no
 * sub-domain of localhost; the JVM needs {@code -Djdk.httpclient.allowRestrictedHeaders=host}). Signs in
 * through the commune's real Keycloak form (code flow + PKCE run by the platform), then loads pages.
 */
final class SignedInClient {

    private static final Pattern FORM_ACTION = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION_FIRST = Pattern.compile("action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"");

    private final HttpClient http;
    private final Map<String, Map<String, String>> cookies = new HashMap<>();

    private final Duration timeout;

    SignedInClient(HttpClient http) {
        this(http, Duration.ofSeconds(30));
    }

    /** With {@code timeout} for each request (an agent's action on thousands of rows may take minutes). */
    SignedInClient(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** A page's final answer after its redirects. */
    record Page(int status, String body, URI uri) {
    }

    /** Opens a protected page signed out, signs in on Keycloak's form, and returns the page it lands on. */
    Page signIn(String pageUrl, String email, String password) throws IOException, InterruptedException {
        cookies.clear();
        Page form = get(pageUrl);
        Matcher m = FORM_ACTION.matcher(form.body());
        if (!m.find()) {
            m = FORM_ACTION_FIRST.matcher(form.body());
            if (!m.find()) {
                throw new IllegalStateException("pas de formulaire de connexion Keycloak à " + form.uri() + " (HTTP "
                        + form.status() + ")");
            }
        }
        String action = m.group(1).replace("&amp;", "&");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", email);
        fields.put("password", password);
        fields.put("credentialId", "");
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return follow(URI.create(action), "POST", body.toString());
    }

    /**
     * Submits a Faces form of {@code page} as its button {@code button} would: the form's hidden fields (view state
     * included) and the button's name posted to the form's action; returns the page it lands on.
     */
    Page submit(Page page, String formId, String button) throws IOException, InterruptedException {
        Matcher form = Pattern.compile("(?s)<form[^>]*id=\"" + Pattern.quote(formId) + "\"[^>]*>(.*?)</form>").matcher(page.body());
        if (!form.find()) {
            throw new IllegalStateException("pas de formulaire " + formId + " à " + page.uri() + " (HTTP " + page.status() + ")");
        }
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.group(0).substring(0, form.group(0).indexOf('>')));
        if (!action.find()) {
            throw new IllegalStateException("formulaire " + formId + " sans action");
        }
        StringBuilder body = new StringBuilder();
        Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(form.group(1));
        while (hidden.find()) {
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(hidden.group());
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(hidden.group());
            if (name.find()) {
                body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(name.group(1), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value.find() ? value.group(1).replace("&amp;", "&") : "",
                                StandardCharsets.UTF_8));
            }
        }
        body.append('&').append(URLEncoder.encode(button, StandardCharsets.UTF_8)).append("=x");
        return follow(page.uri().resolve(action.group(1).replace("&amp;", "&")), "POST", body.toString());
    }

    Page get(String url) throws IOException, InterruptedException {
        return follow(URI.create(url), "GET", null);
    }

    private Page follow(URI uri, String method, String form) throws IOException, InterruptedException {
        for (int hops = 0; hops < 12; hops++) {
            HttpResponse<String> response = send(uri, method, form);
            int status = response.statusCode();
            var location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && location.isPresent()) {
                uri = uri.resolve(location.get());
                method = "GET";
                form = null;
                continue;
            }
            return new Page(status, response.body(), uri);
        }
        throw new IllegalStateException("trop de redirections vers " + uri);
    }

    private HttpResponse<String> send(URI uri, String method, String form) throws IOException, InterruptedException {
        String host = uri.getHost();
        boolean local = host.endsWith(".localhost");
        URI target = local ? URI.create(uri.getScheme() + "://127.0.0.1:" + uri.getPort() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())) : uri;
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Accept-Language", "fr-FR,fr");
        if (local) {
            request.header("Host", host + ":" + uri.getPort());
        }
        Map<String, String> jar = cookies.computeIfAbsent(host, h -> new LinkedHashMap<>());
        if (!jar.isEmpty()) {
            StringBuilder cookie = new StringBuilder();
            jar.forEach((k, v) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            request.header("Cookie", cookie.toString());
        }
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.GET();
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String value = pair.substring(eq + 1);
                if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                    jar.remove(pair.substring(0, eq));
                } else {
                    jar.put(pair.substring(0, eq), value);
                }
            }
        }
        return response;
    }
}
