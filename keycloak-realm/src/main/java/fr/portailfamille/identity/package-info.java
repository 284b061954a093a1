/**
 * Identity: one Keycloak realm per commune. {@link fr.portailfamille.identity.KeycloakRealmProvisioner}
 * creates a commune's realm from {@code realm/realm-template.json} (password policy, brute-force
 * detection, e-mail verification, French locale, the branded {@code portail-famille} login theme,
 * roles {@code parent}, {@code agent}, {@code agent-sante}) and the platform's OIDC client, through
 * the Keycloak admin API. {@link fr.portailfamille.identity.OperatorRealm} keeps the platform operators' own realm
 * ({@code realm/operator-realm.json}), and {@link fr.portailfamille.identity.CommuneAdministrators} invites a new
 * commune's first administrator, both over plain HTTP ({@link fr.portailfamille.identity.KeycloakAdminHttp});
 * {@link fr.portailfamille.identity.RealmMaintenance} brings the existing realms up to the template at each upgrade;
 * the platform does all this as its own master realm account ({@link fr.portailfamille.identity.PlatformAccount}:
 * {@code create-realm} only), not as Keycloak's administrator.
 */
package fr.portailfamille.identity;
