package fr.portailfamille.platform.billing;

import fr.portailfamille.platform.tenancy.TenantConnection;
import fr.portailfamille.billing.DraftReader;
import fr.portailfamille.billing.FamilyInvoice;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A régie's drafts of a period, read and priced by tenant-config's {@link DraftReader} on the
 * transaction's connection (the invoicing benchmark calls the same reader); the régie's id by code.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
@CommuneRequired
public class DraftInvoices {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    CommuneSettings settings;

    /** The régie's id, or empty when no régie has this code. */
    public Optional<Long> regieId(String regieCode) {
        List<?> ids = em.createNativeQuery("select id from regie where code = ?1").setParameter(1, regieCode).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(((Number) ids.get(0)).longValue());
    }

    /**
     * How many of régie {@code regieCode}'s unit-days from {@code from} to {@code to} are absences whose certificate
     * awaits an agent's review: no run bills them yet (excused, never; refused, the next run of the period bills them).
     */
    public long absencesAwaitingReview(String regieCode, LocalDate from, LocalDate to) {
        return ((Number) em.createNativeQuery("select count(*) from booking b join activity_unit u on u.id = b.unit_id"
                + " join regie_activity ra on ra.activity_id = u.activity_id join regie r on r.id = ra.regie_id"
                + " where r.code = ?1 and b.day between ?2 and ?3 and b.status = 'ABSENT_PENDING'")
                .setParameter(1, regieCode).setParameter(2, from).setParameter(3, to).getSingleResult()).longValue();
    }

    /**
     * Régie {@code regieCode}'s unit-days from {@code from} to {@code to} billed as absent for which a medical certificate
     * may still come, on {@code today}: within the commune's certificate delay, an illness declared without its
     * certificate, or a day the service pointed absent that the family has not declared yet (AbsenceRules). Invoiced,
     * the certificate is refused: the régisseur is told before issuing, with the day their delay ends.
     */
    public CertificatesDue certificatesStillDue(String regieCode, LocalDate from, LocalDate to, LocalDate today) {
        Object[] r = (Object[]) em.createNativeQuery("select count(*), max(b.day) + coalesce((select s.certificate_days"
                        + " from billing_settings s), " + fr.portailfamille.booking.AbsenceRules.LATE_CERTIFICATE_DAYS + ")"
                        + " from booking b join activity_unit u on u.id = b.unit_id join regie_activity ra on ra.activity_id"
                        + " = u.activity_id join regie r on r.id = ra.regie_id left join absence x on x.booking_id = b.id"
                        + " where r.code = ?1 and b.day between ?2 and ?3 and b.status = 'ABSENT_BILLED' and not b.unbooked"
                        + " and b.seat_given_up is not true and b.day >= cast(?4 as date) - coalesce((select"
                        + " s.certificate_days from billing_settings s), "
                        + fr.portailfamille.booking.AbsenceRules.LATE_CERTIFICATE_DAYS + ")"
                        + " and (x.id is null or x.reason = 'MALADIE' and x.certificate is null)")
                .setParameter(1, regieCode).setParameter(2, from).setParameter(3, to).setParameter(4, today).getSingleResult();
        long days = ((Number) r[0]).longValue();
        return new CertificatesDue(days, days == 0 ? null : date(r[1]));
    }

    /** How many billed absences may still get a medical certificate, until {@code openUntil} (the last one's delay). */
    public record CertificatesDue(long days, LocalDate openUntil) implements java.io.Serializable {
        public long getDays() { return days; }
        public LocalDate getOpenUntil() { return openUntil; }
        /** {@link #openUntil} as the pages write a date (dd/MM/yyyy). */
        public String getOpenUntilText() { return openUntil == null ? "" : BillingDates.text(openUntil); }
    }

    /**
     * The months of régie {@code regieCode} already invoiced where days became billable since their last run — an
     * absence whose medical certificate was refused after it, a child recorded present without booking or pointed
     * present after it (paper sheets caught up on) — or whose last run failed (interrupted, a family left out), and are
     * not billed: their days are billed only when the month is
     * run again. Oldest first, each with how many unit-days wait. A day changed after the run that its tariff does not
     * bill after all is listed until the month runs again, which bills nothing of it.
     */
    public List<MonthToBill> refusedAfterRun(String regieCode) {
        List<MonthToBill> months = new java.util.ArrayList<>();
        // a run that failed (interrupted, or a family left out) billed its month's days only in part: every day it left
        // waits, whenever it changed — unless a run done since billed it
        String lastRun = "(select max(case when br.state = 'DONE' then br.finished_at else '-infinity'::timestamptz end)"
                + " from billing_run br where br.regie_id = r.id and br.state in ('DONE', 'FAILED')"
                + " and b.day between br.period_start and br.period_end)";
        for (Object o : em.createNativeQuery("select cast(date_trunc('month', b.day) as date), count(*) from booking b"
                        + " left join absence x on x.booking_id = b.id join activity_unit u on u.id = b.unit_id"
                        + " join regie_activity ra on ra.activity_id = u.activity_id join regie r on r.id = ra.regie_id"
                        + " where r.code = ?1 and b.status in ('PRESENT', 'ABSENT_BILLED', 'BOOKED', 'BOOKED_LATE')"
                        + " and greatest(b.created_at, b.updated_at, x.reviewed_at) > " + lastRun
                        + " and not " + fr.portailfamille.platform.booking.BilledDays.billed("b.child_id", "b.unit_id",
                                "cast(date_trunc('month', b.day) as date)", "extract(day from b.day)::int")
                        + " group by 1 order by 1").setParameter(1, regieCode).getResultList()) {
            Object[] r = (Object[]) o;
            months.add(new MonthToBill(java.time.YearMonth.from(date(r[0])), ((Number) r[1]).longValue()));
        }
        return months;
    }

    /** A month already invoiced with {@code days} unit-days to bill by running it again. */
    public record MonthToBill(java.time.YearMonth month, long days) implements java.io.Serializable {
        public java.time.YearMonth getMonth() { return month; }
        public long getDays() { return days; }
    }

    /** Every family's draft for régie {@code regieCode} from {@code from} to {@code to}, by family name. */
    public List<FamilyInvoice> drafts(String regieCode, LocalDate from, LocalDate to) {
        try {
            // the transaction's connection: search path on the commune's schema
            return DraftReader.drafts(TenantConnection.of(em), settings.billing(), regieCode, from, to);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /**
     * Régie {@code regieCode}'s period from {@code from} to {@code to}, read but not yet priced: what an invoicing run
     * prices chunk by chunk while it writes ({@link DraftReader#read}, {@link fr.portailfamille.billing.DraftPipeline}).
     */
    public DraftReader.Drafts read(String regieCode, LocalDate from, LocalDate to) {
        try {
            return DraftReader.read(TenantConnection.of(em), settings.billing(), regieCode, from, to);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
