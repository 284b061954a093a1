package fr.portailfamille.it.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The one reader of the mails the platform and Keycloak send during the tests: GreenMail's REST API
 * ({@code GET /api/user/<address>/messages/}), decoded (JSON escapes, quoted-printable), read until a
 * condition holds. Mails leave after the transaction commits, so every read that expects a mail waits for
 * it (up to 30 s, polling every 100 ms) instead of sleeping. Works in the test JVM and inside Payara Micro
 * (the port comes from the system property {@code pf.it.mailapi}, set in both).
 */
public final class Mails {

    /** How long a mail may take to arrive. */
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Mails() {
    }

    /** The mails GreenMail holds now for an address, decoded; fails unless the API answers 200. */
    public static String of(String email) throws Exception {
        HttpResponse<String> r = read(email);
        if (r.statusCode() != 200) {
            throw new AssertionError("API GreenMail : réponse " + r.statusCode() + " pour " + email + " : " + r.body());
        }
        return decode(r.body());
    }

    /** The decoded mails of an address once they satisfy the condition; fails with what arrived after {@link #WAIT}. */
    public static String await(String email, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            // an address that has received nothing yet may be unknown to GreenMail: not an answer yet either
            HttpResponse<String> r = read(email);
            String mails = r.statusCode() == 200 ? decode(r.body()) : "";
            if (r.statusCode() == 200 && condition.test(mails)) {
                return mails;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Pas de courriel attendu pour " + email + " (API GreenMail : " + r.statusCode()
                        + ") : " + decode(r.body()));
            }
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> read(String email) throws Exception {
        String port = System.getProperty("pf.it.mailapi", System.getProperty("it.port.mailapi"));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/user/"
                + URLEncoder.encode(email, StandardCharsets.UTF_8).replace("%40", "@") + "/messages/"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether a mail holding the text reaches the address within {@link #WAIT}. */
    public static boolean contains(String email, String text) throws Exception {
        try {
            await(email, m -> m.contains(text));
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** Undoes the JSON string escapes and the quoted-printable encoding of GreenMail's raw messages. */
    public static String decode(String json) {
        String s = json.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "").replace("\\\"", "\"")
                .replace("\\u0026", "&").replace("\\u003d", "=").replace("\\u003c", "<").replace("\\u003e", ">")
                .replace("\\u0027", "'").replace("=\r\n", "").replace("=\n", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '=' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8).replace("&amp;", "&");
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }
}
