package fr.portailfamille.archive;

import java.util.List;

/** The accounts of a commune's realm, read for an archive and re-created from one (Keycloak's admin API). */
public interface RealmAccounts {

    /** Every account of the realm (service accounts left out), without credentials. */
    List<ArchivedUser> read(String realmName);

    /**
     * Re-creates archived accounts in a fresh realm with their ids, roles and required actions, each also required to
     * choose a password ({@code UPDATE_PASSWORD}: none was archived); an account already there is left as it is.
     */
    void restore(String realmName, List<ArchivedUser> users);
}
