package fr.portailfamille.billing;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;

/**
 * Whether an issued document may still be paid, at the counter or online (one rule for both): a credit note is
 * never paid, nor a cancelled invoice, nor one handed to the Trésorerie as a titre de recettes (its payment is
 * followed there); only the advice given with the refusal depends on where the family or the agent tried to pay.
 */
public final class Payable {

    /** Where a payment was tried: the advice of a titre de recettes differs. */
    public enum Where {
        /** a régisseur at the counter */
        COUNTER,
        /** a parent online (PayFiP) */
        ONLINE
    }

    private Payable() {
    }

    /**
     * Why document {@code number} cannot be paid, to be read in any language (bundle {@code problems},
     * {@code billing.payable.*}); {@code null}: it can be paid, if something is left on it.
     *
     * @param kind  INVOICE or CREDIT_NOTE
     * @param state ISSUED, CANCELLED or TITRE_EMIS
     * @param titre the titre de recettes' number (TITRE_EMIS only)
     */
    public static Message refusal(String number, String kind, String state, String titre, Where where) {
        if (!"INVOICE".equals(kind)) {
            return Problems.of("billing.payable.creditNote", number);
        }
        if ("CANCELLED".equals(state)) {
            return Problems.of("billing.payable.cancelled", number);
        }
        if ("TITRE_EMIS".equals(state)) {
            return Problems.of(where == Where.ONLINE ? "billing.payable.titre.online" : "billing.payable.titre.counter",
                    number, titre);
        }
        return null;
    }
}
