package fr.portailfamille.billing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * This billing without what refers to activities or units that no longer exist: régies stop billing
     * them, their tariffs go (as the database's cascades do when an activity or unit is deleted).
     *
     * @param units the codes of the units of each remaining activity, by activity code
     */
    public BillingConfiguration keeping(Map<String, Set<String>> units) {
        return new BillingConfiguration(settings,
                regies.stream().map(r -> r.billing(r.activities().stream().filter(units::containsKey).toList())).toList(),
                tariffs.stream().filter(t -> units.containsKey(t.activity())
                        && (t.unit() == null || units.get(t.activity()).contains(t.unit()))).toList());
    }

    /** The régie that bills {@code activity}, if any. */
    public Optional<Regie> regieOf(String activity) {
        return regies.stream().filter(r -> r.bills(activity)).findFirst();
    }
}
