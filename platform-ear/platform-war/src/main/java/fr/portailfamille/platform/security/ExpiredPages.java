package fr.portailfamille.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;

/**
 * Where a form or a tap sent without its state goes back to: the page the browser was on (its {@code Referer}, when it
 * is this site's: it keeps the child, the month…), with {@value #PARAMETER} in its address, so that the layout tells
 * that what was sent was not taken into account and the page's script puts back what was typed. Used when the page's
 * state is gone from a living session ({@code web.ExpiredViews}) and when the session itself has ended, before the
 * sign-in ({@link OidcAuthenticationMechanism}).
 */
public final class ExpiredPages {

    /** The query parameter that makes the layout show the notice. */
    public static final String PARAMETER = "expiree";

    private ExpiredPages() {
    }

    /** The page {@code request} was sent from when it is this site's, else {@code fallback}, with the notice. */
    public static String again(HttpServletRequest request, String fallback) {
        // the address the browser used (behind a TLS-terminating ingress, not the scheme Payara sees)
        String site = PublicScheme.of(request) + "://" + request.getServerName() + PublicScheme.portSuffix(request);
        return notice(sameSitePage(request.getHeader("Referer"), site, request.getContextPath()).orElse(fallback));
    }

    /** {@code referer}'s path and query when it is a page of {@code site} under {@code contextPath}. */
    public static Optional<String> sameSitePage(String referer, String site, String contextPath) {
        if (referer == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(referer);
            URI own = URI.create(site);
            if (uri.getScheme() == null || uri.getRawAuthority() == null || !uri.getScheme().equalsIgnoreCase(own.getScheme())
                    || !uri.getRawAuthority().equalsIgnoreCase(own.getRawAuthority())
                    || uri.getRawPath() == null || !uri.getRawPath().startsWith(contextPath + "/")) {
                return Optional.empty();
            }
            return Optional.of(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code page} with {@value #PARAMETER} in its query (once). */
    public static String notice(String page) {
        int hash = page.indexOf('#');
        String base = hash < 0 ? page : page.substring(0, hash);
        if (base.matches(".*[?&]" + PARAMETER + "(=[^&]*)?(&.*)?$")) {
            return base;
        }
        return base + (base.contains("?") ? "&" : "?") + PARAMETER + "=1";
    }
}
