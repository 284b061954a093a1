package fr.portailfamille.platform.family;

import jakarta.persistence.EntityManager;

/**
 * The family file changed by one transaction at a time: its row locked until the transaction ends. What two tabs or
 * two agents could otherwise do twice at once for one family (apply two requests, send one document twice, sign two
 * mandates) takes this lock first.
 */
public final class FamilyLocks {

    private FamilyLocks() {
    }

    /** Locks the file's row until the transaction ends, and reads it again (children and contacts with it). */
    static void lock(EntityManager em, Family f) {
        row(em, f.getId());
        em.refresh(f);
    }

    /** Locks the row of the family {@code familyId} until the transaction ends (a family of the current commune). */
    public static void row(EntityManager em, long familyId) {
        em.createNativeQuery("select id from family where id = ?1 for update").setParameter(1, familyId).getResultList();
    }
}
