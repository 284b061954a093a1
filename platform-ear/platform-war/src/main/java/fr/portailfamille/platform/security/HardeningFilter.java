package fr.portailfamille.platform.security;

import fr.portailfamille.platform.kernel.RequestPath;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Browser-side protections of every response (mapped in web.xml right after the correlation filter,
 * for REQUEST and ERROR dispatches, since the container resets headers before an error page):
 * <ul>
 * <li>{@code Cache-Control: no-store} on pages (they show a family's data), not on static resources;</li>
 * <li>a Content-Security-Policy the pages satisfy ({@link CspPolicy}): scripts from the platform only,
 *     no inline script but those carrying the response's nonce (PrimeFaces' CSP mode sends this policy
 *     with the nonce appended, see {@link ContentSecurityPolicy}; pages without PrimeFaces' script have no
 *     inline script at all), forms posting to the platform or the commune's Keycloak (logout), no framing
 *     by other sites;</li>
 * <li>{@code Permissions-Policy}: no camera, microphone, geolocation, payment or USB;</li>
 * <li>pages answer only GET, HEAD and POST (405 otherwise); the REST API keeps its own methods;</li>
 * <li>session cookies with SameSite (and Secure behind https), see {@link SessionCookies}.</li>
 * </ul>
 */
public class HardeningFilter extends HttpFilter {

    static final Set<String> PAGE_METHODS = Set.of("GET", "HEAD", "POST");
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private String contentSecurityPolicy;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        contentSecurityPolicy = CspPolicy.configured();
    }

    /** The policy without online payment; Keycloak's origin is allowed as a form target because logout redirects there. */
    static String contentSecurityPolicy(String keycloakUrl) {
        return contentSecurityPolicy(keycloakUrl, null);
    }

    /**
     * The policy; Keycloak's origin is allowed as a form target because logout redirects there, and the online
     * payment page's origin ({@code pf.payfip.payment-page}) because "Payer" posts to the platform, which redirects
     * the browser there (Chromium applies form-action to a form's redirects too).
     */
    static String contentSecurityPolicy(String keycloakUrl, String paymentPage) {
        String formAction = "'self'";
        for (String url : new String[] {keycloakUrl, paymentPage}) {
            if (url != null && !url.isBlank()) {
                URI u = URI.create(url.trim());
                formAction += " " + u.getScheme() + "://" + u.getRawAuthority();
            }
        }
        // script-src comes last: PrimeFaces (primefaces.CSP) appends the page's nonce to this same policy
        return "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "frame-ancestors 'self'; form-action " + formAction + "; script-src 'self'";
    }

    static boolean isStaticResource(String path) {
        return path.startsWith("/jakarta.faces.resource/") || path.equals("/branding.css") || path.equals("/logo");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPath.of(request);
        if (!isStaticResource(path)) {
            response.setHeader("Cache-Control", "no-store");
        }
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        if (request.getDispatcherType() == DispatcherType.REQUEST && !path.startsWith("/api/")
                && !PAGE_METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        SessionCookies.harden(request, response);
        // an error page renders a new view: it gets its own nonce, whatever the failed post carried
        HttpServletRequest forward = request.getDispatcherType() == DispatcherType.ERROR ? new ErrorPageNonce(request) : request;
        chain.doFilter(forward, new CookieGuard(request, response));
        SessionCookies.harden(request, response);
    }

    /**
     * The container adds the session cookie to the response when the session is created, which may
     * happen while a page renders: the pending Set-Cookie headers are rewritten before anything is
     * written or sent, which is before the headers can leave.
     * <p>A page is written in hundreds of small writes (bench 4: 16 % of Mon planning's request threads went to
     * checking the cookies on each one): the guard remembers the headers it left and the request's scheme, compares
     * only when the headers differ, and stops once the response is committed (its headers are gone).
     */
    static final class CookieGuard extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private PrintWriter writer;
        private ServletOutputStream stream;
        /** The Set-Cookie headers as the guard last left them; {@code null} before any. */
        private List<String> left;
        /** Whether the public scheme is https, once asked. */
        private Boolean secure;
        /** The response was seen committed: nothing more to rewrite. */
        private boolean committed;

        CookieGuard(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        void harden() {
            if (committed) {
                return;
            }
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (response.isCommitted()) {
                committed = true;
                return;
            }
            Collection<String> cookies = response.getHeaders("Set-Cookie");
            if (cookies == null || cookies.isEmpty() || sameAsLeft(cookies)) {
                return;
            }
            if (secure == null) {
                secure = PublicScheme.isHttps(request);
            }
            left = SessionCookies.harden(response, cookies, secure);
        }

        private boolean sameAsLeft(Collection<String> cookies) {
            if (left == null || left.size() != cookies.size()) {
                return false;
            }
            Iterator<String> l = left.iterator();
            for (String c : cookies) {
                if (!c.equals(l.next())) {
                    return false;
                }
            }
            return true;
        }

        /**
         * One policy per response: a policy added later (e.g. by PrimeFaces' CSP mode, with a nonce)
         * replaces the filter's, since two policies would both apply.
         */
        @Override
        public void addHeader(String name, String value) {
            if ("Content-Security-Policy".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            harden();
            super.sendRedirect(location);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            harden();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            harden();
            super.sendError(sc);
        }

        @Override
        public void flushBuffer() throws IOException {
            harden();
            super.flushBuffer();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                PrintWriter inner = super.getWriter();
                writer = new PrintWriter(new Writer() {
                    @Override
                    public void write(char[] cbuf, int off, int len) {
                        harden();
                        inner.write(cbuf, off, len);
                    }

                    @Override
                    public void write(String str, int off, int len) {
                        harden();
                        inner.write(str, off, len);
                    }

                    @Override
                    public void flush() {
                        harden();
                        inner.flush();
                    }

                    @Override
                    public void close() {
                        harden();
                        inner.close();
                    }
                });
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream inner = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        harden();
                        inner.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        harden();
                        inner.write(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        harden();
                        inner.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        harden();
                        inner.close();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        inner.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
