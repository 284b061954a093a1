package fr.portailfamille.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The scheme the browser uses, which behind a TLS-terminating ingress is not the scheme Payara sees:
 * <ol>
 * <li>{@code pf.public-scheme} (environment {@code PF_PUBLIC_SCHEME}, set by the Helm chart) when given;</li>
 * <li>else {@code X-Forwarded-Proto}, but only from a proxy listed in {@code pf.trusted-proxies}
 *     ({@code PF_TRUSTED_PROXIES}, comma-separated addresses): anyone else could forge it;</li>
 * <li>else the scheme of the connection.</li>
 * </ol>
 */
public final class PublicScheme {

    private PublicScheme() {
    }

    public static String of(HttpServletRequest request) {
        return resolve(config("pf.public-scheme"), trustedProxies(), request.getRemoteAddr(),
                request.getHeader("X-Forwarded-Proto"), request.getScheme());
    }

    /** A Host header of a name and a port: nothing else passes ({@code admin.x:1@evil.example} is no port). */
    private static final Pattern PORTED = Pattern.compile("[a-zA-Z0-9.-]+:(\\d{1,5})");

    /**
     * {@code ""} or {@code ":port"} from the Host header the browser used, for the addresses the platform writes into
     * mails and Keycloak's redirect URIs: a port only when the header is a plain name and one to five digits.
     */
    public static String portSuffix(HttpServletRequest request) {
        return portSuffix(request.getHeader("Host"));
    }

    /** The rule itself, without the container (unit-tested). */
    static String portSuffix(String host) {
        if (host == null) {
            return "";
        }
        Matcher m = PORTED.matcher(host.trim());
        return m.matches() ? ":" + m.group(1) : "";
    }

    public static boolean isHttps(HttpServletRequest request) {
        return "https".equals(of(request));
    }

    /** The rule itself, without the container (unit-tested). */
    static String resolve(Optional<String> configured, Set<String> trustedProxies, String remoteAddr,
                          String forwardedProto, String connectionScheme) {
        if (configured.isPresent() && isScheme(configured.get())) {
            return configured.get().trim().toLowerCase(java.util.Locale.ROOT);
        }
        if (forwardedProto != null && remoteAddr != null && trustedProxies.contains(remoteAddr)) {
            String first = forwardedProto.split(",")[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (isScheme(first)) {
                return first;
            }
        }
        return connectionScheme;
    }

    private static boolean isScheme(String s) {
        String v = s.trim().toLowerCase(java.util.Locale.ROOT);
        return v.equals("http") || v.equals("https");
    }

    private static Set<String> trustedProxies() {
        return config("pf.trusted-proxies").map(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    private static Optional<String> config(String name) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(name, String.class).filter(s -> !s.isBlank());
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }
}
