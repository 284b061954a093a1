/**
 * Sign-in through the commune's own Keycloak realm: OpenID Connect authorization code flow with PKCE
 * ({@link fr.portailfamille.platform.security.OidcAuthenticationMechanism}, over the Nimbus OIDC SDK),
 * bearer tokens for the REST API, logout of both the platform session and the Keycloak session. A
 * login is bound to the commune it was made in: its session or token is refused in any other commune.
 * The web's guards live here too: security headers, CSP and methods ({@code HardeningFilter}), session
 * cookie attributes ({@code SessionCookies}), the size of uploads ({@code UploadLimitFilter}) and the public scheme
 * and URLs behind a trusted proxy; the staff checks of the agents' queues ({@code StaffRoles}); an agent's session signed out or given its new roles once its
 * administrator disabled it or changed them, on every replica ({@code StaffSessions}).
 */
package fr.portailfamille.platform.security;
