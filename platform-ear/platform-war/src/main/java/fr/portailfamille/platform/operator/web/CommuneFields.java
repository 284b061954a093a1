package fr.portailfamille.platform.operator.web;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an operator types about a commune on the console's two forms that create one (a new commune, an archive
 * imported into a new commune): slug, name, website, colours, domains. Kept by each form's bean, bound as
 * {@code #{view.commune.slug}}; values are given trimmed.
 */
public class CommuneFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private String slug;
    private String name;
    private String websiteUrl;
    private String primaryColor = "#1d4f91";
    private String accentColor = "#f2a900";
    private String domains;

    /** The domains typed, separated by commas, semicolons or spaces. */
    public List<String> domainList() {
        if (domains == null || domains.isBlank()) {
            return List.of();
        }
        return Arrays.stream(domains.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String trim(String s) {
        return Optional.ofNullable(s).map(String::strip).orElse(null);
    }

    public String slug() {
        return trim(slug);
    }

    public String name() {
        return trim(name);
    }

    public String websiteUrl() {
        return trim(websiteUrl);
    }

    public String primaryColor() {
        return trim(primaryColor);
    }

    public String accentColor() {
        return trim(accentColor);
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getWebsiteUrl() {
        return websiteUrl;
    }

    public void setWebsiteUrl(String websiteUrl) {
        this.websiteUrl = websiteUrl;
    }

    public String getPrimaryColor() {
        return primaryColor;
    }

    public void setPrimaryColor(String primaryColor) {
        this.primaryColor = primaryColor;
    }

    public String getAccentColor() {
        return accentColor;
    }

    public void setAccentColor(String accentColor) {
        this.accentColor = accentColor;
    }

    public String getDomains() {
        return domains;
    }

    public void setDomains(String domains) {
        this.domains = domains;
    }
}
