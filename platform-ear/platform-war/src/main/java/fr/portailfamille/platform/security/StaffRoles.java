package fr.portailfamille.platform.security;

import fr.portailfamille.platform.kernel.Denied;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.problems.Message;

/**
 * The one staff check every agents' service makes before reading or deciding anything: the caller holds
 * the {@code agent} realm role and is signed in to the commune the request is for; health data (medical
 * certificates, change requests carrying the fiche sanitaire) is for the {@code agent-sante} role only; the
 * commune's agents' accounts are managed by its administrators ({@code admin-commune}) only. A refusal is a
 * {@link Denied} (a {@link SecurityException}) whose French is one of the constants below and whose text a page reads
 * in its language (refusals' keys {@code security.*}).
 */
public final class StaffRoles {

    public static final String AGENT = "agent";
    public static final String HEALTH = "agent-sante";
    public static final String REGISSEUR = "regisseur";
    public static final String ADMIN = "admin-commune";

    // the refusals' French, for those who compare a SecurityException's message (tests): written once, in the bundle
    public static final String NOT_STAFF = Refused.text("security.notStaff").french();
    public static final String OTHER_COMMUNE = Refused.text("security.otherCommune").french();
    public static final String REGISSEUR_ONLY = Refused.text("security.regisseurOnly").french();
    public static final String ADMIN_ONLY = Refused.text("security.adminOnly").french();
    public static final String HEALTH_ONLY = Refused.text("security.healthOnly").french();

    private StaffRoles() {
    }

    /** Whether this account is a staff account (agent, with or without health data): it never gets a family file. */
    public static boolean isStaff(SignedInUser user) {
        return user != null && (user.hasRole(AGENT) || user.hasRole(HEALTH));
    }

    /** Whether this agent may read health data. */
    public static boolean mayReadHealth(SignedInUser user) {
        return user != null && user.hasRole(HEALTH);
    }

    /** Whether this user is an agent (the {@code agent} role) signed in to the commune bound to this request. */
    public static boolean isAgentOfThisCommune(SignedInUser user) {
        return refusal(user) == null;
    }

    /**
     * The agent, if signed in with the {@code agent} role for the commune bound to this request.
     *
     * @throws SecurityException for anyone else: a parent, nobody, an account without the {@code agent}
     *         role, an agent of another commune
     */
    public static SignedInUser requireAgent(SignedInUser user) {
        Message refusal = refusal(user);
        if (refusal != null) {
            throw new Denied(refusal);
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
            throw healthOnly();
        }
        return user;
    }

    /** {@link #HEALTH_ONLY}, in any language: what an agent without the {@code agent-sante} role is told. */
    public static Denied healthOnly() {
        return new Denied(Refused.text("security.healthOnly"));
    }

    /**
     * The agent, if also holding the {@code regisseur} role (money actions: issuing invoices, credit notes).
     *
     * @throws SecurityException otherwise
     */
    public static SignedInUser requireRegisseur(SignedInUser user) {
        requireAgent(user);
        if (!user.hasRole(REGISSEUR)) {
            throw new Denied(Refused.text("security.regisseurOnly"));
        }
        return user;
    }

    /** Whether this agent of this commune administers its agents' accounts (the staff menu shows the page). */
    public static boolean isAdminOfThisCommune(SignedInUser user) {
        return refusal(user) == null && user.hasRole(ADMIN);
    }

    /**
     * The agent, if also holding the {@code admin-commune} role (the commune's agents' accounts: invite, roles,
     * disable).
     *
     * @throws SecurityException otherwise
     */
    public static SignedInUser requireAdmin(SignedInUser user) {
        requireAgent(user);
        if (!user.hasRole(ADMIN)) {
            throw new Denied(Refused.text("security.adminOnly"));
        }
        return user;
    }

    /** Why this user is not an agent of this commune ({@link #NOT_STAFF}, {@link #OTHER_COMMUNE}); null if it is. */
    private static Message refusal(SignedInUser user) {
        if (user == null || !user.hasRole(AGENT)) {
            return Refused.text("security.notStaff");
        }
        if (!TenantContext.require().slug().equals(user.communeSlug())) {
            return Refused.text("security.otherCommune");
        }
        return null;
    }
}
