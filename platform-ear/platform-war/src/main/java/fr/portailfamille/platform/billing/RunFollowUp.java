package fr.portailfamille.platform.billing;

import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What follows an invoicing run's writes, each step in its own transaction (none of the caller's): the other billing
 * parts told of its issued invoices (direct debits planned, {@link RunIssued}), and the families of committed invoices
 * their account credit deducted, then mailed ({@link InvoicesIssued}, {@link InvoiceMails}). The run does so as it goes;
 * this also finishes what a run whose replica stopped left undone ({@link #followUp}): its invoices are marked as
 * awaiting their mail from their insert until the mail is queued, so none is mailed twice nor left unmailed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
@CommuneRequired
public class RunFollowUp {

    private static final Logger LOG = Logger.getLogger(RunFollowUp.class.getName());

    @Inject
    InvoiceWriter writer;

    @Inject
    InvoiceMails mails;

    @Inject
    Event<RunIssued> runIssued;

    @Inject
    Event<InvoicesIssued> invoicesIssued;

    /**
     * The commune's runs whose replica stopped ({@value InvoiceWriter#SILENCE} without a sign) marked failed and
     * announced, then every stopped run's invoices still awaiting their mail mailed (the follow-up job, every quarter of
     * an hour). Returns how many invoices it found awaiting.
     */
    public int followUp() {
        for (long[] reaped : writer.reapAllInterrupted()) {
            announce(reaped[0], reaped[1]);
        }
        return mailAwaiting(mails.portal());
    }

    /** The invoices of stopped runs still awaiting their mail, mailed with a link to {@code portal}; how many. */
    public int mailAwaiting(String portal) {
        int found = 0;
        for (InvoiceWriter.Awaiting run : writer.awaitingMail()) {
            LOG.warning(() -> "invoicing run " + run.runId() + ": " + run.invoices().size()
                    + " invoice(s) issued but not mailed (its replica stopped), mailed now");
            found += run.invoices().size();
            mail(run.invoices(), portal, run.actor());
        }
        return found;
    }

    /** Tells the other billing parts (direct debits) that the run's invoices are issued; their failure never fails the run. */
    public void announce(long runId, long regieId) {
        try {
            runIssued.fire(new RunIssued(runId, regieId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "invoicing run " + runId + ": what follows the issue failed", e);
        }
    }

    /**
     * Mails the families of committed invoices, their account credit deducted first ({@link InvoicesIssued}); a mail
     * or a deduction that fails is logged, never fails the run (the invoices stay awaiting their mail).
     */
    public void mail(List<Long> invoices, String portal, String actor) {
        if (invoices.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(invoices);
        try {
            // the families' credit deducted first, so that the mail says what is left to pay
            invoicesIssued.fire(new InvoicesIssued(ids, actor));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "credit not deducted from " + ids, e);
        }
        try {
            mails.issued(ids, portal);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "invoice mails not sent for " + ids, e);
        }
    }
}
