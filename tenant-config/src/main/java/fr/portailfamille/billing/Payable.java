package fr.portailfamille.billing;

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
     * Why document {@code number} cannot be paid, in French ({@code null}: it can, if something is left on it).
     *
     * @param kind  INVOICE or CREDIT_NOTE
     * @param state ISSUED, CANCELLED or TITRE_EMIS
     * @param titre the titre de recettes' number (TITRE_EMIS only)
     */
    public static String refusal(String number, String kind, String state, String titre, Where where) {
        if (!"INVOICE".equals(kind)) {
            return number + " est un avoir : il ne se paie pas.";
        }
        if ("CANCELLED".equals(state)) {
            return "La facture " + number + " est annulée : elle ne se paie pas.";
        }
        if ("TITRE_EMIS".equals(state)) {
            return "La facture " + number + " a été transmise à la Trésorerie (titre n° " + titre + ") : "
                    + (where == Where.ONLINE ? "réglez-la comme l'indique l'avis de la Trésorerie."
                            : "son paiement est suivi par la Trésorerie, pas au guichet.");
        }
        return null;
    }
}
