package fr.portailfamille.platform.operator;

import fr.portailfamille.tenancy.CommuneSpec;
import java.io.Serializable;
import java.util.List;

/**
 * What an operator gives to onboard a commune: the commune ({@link CommuneSpec}: slug, name, website, colours, logo as
 * SVG, custom domains) and the address of its first administrator, invited by mail.
 */
public record Onboarding(String slug, String name, String websiteUrl, String primaryColor, String accentColor,
                         String logoSvg, List<String> domains, String administratorEmail) implements Serializable {

    public Onboarding {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    public CommuneSpec spec() {
        return new CommuneSpec(slug, name, websiteUrl, primaryColor, accentColor, logoSvg, domains);
    }
}
