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

    /** The fields of a commune as it is (its page's « Modifier la commune »), to be changed. */
    static CommuneFields of(fr.portailfamille.platform.operator.CommuneOverview c) {
        CommuneFields f = new CommuneFields();
        f.slug = c.getSlug();
        f.name = c.getName();
        f.websiteUrl = c.getWebsiteUrl();
        f.primaryColor = c.getPrimaryColor();
        f.accentColor = c.getAccentColor();
        f.domains = String.join("\n", c.getDomains());
        return f;
    }

    /**
     * The logo chosen on a form, as the SVG the platform stores ({@link fr.portailfamille.platform.operator.LogoUpload}),
     * or {@code null} when none was chosen.
     *
     * @throws fr.portailfamille.platform.kernel.Refused on {@code logoSvg}: unreadable, too large, not an image
     */
    static String logoSvg(jakarta.servlet.http.Part logo) {
        if (logo == null || logo.getSize() == 0) {
            return null;
        }
        byte[] content;
        try (java.io.InputStream in = logo.getInputStream()) {
            content = in.readNBytes(fr.portailfamille.platform.operator.LogoUpload.MAX_BYTES + 1);
        } catch (java.io.IOException e) {
            throw new fr.portailfamille.platform.kernel.Refused("logoSvg",
                    fr.portailfamille.platform.web.Texts.of("operator.new.logoUnreadable"));
        }
        return fr.portailfamille.platform.operator.LogoUpload.toSvg(logo.getSubmittedFileName(), content);
    }

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
