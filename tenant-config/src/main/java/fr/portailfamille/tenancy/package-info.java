/**
 * Tenancy: the communes served by the platform. A {@link fr.portailfamille.tenancy.Commune} is one
 * tenant: its own PostgreSQL schema, its own Keycloak realm, its own domains and branding. The
 * {@link fr.portailfamille.tenancy.TenantStore} keeps them in the {@code platform} schema;
 * {@link fr.portailfamille.tenancy.TenantMigrator} applies the Flyway migrations (platform schema,
 * then each commune schema, one at a time under a PostgreSQL advisory lock);
 * {@link fr.portailfamille.tenancy.CommuneProvisioner} onboards a commune (validation, tenant row,
 * schema, realm) and is safe to re-run after a failure.
 */
package fr.portailfamille.tenancy;
