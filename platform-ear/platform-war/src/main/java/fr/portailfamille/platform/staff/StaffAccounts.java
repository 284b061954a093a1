package fr.portailfamille.platform.staff;

import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.KeycloakAccounts;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffSessions;
import fr.portailfamille.platform.tenancy.TenantConnection;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.tenancy.Commune;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The commune's agents' accounts, managed by its administrators ({@code admin-commune}, checked here on every call):
 * the list of the agents of the commune's realm with their roles and state, invitations, role changes, disabling
 * (the agent's Keycloak sessions are ended) and re-enabling, under {@link StaffAccountRules}, and the history of
 * these actions. Keycloak is called as the commune client's service account, in the bound commune's realm only, so
 * a user id of another realm is not found. Each action is audited in {@code staff_audit} in the same transaction:
 * when Keycloak refuses, nothing is written (an account created for a failed invitation is deleted again). A role
 * change or a disabling also reaches the agent's platform sessions on every replica ({@link StaffSessions}, recorded
 * in the same transaction): new roles, or signed out, on its next request.
 */
@ApplicationScoped
public class StaffAccounts {

    private static final Logger LOG = Logger.getLogger(StaffAccounts.class.getName());
    /** Who is written in the audit for the operator's onboarding (no signed-in agent). */
    public static final String OPERATOR = "opérateur de la plateforme";

    @Inject
    KeycloakAccounts accounts;

    @Inject
    StaffSessions sessions;

    @Inject
    @ConfigProperty(name = "pf.keycloak.url")
    String keycloakUrl;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    UserTransaction tx;

