package fr.portailfamille.platform.billing.sepa;

import fr.portailfamille.billing.SepaCreditor;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * A régie that collects by direct debit: its id, code, label and its creditor settings ({@link SepaCreditor}, the
 * columns {@code sepa_*} of {@code regie} the configuration writes). {@link #of} gives {@code null} for a régie
 * without them.
 */
record SepaRegie(long regieId, String regieCode, String regieLabel, SepaCreditor sepa) {

    static final String COLUMNS = "r.id, r.code, r.label, r.sepa_ics, r.sepa_name, r.sepa_iban, r.sepa_bic, r.sepa_debit_day";

    static SepaRegie of(EntityManager em, String where, Object param) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from regie r where " + where)
                .setParameter(1, param).getResultList();
        return rows.isEmpty() ? null : row(rows.get(0));
    }

    /** The régies of the commune that collect by direct debit, by label. */
    static List<SepaRegie> all(EntityManager em) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from regie r where r.sepa_ics is not null"
                + " order by r.label").getResultList();
        return rows.stream().map(SepaRegie::row).filter(c -> c != null).toList();
    }

    String ics() {
        return sepa.creditorId();
    }

    String name() {
        return sepa.name();
    }

    private static SepaRegie row(Object[] r) {
        if (r[3] == null || r[5] == null || r[7] == null) {
            return null;
        }
        return new SepaRegie(((Number) r[0]).longValue(), (String) r[1], (String) r[2], new SepaCreditor((String) r[3],
                r[4] == null ? (String) r[2] : (String) r[4], (String) r[5], (String) r[6], ((Number) r[7]).intValue()));
    }
}
