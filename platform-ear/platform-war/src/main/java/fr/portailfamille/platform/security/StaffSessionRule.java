package fr.portailfamille.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What becomes of an agent's platform session when its commune's administrators changed agents' accounts since the
 * session last looked ({@link StaffSessions}): the pure rule, unit-tested. A session knows the commune's staff version
 * it saw; the agent's row says at which version it was last changed, at which it was last disabled, whether it is
 * enabled now and its staff roles.
 */
public final class StaffSessionRule {

    /** The staff roles an administrator grants and removes (the others, e.g. Keycloak's defaults, are kept). */
    public static final Set<String> STAFF_ROLES = Set.of(StaffRoles.AGENT, StaffRoles.HEALTH, StaffRoles.REGISSEUR,
            StaffRoles.ADMIN);

    /** The agent's state recorded at its last change. */
    public record Change(long version, long signedOutVersion, boolean enabled, Set<String> roles) {
        public Change {
            roles = Set.copyOf(roles);
        }
    }

    /** The session goes on as it is, goes on with {@code roles}, or is signed out. */
    public record Outcome(boolean signOut, List<String> roles) {
        static final Outcome KEEP = new Outcome(false, null);
        static final Outcome SIGN_OUT = new Outcome(true, null);

        public boolean keep() {
            return !signOut && roles == null;
        }
    }

    private StaffSessionRule() {
    }

    /**
     * The outcome for a session that knew {@code known} and holds {@code roles}, the agent's row being {@code change}
     * ({@code null}: never changed by an administrator).
     */
    public static Outcome decide(long known, List<String> roles, Change change) {
        if (change == null) {
            return Outcome.KEEP;
        }
        if (!change.enabled() || change.signedOutVersion() > known) {
            return Outcome.SIGN_OUT; // disabled now, or disabled (and perhaps enabled again) since the session began
        }
        if (change.version() <= known) {
            return Outcome.KEEP;
        }
        List<String> updated = withStaffRoles(roles, change.roles());
        return Set.copyOf(updated).equals(Set.copyOf(roles)) ? Outcome.KEEP : new Outcome(false, updated);
    }

    /** {@code roles} with its staff roles replaced by {@code staff}, the others kept in their order. */
    static List<String> withStaffRoles(Collection<String> roles, Set<String> staff) {
        List<String> updated = new ArrayList<>();
        for (String r : roles) {
            if (!STAFF_ROLES.contains(r)) {
                updated.add(r);
            }
        }
        for (String r : List.of(StaffRoles.AGENT, StaffRoles.HEALTH, StaffRoles.REGISSEUR, StaffRoles.ADMIN)) {
            if (staff.contains(r)) {
                updated.add(r);
            }
        }
        return updated;
    }
}
