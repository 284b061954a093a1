package fr.portailfamille.platform.booking.web;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.problems.Message;

/**
 * The counter's words for the refusals written for a family ("votre solde… Alimentez votre porte-monnaie", "faites votre
 * demande dans « Ma demande »"): at the counter an agent reads what the family lacks and what the town hall can do.
 * Any other reason is left as it is.
 */
final class CounterWords {

    private CounterWords() {
    }

    /** {@code reason} in the agent's words, when it is one the family's words would mislead. */
    static Message of(Message reason) {
        String key = reason.key();
        Object[] a = reason.args();
        if (key.startsWith("billing.wallet.insufficient") && a.length >= 3) {
            return Refused.text("booking.counter.refused.wallet", a[0], a[1], a[2]);
        }
        if (key.equals("billing.wallet.notActivated") && a.length >= 1) {
            return Refused.text("booking.counter.refused.walletNotActivated", a[0]);
        }
        if (key.equals("billing.wallet.noTariff") && a.length >= 2) {
            return Refused.text("booking.counter.refused.noTariff", a[0], a[1]);
        }
        if (key.startsWith("booking.window.byRequest.") && a.length >= 2) {
            return Refused.text("booking.counter.refused.window", a[0], a[1]);
        }
        return reason;
    }
}
