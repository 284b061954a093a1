package fr.portailfamille.platform.kernel;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is served at, inside the application: the one the container mapped it by (decoded, dot segments
 * resolved, path parameters dropped), never the raw request URI — {@code /jakarta.faces.resource/../agent/x} is
 * {@code /agent/x} to the container's constraints and servlets, so it must be to every check that reads the path.
 */
public final class RequestPath {

    private RequestPath() {
    }

    /** The request's path after the context path, e.g. {@code /agent/famille.xhtml} or {@code /api/famille/v1/foyer}. */
    public static String of(HttpServletRequest request) {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        if (raw.isEmpty() || raw.equals("/") || raw.startsWith("/;")) {
            return "/"; // the root, whichever welcome page the container maps it to
        }
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }
}
