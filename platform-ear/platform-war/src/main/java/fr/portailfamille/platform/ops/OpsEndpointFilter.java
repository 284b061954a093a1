package fr.portailfamille.platform.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps Payara Micro's {@code /health/*} and {@code /metrics} (registered inside this WAR, served at {@code /})
 * off the public Ingress, which routes whole hosts and cannot leave paths out: they answer only a request made
 * straight to a pod, as the kubelet's probes and Prometheus do (Host = the pod's IP address, or
 * {@code localhost}, and no proxy header); any other request gets the 404 page. A request let through is
 * marked so that the tenant filter, which would look for a commune of that Host, lets it pass.
 * Mapped in web.xml before the tenant filter, for REQUEST dispatches.
 */
public class OpsEndpointFilter extends HttpFilter {

    /** Request attribute set on the operations requests let through. */
    public static final String INTERNAL = "pf.ops.internal";

    /** Headers that a reverse proxy or an ingress controller adds. */
    static final List<String> PROXY_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Proto", "X-Real-IP", "X-Original-Forwarded-For");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+(%[0-9A-Za-z._~-]+)?\\]");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isOpsPath(request.getServletPath(), request.getPathInfo())) {
            chain.doFilter(request, response);
            return;
        }
        if (!isInternalOpsRequest(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(INTERNAL, Boolean.TRUE);
        chain.doFilter(request, response);
    }

    /**
     * Whether this request asks the health or metrics endpoints straight to the pod. The authentication mechanism,
     * which runs before any filter, asks it too: such a request has no commune to look up (the lookup would need the
     * database, which is precisely what the readiness probe must be able to report as down).
     */
    public static boolean isInternalOpsRequest(HttpServletRequest request) {
        if (!isOpsPath(request.getServletPath(), request.getPathInfo())) {
            return false;
        }
        boolean proxied = PROXY_HEADERS.stream().anyMatch(h -> request.getHeader(h) != null);
        return internal(request.getHeader("Host"), proxied);
    }

    /**
     * Whether the container routes this request to the health or metrics endpoints. It takes the servlet path
     * and path info the container matched (decoded and normalised), never the raw URI, so that
     * {@code /%68ealth/ready} or {@code /health;x/ready} cannot slip past.
     */
    static boolean isOpsPath(String servletPath, String pathInfo) {
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        for (String root : List.of("/health", "/metrics")) {
            if (path.equals(root) || path.startsWith(root + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a request came straight to the pod: its Host is an IP address or {@code localhost} (with or
     * without a port; never a commune's or the platform's host name) and no proxy header is present.
     */
    static boolean internal(String hostHeader, boolean proxied) {
        if (proxied || hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0 || !validPort(host.substring(end + 1))) {
                return false;
            }
            return IPV6.matcher(host.substring(0, end + 1)).matches();
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            if (!validPort(host.substring(colon))) {
                return false;
            }
            host = host.substring(0, colon);
        }
        return host.equals("localhost") || IPV4.matcher(host).matches();
    }

    private static boolean validPort(String suffix) {
        return suffix.isEmpty() || suffix.matches(":\\d{1,5}");
    }
}
