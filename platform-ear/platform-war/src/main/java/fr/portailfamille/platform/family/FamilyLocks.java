package fr.portailfamille.platform.family;

import jakarta.persistence.EntityManager;

/** The family file changed by one transaction at a time: its row locked, then read again as the last change left it. */
final class FamilyLocks {

    private FamilyLocks() {
    }

    /** Locks the file's row until the transaction ends, and reads it again (children and contacts with it). */
    static void lock(EntityManager em, Family f) {
        em.createNativeQuery("select id from family where id = ?1 for update").setParameter(1, f.getId()).getResultList();
        em.refresh(f);
    }
}
