package fr.portailfamille.platform.billing;

/**
 * Fired (CDI event, synchronously, in the run's background thread with its commune bound) when an invoicing run
 * has issued its invoices, so that other billing parts act on them (direct debits) without the run knowing them.
 *
 * @param runId the run ({@code billing_run.id})
 * @param regieId its régie
 */
public record RunIssued(long runId, long regieId) {
}
