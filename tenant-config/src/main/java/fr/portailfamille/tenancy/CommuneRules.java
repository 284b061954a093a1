package fr.portailfamille.tenancy;

import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Rules every commune must follow, checked before provisioning touches anything. */
public final class CommuneRules {

    /** 3 to 40 characters: lower-case letters, digits and inner dashes, starting with a letter. */
    private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{1,38}[a-z0-9]$");
    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    private static final Pattern DOMAIN = Pattern.compile(
            "^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    /**
     * Names that would clash with the platform's own hosts (the operators' console at {@code admin.<base domain>}),
     * with Keycloak's master realm or with the operators' realm ({@code pf-operateurs}, the realm of a slug
     * {@code operateurs}), or with the operators' API paths beside {@code /communes/{slug}} ({@code import},
     * {@code archives}).
     */
    private static final Set<String> RESERVED = Set.of("www", "api", "admin", "operateur", "operateurs", "operator",
            "operators", "platform", "plateforme", "master", "keycloak", "auth", "static", "mail", "import", "archives");

    private CommuneRules() {
    }

    public static String schemaName(String slug) {
        return "commune_" + slug.replace('-', '_');
    }

    public static String realmName(String slug) {
        return "pf-" + slug;
    }

    /** Lower-cases a host and strips its port and a trailing dot. */
    public static String normalizeHost(String host) {
        if (host == null) {
            return "";
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) { // IPv6 literal
            int end = h.indexOf(']');
            return end > 0 ? h.substring(0, end + 1) : h;
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            h = h.substring(0, colon);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    /**
     * The slug named by a platform sub-domain: {@code montfaucou.localhost} under base domain
     * {@code localhost} gives {@code montfaucou}. Deeper sub-domains and the base domain itself give
     * nothing.
     */
    public static java.util.Optional<String> slugFromHost(String host, String baseDomain) {
        String h = normalizeHost(host);
        String base = normalizeHost(baseDomain);
        if (base.isEmpty() || !h.endsWith("." + base)) {
            return java.util.Optional.empty();
        }
        String label = h.substring(0, h.length() - base.length() - 1);
        if (label.contains(".") || !SLUG.matcher(label).matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(label);
    }

    /** The longest address of the commune's website ({@code platform.commune.website_url}). */
    public static final int WEBSITE_URL_MAX = 500;

    /** Every problem of the spec at once (bundle {@code problems}, {@code tenancy.*}); empty when it can be provisioned. */
    public static List<FieldError> validate(CommuneSpec spec, String baseDomain) {
        List<FieldError> errors = new ArrayList<>();
        if (spec.slug() == null || !SLUG.matcher(spec.slug()).matches()) {
            errors.add(Problems.error("slug", "tenancy.slug.format"));
        } else if (RESERVED.contains(spec.slug())) {
            errors.add(Problems.error("slug", "tenancy.slug.reserved", spec.slug()));
        }
        if (spec.name() == null || spec.name().isBlank()) {
            errors.add(Problems.error("name", "tenancy.name.required"));
        } else if (spec.name().length() > 120) {
            errors.add(Problems.error("name", "tenancy.name.tooLong"));
        }
        if (!isHttpUrl(spec.websiteUrl())) {
            errors.add(Problems.error("websiteUrl", "tenancy.websiteUrl.invalid"));
        } else if (spec.websiteUrl().length() > WEBSITE_URL_MAX) {
            errors.add(Problems.error("websiteUrl", "tenancy.websiteUrl.tooLong", WEBSITE_URL_MAX));
        }
        validateColor(errors, "primaryColor", spec.primaryColor(), Problems.of("tenancy.color.primary"), true);
        validateColor(errors, "accentColor", spec.accentColor(), Problems.of("tenancy.color.accent"), false);
        if (spec.logoSvg() != null && !spec.logoSvg().isBlank()) {
            String logo = spec.logoSvg().toLowerCase(Locale.ROOT);
            if (!logo.contains("<svg") || logo.contains("<script") || logo.contains("javascript:")
                    || logo.matches("(?s).*\\son[a-z]+\\s*=.*")) {
                errors.add(Problems.error("logoSvg", "tenancy.logo.script"));
            } else if (spec.logoSvg().length() > 200_000) {
                errors.add(Problems.error("logoSvg", "tenancy.logo.tooLarge"));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String raw : spec.domains()) {
            String d = normalizeHost(raw);
            if (!DOMAIN.matcher(d).matches()) {
                errors.add(Problems.error("domains", "tenancy.domain.invalid", raw));
            } else if (baseDomain != null && (d.equals(normalizeHost(baseDomain)) || d.endsWith("." + normalizeHost(baseDomain)))) {
                errors.add(Problems.error("domains", "tenancy.domain.platform", raw));
            } else if (!seen.add(d)) {
                errors.add(Problems.error("domains", "tenancy.domain.twice", raw));
            }
        }
        return errors;
    }

    private static void validateColor(List<FieldError> errors, String field, String value, Message label,
                                      boolean underWhiteText) {
        if (value == null || !COLOR.matcher(value).matches()) {
            errors.add(Problems.error(field, "tenancy.color.format", label));
        } else if (underWhiteText && contrastWithWhite(value) < 4.5) {
            // rounded as String.format's "%.1f" rounds (half up, on the double's shortest decimal form), so that the
            // pattern's {1,number,0.0} only writes it with the language's decimal separator
            BigDecimal ratio = new BigDecimal(Double.toString(contrastWithWhite(value))).setScale(1, RoundingMode.HALF_UP);
            errors.add(Problems.error(field, "tenancy.color.tooLight", label, ratio));
        }
    }

    /** WCAG 2.1 contrast ratio between a #rrggbb colour and white. */
    public static double contrastWithWhite(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double l = 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff)
                + 0.0722 * channel(rgb & 0xff);
        return 1.05 / (l + 0.05);
    }

    private static double channel(int c) {
        double s = c / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static boolean isHttpUrl(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
