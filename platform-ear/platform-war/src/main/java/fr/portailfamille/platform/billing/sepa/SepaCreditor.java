package fr.portailfamille.platform.billing.sepa;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * A régie's creditor settings for direct debit as stored (columns {@code sepa_*} of {@code regie}, written by the
 * configuration): {@code null} from {@link #of} when the régie does not collect by direct debit.
 */
record SepaCreditor(long regieId, String regieCode, String regieLabel, String ics, String name, String iban, String bic,
        int debitDay) {

    static final String COLUMNS = "r.id, r.code, r.label, r.sepa_ics, r.sepa_name, r.sepa_iban, r.sepa_bic, r.sepa_debit_day";

    static SepaCreditor of(EntityManager em, String where, Object param) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from regie r where " + where)
                .setParameter(1, param).getResultList();
        return rows.isEmpty() ? null : row(rows.get(0));
    }

    /** The régies of the commune that collect by direct debit, by label. */
    static List<SepaCreditor> all(EntityManager em) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from regie r where r.sepa_ics is not null"
                + " and r.sepa_iban is not null and r.sepa_debit_day is not null order by r.label").getResultList();
        return rows.stream().map(SepaCreditor::row).filter(c -> c != null).toList();
    }

    private static SepaCreditor row(Object[] r) {
        if (r[3] == null || r[5] == null || r[7] == null) {
            return null;
        }
        return new SepaCreditor(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                r[4] == null ? (String) r[2] : (String) r[4], (String) r[5], (String) r[6], ((Number) r[7]).intValue());
    }
}
