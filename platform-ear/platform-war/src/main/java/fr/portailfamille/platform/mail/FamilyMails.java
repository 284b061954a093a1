package fr.portailfamille.platform.mail;

import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.platform.security.Urls;
import fr.portailfamille.tenancy.Commune;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current commune's mails to a family, in French and in the commune's name: "[Commune] subject",
 * "Bonjour,", the text, a link to the page of the commune's portal where the family follows it, and
 * the commune's signature; sent by {@link Mailer} once the transaction has committed.
 */
@ApplicationScoped
public class FamilyMails {

    /** The family's home page on the portal, where a mail without a more precise page leads. */
    public static final String HOME = "/espace/accueil.xhtml";

    @Inject
    Event<MailRequested> mails;

    @Inject
    Instance<HttpServletRequest> request;

    @Inject
    @ConfigProperty(name = "pf.base-domain", defaultValue = "localhost")
    String baseDomain;

    @Inject
    @ConfigProperty(name = "pf.public-scheme")
    java.util.Optional<String> publicScheme;

    /** Mails {@code body} to {@code to} with a link to the family's space; nothing when the family has no address. */
    public void send(String to, String subject, String body) {
        send(to, subject, body, HOME);
    }

    /**
     * Mails {@code body} to {@code to} with a link to {@code page} (a path of the portal, e.g.
     * {@code /espace/inscriptions.xhtml}); nothing when the family has no address.
     */
    public void send(String to, String subject, String body, String page) {
        if (to == null) {
            return;
        }
        send(to, subject, body, page, portalUrl(TenantContext.require()));
    }

    /**
     * As {@link #send(String, String, String, String)}, with the portal's address given: work that mails
     * outside the request that started it (a background run) takes {@link #portalUrl()} in the request.
     */
    public void send(String to, String subject, String body, String page, String portal) {
        if (to == null) {
            return;
        }
        Commune c = TenantContext.require();
        mails.fire(new MailRequested(c.name(), to, "[" + c.name() + "] " + subject,
                text(c.name(), body, portal + (page == null ? HOME : page))));
    }

    /** The current commune's portal address as {@link #send} links it (the request's, else its sub-domain). */
    public String portalUrl() {
        return portalUrl(TenantContext.require());
    }

    /** The whole text of a family mail. */
    static String text(String commune, String body, String link) {
        return "Bonjour,\n\n" + body + "\n\nPour suivre vos démarches sur le portail famille de " + commune + " :\n"
                + link + "\n\n" + commune + " – Portail Famille\n"
                + "(Ce message est envoyé automatiquement : pour toute question, contactez votre mairie.)\n";
    }

    /**
     * The commune's portal as the family's browser reaches it: the address of the request that
     * decided the mail (the commune's own domain or sub-domain), else — a job's mail: reminders, unpaid invoices,
     * porte-monnaie warnings — {@link #portalOutsideRequests}.
     */
    String portalUrl(Commune c) {
        try {
            if (request.isResolvable()) {
                HttpServletRequest r = request.get();
                if (r.getHeader("Host") != null) {
                    return Urls.base(r);
                }
            }
        } catch (ContextNotActiveException | IllegalStateException e) {
            // outside a request (a job): the platform's sub-domain below
        }
        return portalOutsideRequests(c, publicScheme == null ? null : publicScheme.orElse(null), baseDomain);
    }

    /**
     * The commune's portal for a mail no request decided: its own domain when it has one (where its families sign in,
     * their session's cookie with it), else its sub-domain of the platform, with the platform's public scheme
     * ({@code pf.public-scheme}, https by default) as the provisioning's return addresses.
     */
    static String portalOutsideRequests(Commune c, String scheme, String baseDomain) {
        String s = scheme == null || scheme.isBlank() ? "https" : scheme.strip();
        return s + "://" + (c.domains().isEmpty() ? c.slug() + "." + baseDomain : c.domains().get(0));
    }
}
