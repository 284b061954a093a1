package fr.portailfamille.platform.security;

import java.io.Serializable;
import java.util.List;

/**
 * Who signed in, and in which commune: kept in the HTTP session and only honoured for requests to
 * that same commune. {@code groups} are the realm groups of the token's {@code groups} claim (an agent's
 * services: {@code service-enfance}…).
 */
public record SignedInUser(String communeSlug, String subject, String name, String email, boolean emailVerified,
                           List<String> roles, String idToken, List<String> groups) implements Serializable {

    /** A user without realm groups. */
    public SignedInUser(String communeSlug, String subject, String name, String email, boolean emailVerified,
            List<String> roles, String idToken) {
        this(communeSlug, subject, name, email, emailVerified, roles, idToken, List.of());
    }

    public static final String SESSION_ATTRIBUTE = "pf.user";

    /** The request attribute holding the user of a valid bearer access token (the REST API; no session). */
    public static final String BEARER_ATTRIBUTE = "pf.user.bearer";

    /**
     * The user signed in to this request's commune — by a bearer access token of its realm, else by the session —,
     * {@code null} when nobody is (a session opened in another commune is nobody here): what servlets outside Faces pass to the services, which refuse {@code null}.
     */
    public static SignedInUser of(jakarta.servlet.http.HttpServletRequest req) {
        if (req.getAttribute(BEARER_ATTRIBUTE) instanceof SignedInUser u
                && u.communeSlug().equals(fr.portailfamille.platform.tenancy.TenantContext.require().slug())) {
            return u;
        }
        jakarta.servlet.http.HttpSession session = req.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof SignedInUser u
                && u.communeSlug().equals(fr.portailfamille.platform.tenancy.TenantContext.require().slug())) {
            return u;
        }
        return null;
    }

    public SignedInUser {
        roles = List.copyOf(roles);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
