/**
 * SEPA direct debit (prélèvement automatique): a family signs a mandate online for a régie that collects by
 * direct debit ({@link fr.portailfamille.platform.billing.sepa.Mandates}: RUM, IBAN checked, shown and as a PDF,
 * revocable; agents list them, the IBAN masked except for régisseurs), an invoicing run marks the invoices of
 * families with an active mandate "prélevé le &lt;due date&gt;", and a régisseur makes the run's pain.008 file and
 * records the bank's rejects ({@link fr.portailfamille.platform.billing.sepa.DirectDebits}).
 *
 * <p>How a debit settles its invoice: when the régisseur makes the run's pain.008 file, each debit (what is
 * left to pay on the invoice then; nothing left: skipped) is recorded as a payment of mode {@code PRELEVEMENT}
 * through the counter's {@code PaymentDesk} (receipt number, allocation to the invoice, audit), dated on the
 * collection date: from the file on the invoice counts as paid, in the balance and the relevé, since the bank
 * collects it unless it rejects it. A reject recorded by a régisseur cancels that payment ({@code PaymentDesk.cancel}
 * with the reason): the invoice is open again, the reason shown to the family, who is mailed.
 */
package fr.portailfamille.platform.billing.sepa;
