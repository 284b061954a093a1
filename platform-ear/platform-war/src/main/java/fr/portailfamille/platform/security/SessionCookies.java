package fr.portailfamille.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Payara Micro writes the session cookie without the {@code SameSite} attribute of web.xml, and without
 * {@code Secure} behind a TLS-terminating ingress. This rewrites the {@code Set-Cookie} headers still
 * pending on a response: every cookie gets {@code SameSite=Lax} (Lax, not Strict: the return from the
 * commune's Keycloak is a cross-site navigation that must carry the session), the session cookie
 * {@code HttpOnly}, and every cookie {@code Secure} when the public scheme is https.
 */
public final class SessionCookies {

    private SessionCookies() {
    }

    /** Rewrites the pending Set-Cookie headers of this response, if it is not committed yet. */
    public static void harden(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            return;
        }
        Collection<String> cookies = response.getHeaders("Set-Cookie");
        if (cookies == null || cookies.isEmpty()) {
            return;
        }
        harden(response, cookies, PublicScheme.isHttps(request));
    }

    /**
     * Rewrites these pending {@code Set-Cookie} headers of {@code response} ({@code secure}: whether the public
     * scheme is https); the headers as they now are on the response.
     */
    static List<String> harden(HttpServletResponse response, Collection<String> cookies, boolean secure) {
        List<String> hardened = new ArrayList<>(cookies.size());
        boolean changed = false;
        for (String cookie : cookies) {
            String h = harden(cookie, secure);
            changed |= !h.equals(cookie);
            hardened.add(h);
        }
        if (changed) {
            response.setHeader("Set-Cookie", hardened.get(0));
            for (int i = 1; i < hardened.size(); i++) {
                response.addHeader("Set-Cookie", hardened.get(i));
            }
        }
        return hardened;
    }

    /** One Set-Cookie value with the platform's attributes (unit-tested). */
    static String harden(String setCookie, boolean secure) {
        String lower = setCookie.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(setCookie.strip());
        if (!hasAttribute(lower, "samesite")) {
            out.append("; SameSite=Lax");
        }
        if (lower.startsWith("jsessionid=") && !hasAttribute(lower, "httponly")) {
            out.append("; HttpOnly");
        }
        if (secure && !hasAttribute(lower, "secure")) {
            out.append("; Secure");
        }
        return out.toString();
    }

    private static boolean hasAttribute(String lowerCookie, String name) {
        for (String part : lowerCookie.split(";")) {
            String p = part.strip();
            if (p.equals(name) || p.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }
}
