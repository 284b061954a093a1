package fr.portailfamille.platform.family;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Which family file each signed-in account reached in the running transaction, so that a page whose
 * services ask for the parent's file several times (Mon planning: the page reader, the planning, the
 * child check) runs the lookup query once; the file itself then comes from the transaction's persistence
 * context. Lives and dies with the JTA transaction: nothing is kept between requests.
 */
@TransactionScoped
public class FamiliesOfTransaction implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Long> idBySubject = new HashMap<>();

    /** The id of the file this account reached earlier in the transaction, or null. */
    Long idOf(String subject) {
        return idBySubject.get(subject);
    }

    void remember(String subject, long familyId) {
        idBySubject.put(subject, familyId);
    }

    void forget(String subject) {
        idBySubject.remove(subject);
    }
}
