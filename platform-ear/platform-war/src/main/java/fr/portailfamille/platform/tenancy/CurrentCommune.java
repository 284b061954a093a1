package fr.portailfamille.platform.tenancy;

import fr.portailfamille.tenancy.Commune;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The request's commune for pages: {@code #{commune.name}}, {@code #{commune.websiteUrl}}. */
@Named("commune")
@RequestScoped
public class CurrentCommune {

    private Commune commune() {
        return TenantContext.require();
    }

    public String getName() {
        return commune().name();
    }

    public String getSlug() {
        return commune().slug();
    }

    public String getWebsiteUrl() {
        return commune().websiteUrl();
    }
}
