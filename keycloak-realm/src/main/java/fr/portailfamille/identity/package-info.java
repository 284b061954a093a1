/**
 * Identity: one Keycloak realm per commune. {@link fr.portailfamille.identity.KeycloakRealmProvisioner}
 * creates a commune's realm from {@code realm/realm-template.json} (password policy, brute-force
 * detection, e-mail verification, French locale, the branded {@code portail-famille} login theme,
 * roles {@code parent}, {@code agent}, {@code agent-sante}) and the platform's OIDC client, through
 * the Keycloak admin API.
 */
package fr.portailfamille.identity;
