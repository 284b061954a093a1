package fr.portailfamille.platform.payment;

/**
 * What a result read from the provider does to a pending online payment, whatever brought it (notification,
 * return of the browser, a check): only a paid result for exactly the amount and the invoice asked, in the mode
 * asked (real or test), credits the invoice; refusals and abandons pay nothing; anything else paid is an anomaly,
 * never credited (a test payment moves no money: credited on a real platform, the invoice would read paid).
 */
public final class SettlementRule {

    private SettlementRule() {
    }

    /**
     * The decision for a pending online payment that asked {@code askedCents} for invoice reference
     * {@code askedReference} in the provider's real mode ({@code production}) or test mode, given the provider's
     * result ({@code null}: not known yet).
     */
    public static Decision decide(long askedCents, String askedReference, boolean production, PaymentResult result) {
        if (result == null) {
            return new Decision(OnlineState.PENDING, null);
        }
        return switch (result.outcome()) {
            case REFUSED, DEBIT_REFUSED -> new Decision(OnlineState.REFUSED, null);
            case ABANDONED -> new Decision(OnlineState.ABANDONED, null);
            case PAID_BY_CARD, PAID_BY_DEBIT -> {
                if (result.amountCents() != askedCents) {
                    yield new Decision(OnlineState.ANOMALY, "PayFiP indique un montant payé de " + result.amountCents()
                            + " centimes pour " + askedCents + " centimes demandés.");
                }
                if (result.invoiceReference() != null && !result.invoiceReference().equals(askedReference)) {
                    yield new Decision(OnlineState.ANOMALY, "PayFiP indique la référence « " + result.invoiceReference()
                            + " » au lieu de « " + askedReference + " ».");
                }
                if (result.production() != production) {
                    yield new Decision(OnlineState.ANOMALY, production
                            ? "PayFiP indique un paiement en mode test, qui ne verse rien, pour un paiement réel demandé."
                            : "PayFiP indique un paiement réel pour un paiement demandé en mode test.");
                }
                yield new Decision(OnlineState.PAID, null);
            }
        };
    }

    /**
     * A decision: the state the online payment takes ({@link OnlineState#PENDING}: unchanged, ask again later), and
     * why it is an anomaly (French, {@code null} otherwise).
     */
    public record Decision(OnlineState state, String anomaly) {

        /** Whether the invoice is credited (a payment recorded). */
        public boolean credits() {
            return state == OnlineState.PAID;
        }
    }
}
