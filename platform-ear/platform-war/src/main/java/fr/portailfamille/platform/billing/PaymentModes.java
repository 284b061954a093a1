package fr.portailfamille.platform.billing;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.util.Map;

/** The French names of the ways a family pays (payment.mode), as receipts and relevés print them. */
public final class PaymentModes {

    private static final Map<String, String> LABELS = Map.of(
            "CHEQUE", "Chèque",
            "ESPECES", "Espèces",
            "CESU", "CESU",
            "VIREMENT", "Virement",
            "CARTE_GUICHET", "Carte bancaire au guichet",
            "CARTE_EN_LIGNE", "Carte bancaire en ligne (PayFiP)",
            "PRELEVEMENT", "Prélèvement SEPA");

    private PaymentModes() {
    }

    /** The mode's French name (the code itself for a mode this version does not know; none for none). */
    public static String label(String mode) {
        return mode == null ? "" : LABELS.getOrDefault(mode, mode);
    }

    /** The mode's name to be read in the reader's language ({@code payment.mode.*} of the problems' bundle). */
    public static Message text(String mode) {
        return mode != null && LABELS.containsKey(mode) ? Problems.of("payment.mode." + mode) : Message.literal(mode == null ? "" : mode);
    }
}
