package fr.portailfamille.platform.billing.sepa.web;

import fr.portailfamille.billing.sepa.RejectReason;
import fr.portailfamille.platform.web.Texts;
import java.util.MissingResourceException;

/** A bank's reject reason in the page's language, for the régisseur's Prélèvements and the family's Mes factures. */
public final class RejectReasonWords {

    private RejectReasonWords() {
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
