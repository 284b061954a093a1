package fr.portailfamille.tenancy;

import java.util.List;

/** What an operator gives to onboard a commune. Checked by {@link CommuneRules#validate}. */
public record CommuneSpec(String slug, String name, String websiteUrl, String primaryColor,
                          String accentColor, String logoSvg, List<String> domains) {

    public CommuneSpec {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    /** Schema of the commune: {@code commune_} + slug, dashes turned to underscores. */
    public String schemaName() {
        return CommuneRules.schemaName(slug);
    }

    /** Keycloak realm of the commune. */
    public String realmName() {
        return CommuneRules.realmName(slug);
    }
}
