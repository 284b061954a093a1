package fr.portailfamille.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The response guard of {@link HardeningFilter}: a cookie the container adds while the page is being written is
 * rewritten before the next write, and the many writes of a page do not rewrite (nor read the scheme) again and again.
 * The response is a small stand-in that keeps its headers and counts the rewrites; the guard's rule is what is tested.
 */
class CookieGuardTest {

    /** A response's headers and state, as the container would hold them. */
    static final class Headers {
        final List<String> setCookie = new ArrayList<>();
        final StringWriter body = new StringWriter();
        int rewrites;
        boolean committed;

        HttpServletResponse response() {
            PrintWriter writer = new PrintWriter(body);
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "isCommitted" -> committed;
                        case "getHeaders" -> "Set-Cookie".equals(args[0]) ? new ArrayList<>(setCookie) : List.of();
                        case "setHeader" -> {
                            rewrites++;
                            setCookie.clear();
                            setCookie.add((String) args[1]);
                            yield null;
                        }
                        case "addHeader" -> {
                            setCookie.add((String) args[1]);
                            yield null;
                        }
                        case "getWriter" -> writer;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(CookieGuardTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "getHeader" -> null;
                    case "getScheme" -> "http";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aCookieAddedWhileThePageIsWrittenIsHardenedBeforeTheNextWriteAndOnlyOnce() throws Exception {
        Headers h = new Headers();
        HardeningFilter.CookieGuard guard = new HardeningFilter.CookieGuard(request(), h.response());
        PrintWriter out = guard.getWriter();
        out.write("<html>");
        assertEquals(0, h.rewrites, "no cookie yet, nothing to rewrite");

        h.setCookie.add("JSESSIONID=abc; Path=/"); // the session is created while the page renders
        out.write("<body>");
        assertEquals(List.of("JSESSIONID=abc; Path=/; SameSite=Lax; HttpOnly"), h.setCookie);
        assertEquals(1, h.rewrites);

        for (int i = 0; i < 500; i++) {
            out.write("<td>" + i + "</td>");
        }
        assertEquals(1, h.rewrites, "the headers left as they were: not rewritten again");

        h.setCookie.add("JSESSIONIDVERSION=2; Path=/"); // another cookie, later
        out.write("</table>");
        assertEquals(List.of("JSESSIONID=abc; Path=/; SameSite=Lax; HttpOnly", "JSESSIONIDVERSION=2; Path=/; SameSite=Lax"),
                h.setCookie);
        assertEquals(2, h.rewrites);

        h.committed = true; // the headers are gone: nothing more can be done
        h.setCookie.add("late=1");
        out.write("</html>");
        out.flush();
        assertEquals(2, h.rewrites);
        assertEquals("late=1", h.setCookie.get(2));
    }
}
