package fr.portailfamille.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * {@link FailureFilter}: an unexpected failure of a request becomes the friendly 500 page (the container's error page,
 * {@code /erreur/500.xhtml}, that PlatformWebIT opens), logged once with the request's correlation id; nothing of it
 * reaches the browser. The request and response are small stand-ins; the filter's rule is what is tested.
 */
class FailureFilterTest {

    @Test
    void anUnexpectedFailureIsLoggedWithItsCorrelationIdAndAnsweredWithThe500Page() throws Exception {
        List<Integer> errors = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> CorrelationFilter.ATTRIBUTE.equals(args[0]) ? "c0ffee42" : null;
                    case "getMethod" -> "POST";
                    case "getRequestURI", "getServletPath" -> "/espace/foyer.xhtml";
                    case "getContextPath" -> "";
                    case "getPathInfo", "getHeader" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isCommitted" -> false;
                    case "resetBuffer" -> {
                        calls.add("resetBuffer");
                        yield null;
                    }
                    case "sendError" -> {
                        errors.add((Integer) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(FailureFilter.class.getName());
        log.addHandler(handler);
        try {
            new FailureFilter().doFilter(request, response, (req, res) -> {
                throw new IllegalStateException("boom");
            });
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(List.of(500), errors);
        assertEquals(List.of("resetBuffer"), calls, "what the page had written is dropped");
        assertEquals(1, records.size());
        assertEquals(Level.SEVERE, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("[c0ffee42]"), records.get(0).getMessage());
        assertTrue(records.get(0).getMessage().contains("POST /espace/foyer.xhtml"), records.get(0).getMessage());
    }

    @Test
    void anApiFailureIsAnsweredInJsonWithItsCorrelationIdNeverThePage() throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> CorrelationFilter.ATTRIBUTE.equals(args[0]) ? "c0ffee43" : null;
                    case "getMethod" -> "POST";
                    case "getRequestURI" -> "/api/famille/v1/reservations";
                    case "getServletPath" -> "/api";
                    case "getPathInfo" -> "/famille/v1/reservations";
                    case "getHeader" -> null;
                    case "getContextPath" -> "";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        java.io.StringWriter body = new java.io.StringWriter();
        List<String> calls = new ArrayList<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isCommitted" -> false;
                    case "getWriter" -> new java.io.PrintWriter(body, true);
                    case "setStatus", "setHeader", "setContentType", "resetBuffer" -> {
                        calls.add(method.getName() + (args == null ? "" : " " + args[0]));
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Logger log = Logger.getLogger(FailureFilter.class.getName());
        Level before = log.getLevel();
        log.setLevel(Level.OFF);
        try {
            new FailureFilter().doFilter(request, response, (req, res) -> {
                throw new IllegalStateException("boom");
            });
        } finally {
            log.setLevel(before);
        }
        assertTrue(calls.contains("setStatus 500"), calls.toString());
        assertTrue(calls.contains("setContentType application/json;charset=UTF-8"), calls.toString());
        assertTrue(body.toString().startsWith("{\"code\":\"erreur_interne\""), body.toString());
        assertTrue(body.toString().contains("c0ffee43"), body.toString());
    }

    @Test
    void anAjaxFailureSendsTheBrowserToTheErrorPageWithItsIdNotAnUnreadPage() throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> CorrelationFilter.ATTRIBUTE.equals(args[0]) ? "0123456789ab" : null;
                    case "getMethod" -> "POST";
                    case "getRequestURI", "getServletPath" -> "/agent/pointage.xhtml";
                    case "getContextPath" -> "";
                    case "getPathInfo" -> null;
                    case "getHeader" -> "Faces-Request".equals(args[0]) ? "partial/ajax" : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        java.io.StringWriter body = new java.io.StringWriter();
        List<Integer> statuses = new ArrayList<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isCommitted" -> false;
                    case "resetBuffer", "setHeader", "setContentType", "flushBuffer" -> null;
                    case "setStatus" -> {
                        statuses.add((Integer) args[0]);
                        yield null;
                    }
                    case "getWriter" -> new java.io.PrintWriter(body);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        new FailureFilter().doFilter(request, response, (req, res) -> {
            throw new IllegalStateException("boom");
        });
        assertEquals(List.of(200), statuses, "a partial response, which faces.js and PrimeFaces read");
        assertTrue(body.toString().contains("<partial-response><redirect url=\"/erreur/500.xhtml?code=0123456789ab\">"),
                body.toString());
    }
}
