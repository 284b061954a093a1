package fr.portailfamille.platform.security;

import fr.portailfamille.tenancy.RealmProvisioner;
import fr.portailfamille.platform.kernel.RequestPath;
import fr.portailfamille.platform.kernel.JsonErrors;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.CommunePages;
import fr.portailfamille.platform.ops.CorrelationFilter;
import fr.portailfamille.platform.ops.OpsEndpointFilter;
import fr.portailfamille.platform.tenancy.OperatorHost;
import fr.portailfamille.platform.ops.Outage;
import fr.portailfamille.tenancy.Commune;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Authenticates every request against the commune it is addressed to (the container calls this before
 * any filter, so it resolves the commune itself):
 * <ul>
 * <li>{@code Authorization: Bearer} — an access token of this commune's realm (REST API);</li>
 * <li>a platform session — honoured only if it was opened in this same commune; an agent's session follows its
 *     administrator's decisions since its sign-in ({@link StaffSessions}: signed out once disabled, new roles);</li>
 * <li>otherwise, on a protected page, a redirect to the commune's Keycloak login page (code flow + PKCE);
 *     protected API calls get 401.</li>
 * </ul>
 * The operator host ({@link OperatorHost}) authenticates against the operators' realm only, in the same three ways
 * (bearer access tokens of that realm for {@code /api/operateur/}, its own session attribute, code flow + PKCE for
 * {@code /operateur/} pages), never binds a commune and requires the realm role {@code operateur}; commune hosts
 * answer 404 on the console's and the API's paths.
 */