    /** An action of the history. */
    public record Entry(OffsetDateTime at, String actor, String action, String targetEmail, String detail)
            implements Serializable {
        public String getAt() {
            return at.atZoneSameInstant(PlatformTime.ZONE).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE));
        }
        public String getActor() { return actor; }
        public String getAction() { return action; }
        public String getTargetEmail() { return targetEmail; }
        public String getDetail() { return detail; }
    }

    // ---- reads ----------------------------------------------------------------------------------

    /** The agents of the commune (any of the four staff roles), by name. */
    @CommuneRequired
    public List<StaffAccount> list(SignedInUser admin) {
        StaffRoles.requireAdmin(admin);
        return agents(realm(TenantContext.require()));
    }

    /** The latest actions on the commune's agents' accounts, newest first. */
    @CommuneRequired
    @Transactional
    public List<Entry> history(SignedInUser admin, int limit) {
        StaffRoles.requireAdmin(admin);
        List<Entry> entries = new ArrayList<>();
        for (Object o : em.createNativeQuery("select at, actor, action, target_email, detail from staff_audit"
                + " order by at desc, id desc limit ?1").setParameter(1, Math.max(1, Math.min(limit, 500))).getResultList()) {
            Object[] r = (Object[]) o;
            entries.add(new Entry(at(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4]));
        }
        return entries;
    }

    // ---- actions --------------------------------------------------------------------------------

    /**
     * Invites an agent of this commune: creates its account with the roles (always {@code agent}) and sends
     * Keycloak's mail to confirm its address and choose a password.
     *
     * @return the field errors ({@code email}, {@code firstName}, {@code lastName}, {@code roles}); empty when sent
     * @throws SecurityException unless an administrator of this commune asks
     */
    @CommuneRequired
    @Transactional
    public List<FieldError> invite(SignedInUser admin, String email, String firstName, String lastName,
                                   Collection<String> roles) {
        StaffRoles.requireAdmin(admin);
        return invite(TenantContext.require(), actor(admin), admin.subject(), email, firstName, lastName, roles);
    }

    /**
     * The operator's onboarding: invites an agent (the commune's first administrator) with no signed-in agent, in
     * its own transaction on the commune's schema; audited as {@link #OPERATOR}.
     *
     * @return the new account's Keycloak id
     * @throws Refused with the first problem (its field: {@code email}, {@code firstName}, {@code lastName},
     *         {@code roles}) when nothing was created
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public String invite(Commune commune, String email, String firstName, String lastName, Set<String> roles) {
        try {
            return TenantContext.call(commune, () -> {
                tx.begin();
                try {
                    List<FieldError> errors = invite(commune, OPERATOR, null, email, firstName, lastName, roles);
                    if (!errors.isEmpty()) {
                        throw new Refused(errors.get(0).field(), errors.get(0).text());
                    }
                    String id = realm(commune).byEmail(email.strip()).orElseThrow();
                    tx.commit();
                    return id;
                } catch (RuntimeException e) {
                    tx.rollback();
                    throw e;
                }
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Invitation de l'agent impossible pour " + commune.slug(), e);
        }
    }

    /**
     * Gives an agent exactly these roles (always {@code agent}).
     *
     * @throws Refused when a role is not grantable, the agent is not of this commune, one would demote oneself or
     *         the commune would keep no enabled administrator (field {@code roles} when about the roles)
     */
    @CommuneRequired
    @Transactional
    public void changeRoles(SignedInUser admin, String userId, Collection<String> asked) {
        changeRoles(admin, userId, asked, null);
    }

    /**
     * As {@link #changeRoles(SignedInUser, String, Collection)}, from a form opened on the agent's roles {@code openedWith}
     * ({@code null}: not checked): refused on {@code roles} when another administrator changed them since — saved, the
     * form's ticks would silently take back what the other gave or removed.
     */
    @CommuneRequired
    @Transactional
    public void changeRoles(SignedInUser admin, String userId, Collection<String> asked, Collection<String> openedWith) {
        StaffRoles.requireAdmin(admin);
        Set<String> roles = StaffAccountRules.roles(asked);
        lockStaff();
        RealmUsers realm = realm(TenantContext.require());
        try {
            StaffAccount target = target(realm, userId);
            if (openedWith != null && !Set.copyOf(openedWith).equals(Set.copyOf(target.roles()))) {
                throw new Refused("roles", Refused.text("staff.roles.changedMeanwhile", target.getName(),
                        String.join(", ", target.roles())));
            }
            StaffAccountRules.checkRoles(admin.subject().equals(target.id()), target, roles, enabledAdmins(realm));
            Set<String> added = new java.util.LinkedHashSet<>(roles);
            added.removeAll(target.roles());
            Set<String> removed = new java.util.LinkedHashSet<>(target.roles());
            removed.removeAll(roles);
            if (added.isEmpty() && removed.isEmpty()) {
                return;
            }
            audit(actor(admin), admin.subject(), "ROLES", target, "rôles : " + String.join(", ", ordered(roles))
                    + " (avant : " + String.join(", ", target.roles()) + ")");
            sessions.record(TenantConnection.of(em), TenantContext.require(), target.id(), target.enabled(), roles, false);
            realm.addRoles(target.id(), added);
            try {
                realm.removeRoles(target.id(), removed);
            } catch (RealmUsers.KeycloakDown e) {
                undo(e, () -> realm.removeRoles(target.id(), added)); // the audit rolls back: no role added either
                throw e;
            }
        } catch (RealmUsers.KeycloakDown e) {
            throw unavailable(e);
        }
    }

    /**
     * Disables an agent (it can no longer sign in; its Keycloak sessions are ended) or enables it again.
     *
     * @throws Refused when the agent is not of this commune, one disables oneself or the commune's last enabled
     *         administrator
     */
    @CommuneRequired
    @Transactional
    public void setEnabled(SignedInUser admin, String userId, boolean enabled) {
        StaffRoles.requireAdmin(admin);
        lockStaff();
        RealmUsers realm = realm(TenantContext.require());
        try {
            JsonObject user = realm.user(userId).orElseThrow(() -> new Refused(Refused.text("staff.notFound")));
            StaffAccount target = target(realm, userId);
            if (target.enabled() == enabled) {
                return;
            }
            if (!enabled) {
                StaffAccountRules.checkDisable(admin.subject().equals(target.id()), target, enabledAdmins(realm));
            }
            audit(actor(admin), admin.subject(), enabled ? "ENABLE" : "DISABLE", target,
                    enabled ? "peut de nouveau se connecter" : "ne peut plus se connecter ; sessions fermées");
            sessions.record(TenantConnection.of(em), TenantContext.require(), target.id(), enabled, target.roles(),
                    !enabled);
            realm.setEnabled(user, enabled);
            if (!enabled) {
                try {
                    realm.logout(target.id());
                } catch (RealmUsers.KeycloakDown e) {
                    undo(e, () -> realm.setEnabled(user, true)); // the audit rolls back: the account as it was
                    throw e;
                }
            }
        } catch (RealmUsers.KeycloakDown e) {
            throw unavailable(e);
        }
    }

    // ---- inside ---------------------------------------------------------------------------------

    private List<FieldError> invite(Commune commune, String actor, String actorSubject, String email, String firstName,
                                    String lastName, Collection<String> asked) {
        List<FieldError> errors = new ArrayList<>(StaffAccountRules.invitation(email, firstName, lastName));
        Set<String> roles;
        try {
            roles = StaffAccountRules.roles(asked);
        } catch (Refused e) {
            errors.add(new FieldError("roles", e.text()));
            return errors;
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        String address = email.strip();
        RealmUsers realm = realm(commune);
        String id;
        try {
            var existing = realm.byEmail(address);
            if (existing.isPresent()) {
                boolean agent = realm.realmRoles(existing.get()).stream().anyMatch(StaffAccountRules.ROLES::contains);
                return List.of(new FieldError("email", Refused.text(agent ? "staff.email.alreadyAgent" : "staff.email.alreadyFamily")));
            }
            id = realm.create(address, firstName.strip(), lastName.strip());
        } catch (RealmUsers.Conflict e) {
            return List.of(new FieldError("email", Refused.text("staff.email.alreadyFamily")));
        } catch (RealmUsers.KeycloakDown e) {
            throw unavailable(e);
        }
        try {
            realm.addRoles(id, roles);
            StaffAccount invited = new StaffAccount(id, address, firstName.strip(), lastName.strip(),
                    ordered(roles), true, true);
            audit(actor, actorSubject, "INVITE", invited, "rôles : " + String.join(", ", invited.roles()));
            em.flush();
            realm.sendInvitation(id, commune.oidcClientId());
            return List.of();
        } catch (RuntimeException e) {
            try {
                realm.delete(id); // nothing half-made: no account without its invitation
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e instanceof RealmUsers.KeycloakDown down ? unavailable(down) : e;
        }
    }

    /** Puts back what a failed action had already changed in Keycloak; a failure to do so is kept with the first. */
    private static void undo(RuntimeException failure, Runnable back) {
        try {
            back.run();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private List<StaffAccount> agents(RealmUsers realm) {
        try {
            Map<String, JsonObject> users = new LinkedHashMap<>();
            Map<String, Set<String>> roles = new LinkedHashMap<>();
            for (String role : StaffAccountRules.ROLES) {
                for (JsonObject u : realm.inRole(role)) {
                    users.putIfAbsent(u.getString("id"), u);
                    roles.computeIfAbsent(u.getString("id"), k -> new HashSet<>()).add(role);
                }
            }
            List<StaffAccount> agents = new ArrayList<>();
            users.forEach((id, u) -> agents.add(account(u, roles.get(id))));
            agents.sort(Comparator.comparing((StaffAccount a) -> a.getName().toLowerCase(Locale.FRENCH))
                    .thenComparing(StaffAccount::email));
            return agents;
        } catch (RealmUsers.KeycloakDown e) {
            throw unavailable(e);
        }
    }

    /** The agent with this id in the bound commune's realm: a user of another realm, or no agent, is not found. */
    private static StaffAccount target(RealmUsers realm, String userId) {
        JsonObject user = realm.user(userId).orElseThrow(() -> new Refused(Refused.text("staff.notFound")));
        Set<String> roles = new HashSet<>(realm.realmRoles(userId));
        roles.retainAll(StaffAccountRules.ROLES);
        if (roles.isEmpty()) {
            throw new Refused(Refused.text("staff.notFound")); // a family's account is no agent's
        }
        return account(user, roles);
    }

    /**
     * The commune's agents changed one at a time, until the transaction ends: two administrators demoting or disabling
     * each other at once both count the enabled administrators before either change, and both would pass; the second
     * now counts after the first (the commune keeps one).
     */
    private void lockStaff() {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext('staff:' || current_schema()))) l")
                .getSingleResult();
    }

    private long enabledAdmins(RealmUsers realm) {
        return realm.inRole(StaffRoles.ADMIN).stream().filter(u -> u.getBoolean("enabled", false)).count();
    }

    private static StaffAccount account(JsonObject u, Set<String> roles) {
        return new StaffAccount(u.getString("id"), u.getString("email", u.getString("username", "")),
                u.getString("firstName", ""), u.getString("lastName", ""), ordered(roles), u.getBoolean("enabled", false),
                !RealmUsers.strings(u, "requiredActions").isEmpty() || !u.getBoolean("emailVerified", false));
    }

    private static List<String> ordered(Collection<String> roles) {
        return StaffAccountRules.ROLES.stream().filter(roles::contains).toList();
    }

    private void audit(String actor, String actorSubject, String action, StaffAccount target, String detail) {
        em.createNativeQuery("insert into staff_audit (actor, actor_subject, action, target_subject, target_email, detail)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, actor).setParameter(2, actorSubject).setParameter(3, action)
                .setParameter(4, target.id()).setParameter(5, target.email())
                .setParameter(6, detail.length() > 500 ? detail.substring(0, 500) : detail).executeUpdate();
    }

    private RealmUsers realm(Commune commune) {
        try {
            return new RealmUsers(keycloakUrl, commune.realmName(), accounts.serviceToken(commune));
        } catch (KeycloakAccounts.AccountException e) {
            throw unavailable(e);
        }
    }

    private static String actor(SignedInUser admin) {
        return admin.email() == null || admin.email().isBlank() ? admin.name() : admin.email();
    }

    private static Refused unavailable(Exception e) {
        LOG.log(Level.WARNING, "Gestion des agents : Keycloak a refusé ou ne répond pas", e);
        return new Refused(Refused.text("staff.unavailable"));
    }

    private static OffsetDateTime at(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant().atZone(PlatformTime.ZONE).toOffsetDateTime();
        }
        if (o instanceof java.time.Instant i) {
            return i.atZone(PlatformTime.ZONE).toOffsetDateTime();
        }
        throw new IllegalStateException("date inattendue : " + o);
    }
}
