package fr.portailfamille.platform.security;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** URLs of the current commune as the browser sees them (public scheme, Host header, context path). */
public final class Urls {

    private Urls() {
    }

    public static String base() {
        return base((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    /** The origin (public scheme, host, port) the browser sees, as in an {@code Origin} header. */
    public static String origin(HttpServletRequest r) {
        return PublicScheme.of(r) + "://" + host(r.getHeader("Host"));
    }

    /**
     * The base of the addresses written for the browser or into mails (a message's notice to the service's mailbox,
     * « une place s'est libérée » to another family): the public scheme, the Host header's name and port, the context.
     */
    public static String base(HttpServletRequest r) {
        return PublicScheme.of(r) + "://" + host(r.getHeader("Host")) + r.getContextPath();
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
            "(\\[[0-9a-fA-F:.]+]|[a-zA-Z0-9.-]+)");
    private static final java.util.regex.Pattern PORT = java.util.regex.Pattern.compile(":\\d{1,5}");

    /**
     * A Host header's name and port only: a name (or a bracketed IPv6 address) and one to five digits, nothing else — the
     * tenant filter resolves {@code alpha.example.fr:1@evil.example} to alpha by its name, and written as it came into a
     * link, a browser would go to evil.example ({@code alpha.example.fr:1} its user name).
     */
    static String host(String header) {
        if (header == null) {
            return "";
        }
        java.util.regex.Matcher name = NAME.matcher(header.strip());
        if (!name.lookingAt()) {
            return "";
        }
        String rest = header.strip().substring(name.end());
        return name.group(1) + (PORT.matcher(rest).matches() ? rest : "");
    }
}
