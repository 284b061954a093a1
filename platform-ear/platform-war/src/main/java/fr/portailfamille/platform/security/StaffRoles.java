package fr.portailfamille.platform.security;

import fr.portailfamille.platform.tenancy.TenantContext;

/**
 * The staff checks every agents' queue makes in its service before reading or deciding anything: the
 * caller is an agent of the commune the request is for, and health data (medical certificates, change
 * requests carrying the fiche sanitaire) is for the {@code agent-sante} role only.
 */
public final class StaffRoles {

    public static final String AGENT = "agent";
    public static final String HEALTH = "agent-sante";
    public static final String REGISSEUR = "regisseur";

    public static final String NOT_STAFF = "Action réservée aux agents de la commune.";
    public static final String OTHER_COMMUNE = "Ce compte appartient à une autre commune : action refusée.";
    public static final String REGISSEUR_ONLY = "Action réservée aux régisseurs (rôle régisseur) : les autres agents consultent.";
    public static final String HEALTH_ONLY = "Données de santé : réservées aux agents habilités (rôle agent-santé).";

    private StaffRoles() {
    }

    /** Whether this user is an agent (with or without health data). */
    public static boolean isAgent(SignedInUser user) {
        return user != null && (user.hasRole(AGENT) || user.hasRole(HEALTH));
    }

    /** Whether this agent may read health data. */
    public static boolean mayReadHealth(SignedInUser user) {
        return isAgent(user) && user.hasRole(HEALTH);
    }

    /**
     * The agent, if signed in for the commune bound to this request.
     *
     * @throws SecurityException for anyone else: a parent, nobody, an agent of another commune
     */
    public static SignedInUser requireAgent(SignedInUser user) {
        if (user == null || !isAgent(user)) {
            throw new SecurityException(NOT_STAFF);
        }
        if (!TenantContext.require().slug().equals(user.communeSlug())) {
            throw new SecurityException(OTHER_COMMUNE);
        }
        return user;
    }

    /**
     * The agent, if also holding the {@code agent-sante} role.
     *
     * @throws SecurityException otherwise
     */
    public static SignedInUser requireHealthAgent(SignedInUser user) {
        requireAgent(user);
        if (!user.hasRole(HEALTH)) {
            throw new SecurityException(HEALTH_ONLY);
        }
        return user;
    }

    /**
     * The agent, if also holding the {@code regisseur} role (money actions: issuing invoices, credit notes).
     *
     * @throws SecurityException otherwise
     */
    public static SignedInUser requireRegisseur(SignedInUser user) {
        requireAgent(user);
        if (!user.hasRole(REGISSEUR)) {
            throw new SecurityException(REGISSEUR_ONLY);
        }
        return user;
    }
}
