package fr.portailfamille.tenancy;

import java.util.List;

/** Creates the identity side of a commune: its Keycloak realm and the platform's client in it. */
public interface RealmProvisioner {

    /** The portal's login callback: where Keycloak sends a browser back with its authorization code. */
    String LOGIN_CALLBACK = "/oidc/callback";

    /** Where a family lands after activating the account an agent opened for it at the counter. */
    String FAMILY_INVITATION_LANDING = "/espace/foyer.xhtml";

    /** Where a commune's first administrator lands after choosing a password. */
    String AGENT_INVITATION_LANDING = "/agent/index.xhtml";

    /**
     * Every path of a commune's portal that its Keycloak client may send a browser back to, each exactly (no
     * wildcard: a link crafted with another path of the portal as {@code redirect_uri} is refused by Keycloak).
     */
    List<String> RETURN_PATHS = List.of(LOGIN_CALLBACK, FAMILY_INVITATION_LANDING, AGENT_INVITATION_LANDING);

    /**
     * Creates the realm of the commune, or brings an existing one in line (re-run after a failure).
     *
     * @param appBaseUrls every base URL the commune is served at (redirect URIs are derived from them)
     * @return the secret of the platform's OIDC client in that realm
     */
    String ensureRealm(Commune commune, List<String> appBaseUrls);

    /** Removes a realm (undo of a failed provisioning); does nothing if it does not exist. */
    void deleteRealm(String realmName);

    /**
     * Enables or disables a realm: a disabled realm refuses every login, token and refresh (a suspended commune);
     * its users and settings are kept.
     */
    void setRealmEnabled(String realmName, boolean enabled);
}
