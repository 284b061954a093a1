package fr.portailfamille.platform.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a browser posted a form from another site's page riding on the portal's session cookie (CSRF): the
 * servlets and APIs that change data outside Faces' view state (a document upload, a bank file made) refuse it.
 */
public final class CrossSiteForms {

    private CrossSiteForms() {
    }

    /** {@link #crossOriginForm} of this request, against its own origin ({@link Urls#origin}). */
    public static boolean isCrossSite(HttpServletRequest request) {
        return crossOriginForm(request.getHeader("Authorization"), Urls.origin(request), request.getHeader("Origin"),
                request.getHeader("Sec-Fetch-Site"));
    }

    /**
     * A {@code multipart/form-data} or form post needs no CORS preflight, unlike the API's JSON. A call with its own
     * token ({@code Authorization}) carries no ambient credential and is never one; a browser sends {@code Origin}
     * (and {@code Sec-Fetch-Site}) with every form post, which must then be the commune's own origin.
     */
    public static boolean crossOriginForm(String authorization, String expectedOrigin, String origin, String fetchSite) {
        if (authorization != null && !authorization.isBlank()) {
            return false;
        }
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return true;
        }
        return origin != null && !origin.equalsIgnoreCase(expectedOrigin);
    }
}
