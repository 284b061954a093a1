package fr.portailfamille.platform.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Gives every request a correlation id (request attribute and {@code X-Correlation-Id} header): the
 * error page shows it to the user and the log line of the failure carries it.
 */
public class CorrelationFilter extends HttpFilter {

    public static final String ATTRIBUTE = "pf.correlationId";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The request's correlation id, created if needed (the authentication mechanism answers some
     * requests, e.g. the 503 page, before any filter), and its response header.
     */
    public static String ensure(HttpServletRequest request, HttpServletResponse response) {
        Object correlationId = request.getAttribute(ATTRIBUTE);
        if (correlationId == null) {
            byte[] id = new byte[6];
            RANDOM.nextBytes(id);
            correlationId = HexFormat.of().formatHex(id);
            request.setAttribute(ATTRIBUTE, correlationId);
        }
        // set again on ERROR dispatches: the container resets headers before showing an error page
        response.setHeader("X-Correlation-Id", correlationId.toString());
        return correlationId.toString();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ensure(request, response);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        chain.doFilter(request, response);
    }
}
