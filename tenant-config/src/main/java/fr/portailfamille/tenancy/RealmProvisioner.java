package fr.portailfamille.tenancy;

import java.util.List;

/** Creates the identity side of a commune: its Keycloak realm and the platform's client in it. */
public interface RealmProvisioner {

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
