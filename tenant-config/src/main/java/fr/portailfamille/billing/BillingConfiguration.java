package fr.portailfamille.billing;

import java.util.List;
import java.util.Optional;

/**
 * The billing section of a commune's configuration file: settings (QF brackets, proof validity,
 * resident postcodes), régies and tariffs. Lists are unmodifiable copies ({@code null} gives an empty
 * list); values are checked by the configuration rules.
 */
public record BillingConfiguration(BillingSettings settings, List<Regie> regies, List<Tariff> tariffs) {

    public BillingConfiguration {
        settings = settings == null ? BillingSettings.none() : settings;
        regies = regies == null ? List.of() : List.copyOf(regies);
        tariffs = tariffs == null ? List.of() : List.copyOf(tariffs);
    }

    /** No bracket, no régie, no tariff. */
    public static BillingConfiguration empty() {
        return new BillingConfiguration(BillingSettings.none(), List.of(), List.of());
    }

    /** The régie that bills {@code activity}, if any. */
    public Optional<Regie> regieOf(String activity) {
        return regies.stream().filter(r -> r.bills(activity)).findFirst();
    }
}
