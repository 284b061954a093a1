/**
 * Which commune a request is for. {@link fr.portailfamille.platform.tenancy.TenantFilter} resolves it
 * from the Host header ({@link fr.portailfamille.platform.tenancy.CommuneDirectory}) and binds it to
 * {@link fr.portailfamille.platform.tenancy.TenantContext} for the request, clearing it in
 * {@code finally}. Every JDBC connection EclipseLink takes gets {@code SET search_path} to the bound
 * commune's schema ({@link fr.portailfamille.platform.tenancy.TenantSchemaSessionListener}), or to an
 * empty schema when none is bound; the shared cache is off, so no commune reads another's rows from
 * memory.
 */
package fr.portailfamille.platform.tenancy;