@ApplicationScoped
public class OidcAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String CALLBACK_PATH = RealmProvisioner.LOGIN_CALLBACK;
    static final String PENDING_ATTRIBUTE = "pf.oidc.pending";
    private static final String RESOURCES = "/jakarta.faces.resource/";
    private static final Logger LOG = Logger.getLogger(OidcAuthenticationMechanism.class.getName());

    @Inject
    private CommuneDirectory directory;

    @Inject
    private OidcClient oidc;

    @Inject
    private OperatorHost operatorHost;

    @Inject
    private StaffSessions staffSessions;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = RequestPath.of(request);
        if (OpsEndpointFilter.isInternalOpsRequest(request)) {
            return context.doNothing(); // a probe or Prometheus, straight to the pod: no commune, no login
        }
        try {
            if (operatorHost.is(request)) {
                return operator(path, request, response, context);
            }
            if (OperatorHost.isOperatorPath(path)) {
                return notFound(request, response); // the console and its API live on the operator host only
            }
            Optional<Commune> found = directory.resolve(request.getHeader("Host"));
            if (found.isEmpty()) {
                Optional<Commune> suspended = directory.suspended(request.getHeader("Host"));
                if (suspended.isEmpty()) {
                    return context.doNothing(); // the tenant filter answers 404
                }
                // no login for a suspended commune, whatever the page
                return unavailable(() -> CommunePages.suspended(suspended.get(), request, response));
            }
            if (!directory.serves(found.get())) {
                return unavailable(() -> CommunePages.maintenance(found.get(), request, response));
            }
            return validate(found.get(), path, request, response, context);
        } catch (Outage.UnavailableException e) {
            try {
                Outage.respond(e.outageCause(), e.getCause(), request, response);
            } catch (IOException io) {
                LOG.fine(() -> "Page 503 non envoyée : " + io.getMessage());
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private interface Page {
        void write() throws IOException;
    }

    /** A commune known but not served: its page instead of any login. */
    private static AuthenticationStatus unavailable(Page page) {
        try {
            page.write();
        } catch (IOException io) {
            LOG.fine(() -> "Page 503 non envoyée : " + io.getMessage());
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus validate(Commune commune, String path, HttpServletRequest request,
                                          HttpServletResponse response, HttpMessageContext context) {
        try {
            if (CALLBACK_PATH.equals(path)) {
                return callback(commune, request, response, context);
            }
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return bearer(commune, authorization.substring(7).trim(), request, context);
            }
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser user) {
                if (user.communeSlug().equals(commune.slug())) {
                    if (path.startsWith(RESOURCES)) {
                        return login(context, user); // styles and scripts: no data, no check
                    }
                    // disabled by an administrator since, or signed in longer ago than the realm's session lasts:
                    // signed out, on whichever replica
                    SignedInUser current = SessionAge.over(session, SessionAge.COMMUNE_MAX, null) ? null
                            : staffSessions.check(commune, session, user);
                    if (current != null && KeycloakSessions.ended(oidc, commune, session)) {
                        // signed out everywhere, disabled or deleted in Keycloak since: this session ends with it
                        LOG.info(() -> "Session Keycloak terminée pour un compte de " + commune.slug() + " : session du portail close");
                        current = null;
                    }
                    if (current != null) {
                        return login(context, current);
                    }
                    session.invalidate();
                    if (!context.isProtected()) {
                        return context.doNothing();
                    }
                    if (path.startsWith("/api/")) {
                        return tokenRequired(context.getResponse());
                    }
                    return startLogin(commune, request, context);
                }
                LOG.warning(() -> "Session ouverte pour la commune " + user.communeSlug()
                        + " présentée à la commune " + commune.slug() + " : ignorée");
            }
            if (!context.isProtected()) {
                return context.doNothing();
            }
            if (path.startsWith("/api/")) {
                return tokenRequired(context.getResponse());
            }
            return startLogin(commune, request, context);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Authentification interrompue", e);
            return context.responseUnauthorized();
        }
    }

    private AuthenticationStatus bearer(Commune commune, String token, HttpServletRequest request,
                                        HttpMessageContext context) throws IOException {
        try {
            SignedInUser user = oidc.validateAccessToken(commune, token);
            request.setAttribute(SignedInUser.BEARER_ATTRIBUTE, user); // who calls, for the API's services
            return login(context, user);
        } catch (OidcException e) {
            if (identityDown(e)) {
                // the realm's keys could not be fetched: the token may be good, the caller should retry (503), not
                // throw it away as a 401 would tell it
                throw new Outage.UnavailableException(Outage.Cause.IDENTITY, e);
            }
            LOG.info(() -> "Commune " + commune.slug() + " : " + e.getMessage());
            HttpServletResponse response = context.getResponse();
            CorrelationFilter.ensure(request, response); // this response goes out before the filters
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json;charset=UTF-8");
            // the API's error format (code, message, champs), and the fields older clients read (status, erreur)
            response.getWriter().write(JsonErrors.body(401, "jeton_invalide",
                    "Jeton d'accès absent, expiré ou émis pour une autre commune."));
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    /** Whether a token was refused because the commune's identity server could not be reached, not for itself. */
    static boolean identityDown(OidcException e) {
        return Outage.classify(e).filter(c -> c == Outage.Cause.IDENTITY).isPresent();
    }

    private AuthenticationStatus startLogin(Commune commune, HttpServletRequest request, HttpMessageContext context)
            throws IOException {
        if (!oidc.identityAvailable(commune)) {
            throw new Outage.UnavailableException(Outage.Cause.IDENTITY, oidc.identityFailure(commune));
        }
        String returnTo = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!"GET".equals(request.getMethod())) {
            // a form or a tap sent once the session had ended (a phone left for half an hour): back, signed in again, on
            // the page it was sent from, told that it was not taken into account, its typed values put back by the
            // page's script — as a page whose state expired in a living session (web.ExpiredViews)
            returnTo = ExpiredPages.again(request, request.getRequestURI());
        }
        URI login = begin(commune, request, context.getResponse(), returnTo, false);
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // a Faces AJAX tap follows no redirect to another site (the browser refuses it, the tap silently fails):
            // Faces' own partial redirect, which its script follows as a navigation
            HttpServletResponse response = context.getResponse();
            response.setStatus(HttpServletResponse.SC_OK);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/xml;charset=UTF-8");
            response.getWriter().write(partialRedirect(login.toString()));
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.redirect(login.toString());
    }

    /** Faces' partial response that sends the browser to {@code url}. */
    static String partialRedirect(String url) {
        String attribute = url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"" + attribute
                + "\"></redirect></partial-response>";
    }

    /**
     * Where a visitor creates an account ("Créer mon compte"): the commune's Keycloak registration page, the pending
     * login kept in the session as for a sign-in; once the address is confirmed and the password chosen, the new
     * parent comes back signed in, on {@code returnTo} (a path of this portal).
     */
    public URI startSignUp(Commune commune, HttpServletRequest request, HttpServletResponse response, String returnTo) {
        if (!oidc.identityAvailable(commune)) {
            throw new Outage.UnavailableException(Outage.Cause.IDENTITY, oidc.identityFailure(commune));
        }
        return begin(commune, request, response, request.getContextPath() + returnTo, true);
    }

    private URI begin(Commune commune, HttpServletRequest request, HttpServletResponse response, String returnTo,
                      boolean signUp) {
        URI redirect = URI.create(Urls.base(request) + CALLBACK_PATH);
        OidcClient.PendingLogin login = oidc.newLogin(commune, redirect, returnTo);
        request.getSession(true).setAttribute(PENDING_ATTRIBUTE, login);
        SessionCookies.harden(request, response); // this response goes out without our filters
        return oidc.authorizationUrl(commune, login, signUp,
                fr.portailfamille.platform.kernel.PageLanguage.of(request.getHeader("Accept-Language")));
    }

    private AuthenticationStatus callback(Commune commune, HttpServletRequest request, HttpServletResponse response,
                                          HttpMessageContext context) throws IOException {
        HttpSession session = request.getSession(false);
        Object pending = session == null ? null : session.getAttribute(PENDING_ATTRIBUTE);
        String state = request.getParameter("state");
        String code = request.getParameter("code");
        if (pending instanceof OidcClient.PendingLogin action && action.action() != null && code == null
                && action.communeSlug().equals(commune.slug()) && state != null && state.equals(action.state().getValue())
                && session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser) {
            // an application-initiated action that Keycloak ended without a code (an error): back to the page, signed in
            session.removeAttribute(PENDING_ATTRIBUTE);
            session.setAttribute(AccountActions.RESULT_ATTRIBUTE, AccountActions.result(action.action(),
                    request.getParameter("kc_action_status")));
            response.sendRedirect(action.returnTo());
            return AuthenticationStatus.SEND_CONTINUE;
        }
        if (!(pending instanceof OidcClient.PendingLogin login) || !login.communeSlug().equals(commune.slug())
                || state == null || !state.equals(login.state().getValue()) || code == null) {
            LOG.warning(() -> "Retour de connexion invalide pour " + commune.slug() + " (état absent ou différent)");
            response.sendRedirect(request.getContextPath() + "/");
            return AuthenticationStatus.SEND_CONTINUE;
        }
        session.removeAttribute(PENDING_ATTRIBUTE);
        try {
            long staffVersion = staffSessions.current(commune); // before the tokens: a later change is above it
            OidcClient.SignedIn signedIn = oidc.completeLogin(commune, login, code);
            SignedInUser user = signedIn.user();
            request.changeSessionId(); // no session fixation
            request.getSession().setAttribute(SignedInUser.SESSION_ATTRIBUTE, user);
            SessionAge.start(request.getSession());
            KeycloakSessions.start(request.getSession(), signedIn.refreshToken());
            if (StaffRoles.isStaff(user)) {
                StaffSessions.remember(request.getSession(), staffVersion);
            }
            if (login.action() != null) { // kc_action: Keycloak says how it went in kc_action_status
                request.getSession().setAttribute(AccountActions.RESULT_ATTRIBUTE, AccountActions.result(login.action(),
                        request.getParameter("kc_action_status")));
            }
            SessionCookies.harden(request, response); // this response goes out without our filters
            response.sendRedirect(login.returnTo());
            return AuthenticationStatus.SEND_CONTINUE;
        } catch (OidcException e) {
            if (Outage.classify(e).isPresent()) {
                throw new Outage.UnavailableException(Outage.Cause.IDENTITY, e);
            }
            LOG.log(Level.WARNING, "Connexion refusée pour la commune " + commune.slug(), e);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private static AuthenticationStatus notFound(HttpServletRequest request, HttpServletResponse response) {
        try {
            if (JsonErrors.isApi(request)) {
                // an API answers JSON, never the 404 page
                JsonErrors.write(response, HttpServletResponse.SC_NOT_FOUND, "introuvable",
                        "Cette adresse ne sert pas cette API.");
                return AuthenticationStatus.SEND_FAILURE;
            }
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (IOException io) {
            LOG.fine(() -> "Page 404 non envoyée : " + io.getMessage());
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    // ----- the operator host: the operators' realm only -----

    private AuthenticationStatus operator(String path, HttpServletRequest request, HttpServletResponse response,
                                          HttpMessageContext context) {
        try {
            if (!OperatorHost.servedOnOperatorHost(path)) {
                return notFound(request, response); // nothing of a commune here, not even its login
            }
            if (CALLBACK_PATH.equals(path)) {
                return operatorCallback(request, response, context);
            }
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                try {
                    OperatorUser user = oidc.validateOperatorToken(authorization.substring(7).trim());
                    if (!user.isOperator()) {
                        return jsonFailure(response, HttpServletResponse.SC_FORBIDDEN, "operateur_requis",
                                "Ce compte n'a pas le rôle d'opérateur de la plateforme.");
                    }
                    return operatorLogin(context, user);
                } catch (OidcException e) {
                    LOG.info(() -> "Hôte des opérateurs : " + e.getMessage());
                    response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                    return jsonFailure(response, HttpServletResponse.SC_UNAUTHORIZED, "jeton_invalide",
                            "Jeton d'accès absent, expiré ou émis par un autre royaume que celui des opérateurs.");
                }
            }
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(OperatorUser.SESSION_ATTRIBUTE) instanceof OperatorUser user
                    && user.isOperator()) {
                if (!SessionAge.over(session, SessionAge.OPERATOR_MAX, SessionAge.OPERATOR_IDLE)) {
                    return operatorLogin(context, user);
                }
                session.invalidate(); // as long as the operators' realm keeps its session, no longer
            }
            if (!context.isProtected()) {
                return context.doNothing();
            }
            if (path.startsWith("/api/")) {
                response.setHeader("WWW-Authenticate", "Bearer");
                return jsonFailure(response, HttpServletResponse.SC_UNAUTHORIZED, "authentification_requise",
                        "Un jeton d'accès d'opérateur est exigé.");
            }
            if (!oidc.operatorIdentityAvailable()) {
                throw new Outage.UnavailableException(Outage.Cause.IDENTITY, null);
            }
            String returnTo = "GET".equals(request.getMethod()) ? request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString())
                    : request.getContextPath() + OperatorHost.PAGES + "communes.xhtml";
            OidcClient.PendingLogin login = oidc.newOperatorLogin(URI.create(Urls.base(request) + CALLBACK_PATH), returnTo);
            request.getSession(true).setAttribute(PENDING_ATTRIBUTE, login);
            SessionCookies.harden(request, response);
            return context.redirect(oidc.operatorAuthorizationUrl(login).toString());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Authentification d'un opérateur interrompue", e);
            return context.responseUnauthorized();
        }
    }

    private AuthenticationStatus operatorCallback(HttpServletRequest request, HttpServletResponse response,
                                                  HttpMessageContext context) throws IOException {
        HttpSession session = request.getSession(false);
        Object pending = session == null ? null : session.getAttribute(PENDING_ATTRIBUTE);
        String state = request.getParameter("state");
        String code = request.getParameter("code");
        if (!(pending instanceof OidcClient.PendingLogin login) || !OidcClient.OPERATOR_LOGIN.equals(login.communeSlug())
                || state == null || !state.equals(login.state().getValue()) || code == null) {
            LOG.warning("Retour de connexion invalide sur l'hôte des opérateurs (état absent ou différent)");
            response.sendRedirect(request.getContextPath() + OperatorHost.PAGES + "communes.xhtml");
            return AuthenticationStatus.SEND_CONTINUE;
        }
        session.removeAttribute(PENDING_ATTRIBUTE);
        try {
            OperatorUser user = oidc.completeOperatorLogin(login, code);
            if (!user.isOperator()) {
                LOG.warning(() -> "Connexion à la console refusée : " + user.email() + " n'a pas le rôle operateur");
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.changeSessionId();
            request.getSession().setAttribute(OperatorUser.SESSION_ATTRIBUTE, user);
            SessionAge.start(request.getSession());
            SessionCookies.harden(request, response);
            response.sendRedirect(login.returnTo());
            return AuthenticationStatus.SEND_CONTINUE;
        } catch (OidcException e) {
            if (Outage.classify(e).isPresent()) {
                throw new Outage.UnavailableException(Outage.Cause.IDENTITY, e);
            }
            LOG.log(Level.WARNING, "Connexion d'un opérateur refusée", e);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private static AuthenticationStatus operatorLogin(HttpMessageContext context, OperatorUser user) {
        context.getRequest().setAttribute(OperatorUser.REQUEST_ATTRIBUTE, user);
        return context.notifyContainerAboutLogin(new CallerPrincipal(user.subject()), new HashSet<>(user.roles()));
    }

    private static AuthenticationStatus jsonFailure(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        JsonErrors.write(response, status, code, message);
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** A commune's API called without a token nor a session: 401 in the API's JSON (not the container's HTML page). */
    private static AuthenticationStatus tokenRequired(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        // the families' API's own answer without a token (api.FamilyCallerFilter), for the protected ones
        return jsonFailure(response, HttpServletResponse.SC_UNAUTHORIZED, "non_authentifie",
                "Connectez-vous : un jeton d'accès de votre commune est nécessaire (en-tête Authorization: Bearer).");
    }

    private static AuthenticationStatus login(HttpMessageContext context, SignedInUser user) {
        return context.notifyContainerAboutLogin(new CallerPrincipal(user.subject()), new HashSet<>(user.roles()));
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpMessageContext unused = context; // the session is cleared by LogoutServlet
    }
}
