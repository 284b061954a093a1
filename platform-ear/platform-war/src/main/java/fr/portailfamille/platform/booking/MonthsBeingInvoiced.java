package fr.portailfamille.platform.booking;

import fr.portailfamille.billing.Regie;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A régie's month while its invoicing run goes: the run reads every family's days when it starts and writes their
 * invoices chunk by chunk afterwards, so a day's status changed in between (a mark at the pointage, a late medical
 * certificate) would be accepted and billed as it was. A run's start takes the month's lock exclusively before it reads
 * ({@link #lockToInvoice}); such a change takes it shared and is refused while the run is RUNNING ({@link #refuseWhileInvoiced}):
 * it waits for a start reading the month, and a start waits for it. In the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@CommuneRequired
public class MonthsBeingInvoiced {

    /** The refusal's key: the month is being invoiced. */
    static final String IN_PROGRESS = "booking.invoicingInProgress";

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    CommuneSettings settings;

    /** The advisory lock's key of régie {@code regieCode}'s {@code month} in this commune. */
    private static String key(String regieCode, YearMonth month) {
        return TenantContext.require().schemaName() + ".facturation." + regieCode + "." + month;
    }

    /** An invoicing run of régie {@code regieCode}'s {@code month} about to read its days: until its transaction ends. */
    public void lockToInvoice(String regieCode, YearMonth month) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) l").setParameter(1, key(regieCode, month))
                .getSingleResult();
    }

    /**
     * Booking {@code b}'s billed status is about to change: refused while the month of the régie billing its activity
     * is being invoiced (nothing for an activity no régie bills).
     *
     * @throws BookingRefused {@value #IN_PROGRESS}
     */
    public void refuseWhileInvoiced(Booking b) {
        Optional<Regie> regie = settings.billing().regieOf(b.getUnit().getActivity().getCode());
        if (regie.isEmpty()) {
            return;
        }
        YearMonth month = YearMonth.from(b.getDay());
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock_shared(hashtext(?1))) l")
                .setParameter(1, key(regie.get().code(), month)).getSingleResult();
        boolean running = (Boolean) em.createNativeQuery("select exists (select 1 from billing_run x join regie r"
                        + " on r.id = x.regie_id where r.code = ?1 and x.state = 'RUNNING' and ?2 between x.period_start"
                        + " and x.period_end)").setParameter(1, regie.get().code()).setParameter(2, b.getDay())
                .getSingleResult();
        if (running) {
            throw new BookingRefused(Refused.text(IN_PROGRESS));
        }
    }
}
