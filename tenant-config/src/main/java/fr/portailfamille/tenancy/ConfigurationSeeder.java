package fr.portailfamille.tenancy;

/**
 * Writes the starting configuration (activities, calendar, legend…) of a new commune into its freshly
 * migrated schema; {@link CommuneProvisioner} calls it on a commune's first provisioning attempt.
 */
@FunctionalInterface
public interface ConfigurationSeeder {

    /** @throws RuntimeException when it failed (the provisioning is then undone) */
    void seed(String schema);
}
