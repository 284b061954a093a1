package fr.portailfamille.platform.billing.sepa.web;

import fr.portailfamille.billing.sepa.RejectReason;
import fr.portailfamille.platform.web.Texts;
import java.util.MissingResourceException;

/**
 * A bank's reject reason in the page's language, for the régisseur's Prélèvements and the family's Mes factures; an
 * invoice's direct debit in words ("Prélevé le …", or rejected with the reason) for Mes factures and the agents'
 * invoice page.
 */
public final class RejectReasonWords {

    private RejectReasonWords() {
    }

    /** Invoice's debit {@code note} in the page's language: debited on its day, or rejected with the bank's reason. */
    public static String note(fr.portailfamille.platform.billing.sepa.DirectDebits.DebitNote note) {
        String day = fr.portailfamille.platform.billing.BillingDates.text(note.day());
        return note.rejected() ? Texts.of("factures.debit.rejected", day, of(note.rejectCode()))
                : Texts.of("factures.debit.done", day);
    }

    /** A reason as {@link RejectReason#label} says it, in the page's language ("Provision insuffisante (AM04)"). */
    public static String of(String code) {
        try {
            return Texts.of("sepa.agent.rejectReason." + code, code);
        } catch (MissingResourceException e) {
            return RejectReason.label(code); // a code newer than the bundle: its French label
        }
    }
}
