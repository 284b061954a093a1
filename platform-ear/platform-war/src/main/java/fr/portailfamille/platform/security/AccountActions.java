package fr.portailfamille.platform.security;

import fr.portailfamille.tenancy.Commune;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Keycloak's application-initiated actions for the signed-in parent: changing the password or the login address
 * happens on the commune's Keycloak, in its theme ({@code kc_action} on a new authorization request with PKCE), and
 * the parent comes back through the login callback, which keeps the result ({@code kc_action_status}) in the
 * session for the page that asked (Mon profil) — never from a URL parameter, so no link can fake a success.
 */
@ApplicationScoped
public class AccountActions {

    static final String RESULT_ATTRIBUTE = "pf.account.action";

    /** The actions the portal asks Keycloak for. */
    public enum Action {
        /** The password, with Keycloak's policy of the realm. */
        UPDATE_PASSWORD,
        /** The login address: the new one receives a confirmation link and replaces the old one once confirmed. */
        UPDATE_EMAIL
    }

    /** What Keycloak says of the action ({@code kc_action_status}). */
    public enum Status {
        SUCCESS, CANCELLED, ERROR
    }

    /** The outcome of an action, kept in the session until the page shows it. */
    public record Result(Action action, Status status) implements Serializable {
        public Action getAction() { return action; }
        public Status getStatus() { return status; }
    }

    @Inject
    OidcClient oidc;

    /**
     * The URL of the commune's Keycloak that runs {@code action} for the signed-in user, remembering the pending
     * request in the session; back at the callback, the user lands on {@code returnTo} (a path of this portal).
     */
    public URI start(Commune commune, HttpServletRequest request, Action action, String returnTo) {
        if (SignedInUser.of(request) == null) {
            throw new SecurityException("Connectez-vous pour modifier votre compte.");
        }
        if (!returnTo.startsWith("/")) {
            throw new IllegalArgumentException("returnTo : un chemin du portail");
        }
        URI redirect = URI.create(Urls.base(request) + OidcAuthenticationMechanism.CALLBACK_PATH);
        OidcClient.PendingLogin login = oidc.newLogin(commune, redirect, request.getContextPath() + returnTo, action.name());
        request.getSession().setAttribute(OidcAuthenticationMechanism.PENDING_ATTRIBUTE, login);
        request.getSession().removeAttribute(RESULT_ATTRIBUTE);
        return oidc.authorizationUrl(commune, login, false,
                fr.portailfamille.platform.kernel.PageLanguage.of(request.getHeader("Accept-Language")));
    }

    /** The result of the last action, removed from the session (shown once). */
    public static Optional<Result> takeResult(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        Object result = session.getAttribute(RESULT_ATTRIBUTE);
        session.removeAttribute(RESULT_ATTRIBUTE);
        return result instanceof Result r ? Optional.of(r) : Optional.empty();
    }

    /** The result Keycloak's {@code kc_action_status} gives for {@code action}; anything unknown is an error. */
    static Result result(String action, String kcActionStatus) {
        Action a = Action.valueOf(action);
        String status = kcActionStatus == null ? "" : kcActionStatus.toLowerCase(Locale.ROOT);
        return new Result(a, switch (status) {
            case "success" -> Status.SUCCESS;
            case "cancelled" -> Status.CANCELLED;
            default -> Status.ERROR;
        });
    }
}
