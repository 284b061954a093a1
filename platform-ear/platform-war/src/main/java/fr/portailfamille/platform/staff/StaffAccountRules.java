package fr.portailfamille.platform.staff;

import fr.portailfamille.platform.family.validation.FrenchFormats;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.problems.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an administrator may do with the commune's agents' accounts, without Keycloak: only the four staff roles
 * are granted (never {@code parent}, never a client role), every staff account holds {@code agent} (the key of
 * the staff area), nobody demotes or disables themself, and the commune always keeps an enabled administrator.
 */
public final class StaffAccountRules {

    /** The roles an administrator grants, in the order the page shows them. */
    public static final List<String> ROLES = List.of(StaffRoles.AGENT, StaffRoles.HEALTH, StaffRoles.REGISSEUR,
            StaffRoles.ADMIN);

    public static final int NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;

    private StaffAccountRules() {
    }

    /**
     * The roles to grant, from what was asked: {@code agent} always among them.
     *
     * @throws Refused on the field {@code roles} for a role outside {@link #ROLES} (nothing is granted then)
     */
    public static Set<String> roles(Collection<String> asked) {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(StaffRoles.AGENT);
        if (asked != null) {
            for (String role : asked) {
                if (!ROLES.contains(role)) {
                    throw new Refused("roles", Refused.text("staff.role.unknown", role));
                }
                roles.add(role);
            }
        }
        return roles;
    }

    /** The invitation's field errors (e-mail, first and last name), empty when it may be sent. */
    public static List<FieldError> invitation(String email, String firstName, String lastName) {
        List<FieldError> errors = new ArrayList<>();
        if (email == null || email.isBlank()) {
            errors.add(error("email", "staff.email.required"));
        } else if (email.strip().length() > EMAIL_MAX) {
            errors.add(error("email", "staff.text.tooLong", EMAIL_MAX));
        } else if (!FrenchFormats.isEmail(email.strip())) {
            errors.add(error("email", "staff.email.invalid"));
        }
        name(errors, "firstName", firstName, "staff.firstName.required");
        name(errors, "lastName", lastName, "staff.lastName.required");
        return errors;
    }

    private static void name(List<FieldError> errors, String field, String value, String missing) {
        if (value == null || value.isBlank()) {
            errors.add(error(field, missing));
        } else if (value.strip().length() > NAME_MAX) {
            errors.add(error(field, "staff.text.tooLong", NAME_MAX));
        } else {
            fr.portailfamille.platform.kernel.PersonNames.refusal(value).ifPresent(m -> errors.add(new FieldError(field, m)));
        }
    }

    private static FieldError error(String field, String key, Object... args) {
        return new FieldError(field, Refused.text(key, args));
    }

    /**
     * Checks a change of an agent's roles.
     *
     * @param self          whether the administrator changes their own roles
     * @param target        the agent as it is now
     * @param roles         its roles after the change ({@link #roles} already applied)
     * @param enabledAdmins how many enabled administrators the commune has now
     * @throws Refused when the change would demote oneself or leave the commune without an enabled administrator
     */
    public static void checkRoles(boolean self, StaffAccount target, Set<String> roles, long enabledAdmins) {
        boolean demoted = target.roles().contains(StaffRoles.ADMIN) && !roles.contains(StaffRoles.ADMIN);
        if (demoted && self) {
            throw new Refused("roles", Refused.text("staff.selfDemote"));
        }
        if (demoted && target.enabled() && enabledAdmins <= 1) {
            throw new Refused("roles", Refused.text("staff.lastAdmin"));
        }
    }

    /**
     * Checks disabling an agent.
     *
     * @throws Refused when one disables oneself or the commune's last enabled administrator
     */
    public static void checkDisable(boolean self, StaffAccount target, long enabledAdmins) {
        if (self) {
            throw new Refused(Refused.text("staff.selfDisable"));
        }
        if (target.enabled() && target.roles().contains(StaffRoles.ADMIN) && enabledAdmins <= 1) {
            throw new Refused(Refused.text("staff.lastAdmin"));
        }
    }
}
