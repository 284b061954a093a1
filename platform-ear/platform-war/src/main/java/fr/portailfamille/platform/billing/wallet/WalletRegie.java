package fr.portailfamille.platform.billing.wallet;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.Regie;
import java.util.List;
import java.util.Optional;

/**
 * A régie whose bookings are paid in advance by the porte-monnaie ({@link Regie.Collection#WALLET}), as the
 * configuration gives it.
 *
 * @param floorCents the lowest balance a booking may leave (negative: an overdraft the commune allows)
 */
public record WalletRegie(String code, String label, long floorCents, List<String> activities) {

    /** The régie as a porte-monnaie, empty when it invoices after the fact. */
    public static Optional<WalletRegie> of(Regie r) {
        return r.isWallet()
                ? Optional.of(new WalletRegie(r.code(), r.label(), r.walletFloorCents(), r.activities()))
                : Optional.empty();
    }

    /** The commune's porte-monnaie régies, in the configuration's order. */
    public static List<WalletRegie> all(BillingConfiguration billing) {
        return billing.regies().stream().map(WalletRegie::of).flatMap(Optional::stream).toList();
    }

    /** The porte-monnaie régie billing {@code activity}, empty when none (invoiced after the fact, or no régie). */
    public static Optional<WalletRegie> billing(BillingConfiguration billing, String activity) {
        return billing.regieOf(activity).flatMap(WalletRegie::of);
    }

    public String getCode() { return code; }
    public String getLabel() { return label; }
    public long getFloorCents() { return floorCents; }
}
