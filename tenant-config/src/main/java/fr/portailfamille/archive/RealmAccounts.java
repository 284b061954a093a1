package fr.portailfamille.archive;

import java.util.List;
import java.util.Map;

/** The accounts of a commune's realm, read for an archive and re-created from one (Keycloak's admin API). */
public interface RealmAccounts {

    /** Every account of the realm (service accounts left out), without credentials. */
    List<ArchivedUser> read(String realmName);

    /**
     * Re-creates archived accounts in a fresh realm with their roles and required actions, each also required to
     * choose a password ({@code UPDATE_PASSWORD}: none was archived), keeping their ids where the identity server
     * allows it (an id is unique in the whole server: on the server that still holds the archived commune, the
     * accounts get new ids).
     *
     * @return the new id of every account whose id changed (archived id → new id); empty when all were kept
     */
    Map<String, String> restore(String realmName, List<ArchivedUser> users);
}
