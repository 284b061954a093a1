package fr.portailfamille.platform.operator;

import fr.portailfamille.tenancy.CommuneSpec;
import java.io.Serializable;
import java.util.List;

/**
 * What an operator gives to onboard a commune: the commune ({@link CommuneSpec}: slug, name, website, colours, logo as
 * SVG, custom domains) and its first administrator, invited by mail: the address, and the first and last names when the
 * operator knows them (otherwise Keycloak asks them once the password is chosen).
 */
public record Onboarding(String slug, String name, String websiteUrl, String primaryColor, String accentColor,
                         String logoSvg, List<String> domains, String administratorEmail, String administratorFirstName,
                         String administratorLastName) implements Serializable {

    public Onboarding {
        // a null in the list (a JSON "domaines": [null]) is no domain
        domains = domains == null ? List.of() : domains.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** An onboarding whose administrator's names are not given. */
    public Onboarding(String slug, String name, String websiteUrl, String primaryColor, String accentColor, String logoSvg,
                      List<String> domains, String administratorEmail) {
        this(slug, name, websiteUrl, primaryColor, accentColor, logoSvg, domains, administratorEmail, null, null);
    }

    public CommuneSpec spec() {
        return new CommuneSpec(slug, name, websiteUrl, primaryColor, accentColor, logoSvg, domains);
    }
}
