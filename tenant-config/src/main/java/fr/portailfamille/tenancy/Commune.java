package fr.portailfamille.tenancy;

import java.util.List;

/**
 * One tenant of the platform, as stored in {@code platform.commune}.
 *
 * @param slug        short lower-case name, also the sub-domain ({@code montfaucou.<base domain>})
 * @param schemaName  the PostgreSQL schema holding the commune's data
 * @param realmName   the Keycloak realm holding the commune's accounts
 * @param websiteUrl  the commune's own web site, where "Se déconnecter" leads
 * @param domains     custom domains recorded for the commune (e.g. {@code familles.paysdemontfaucou.fr})
 * @param schemaVersion the newest tenant migration its schema holds, as the last upgrade recorded it ({@code null}
 *                    before any: a commune provisioned or upgraded by an older platform)
 */
public record Commune(long id, String slug, String name, CommuneStatus status, String schemaName,
                      String realmName, String websiteUrl, Branding branding, String oidcClientId,
                      String oidcClientSecret, List<String> domains, String schemaVersion) {

    public Commune {
        domains = List.copyOf(domains);
    }

    public boolean isActive() {
        return status == CommuneStatus.ACTIVE;
    }
}
