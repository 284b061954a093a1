package fr.portailfamille.platform.tenancy;

/**
 * Fired by the upgrade step of a release ({@code pf.migrate-only}) once every schema is migrated: what else a new
 * release brings to the communes (their realms, {@code operator.RealmUpgrade}) follows it, before the process exits.
 */
public record SchemasUpgraded() {
}
