package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Mails;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffSessions;
import fr.portailfamille.platform.staff.StaffAccount;
import fr.portailfamille.platform.staff.StaffAccounts;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.tenancy.Commune;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agents' accounts against the real Keycloak, PostgreSQL and GreenMail, in the container: an administrator invites
 * an agent (Keycloak's mail with its link, exactly the granted roles, audited), refusals next to their fields (an
 * address already an agent's or a family's, a role not grantable); only an administrator of this commune is served;
 * alpha's administrator cannot reach beta's agent by its id; nobody demotes or disables themself and the last enabled
 * administrator stays; the operator's onboarding invites a commune's first administrator without a signed-in agent;
 * another replica (its own {@link StaffSessions}, the same database) sees an agent's new roles and its disabling.
 */
@ExtendWith(ArquillianExtension.class)
class StaffAccountsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    StaffAccounts accounts;

    @Inject
    CommuneDirectory directory;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @jakarta.annotation.Resource(lookup = "java:app/jdbc/portail")
    javax.sql.DataSource dataSource;

    <T> T in(String slug, Callable<T> work) throws Exception {
        Commune c = directory.bySlug(slug).orElseThrow();
        return TenantContext.call(c, work);
    }

    static SignedInUser admin(String slug, String subject) {
        return new SignedInUser(slug, subject, "Alex Admin", "admin@" + slug + ".test", true,
                List.of("agent", "admin-commune"), null);
    }

    /** An administrator's session whose account is not in the realm (a token still valid for a since-demoted one). */
    static SignedInUser someAdmin(String slug) {
        return admin(slug, UUID.randomUUID().toString());
    }

    StaffAccount agent(String slug, String email) throws Exception {
        return in(slug, () -> accounts.list(someAdmin(slug))).stream().filter(a -> a.email().equals(email)).findFirst()
                .orElseThrow(() -> new AssertionError("pas d'agent " + email + " dans " + slug));
    }

    /** The real administrator of the commune, signed in. */
    SignedInUser realAdmin(String slug) throws Exception {
        return admin(slug, agent(slug, "admin@" + slug + ".test").id());
    }

    long audits(String slug) throws Exception {
        return in(slug, () -> ((Number) em.createNativeQuery("select count(*) from staff_audit").getSingleResult()).longValue());
    }

    static String s() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAdministratorInvitesAnAgentWhoGetsKeycloaksMailAndExactlyTheGrantedRoles() throws Exception {
        String email = "invite-" + s() + "@alpha.test";
        SignedInUser admin = realAdmin("alpha");
        assertEquals(List.of(), in("alpha", () -> accounts.invite(admin, email, " Claude ", "Nouvel", List.of("regisseur"))));

        StaffAccount invited = agent("alpha", email);
        assertEquals(List.of("agent", "regisseur"), invited.roles());
        assertEquals("Claude Nouvel", invited.getName());
        assertTrue(invited.enabled() && invited.pending(), "actif, invitation en attente");
        String mail = Mails.await(email, m -> m.contains("pf-alpha/login-actions/action-token?key="));
        assertTrue(mail.contains("compte d'agent") && mail.contains("espace agents") && mail.contains("Commune Alpha"), mail);
        assertFalse(mail.contains("dossier famille"), "pas le texte des familles : " + mail);

        StaffAccounts.Entry last = in("alpha", () -> accounts.history(admin, 5)).get(0);
        assertEquals("INVITE", last.action());
        assertEquals(email, last.targetEmail());
        assertEquals("admin@alpha.test", last.actor());
        assertEquals("rôles : agent, regisseur", last.detail());

        // refused next to their fields, nothing created nor audited
        long before = audits("alpha");
        List<FieldError> again = in("alpha", () -> accounts.invite(admin, email, "Claude", "Nouvel", List.of()));
        assertEquals(List.of(new FieldError("email", "Cette adresse est déjà celle d'un agent de la commune : modifiez ses"
                + " rôles dans la liste.")), again);
        List<FieldError> family = in("alpha", () -> accounts.invite(admin, "parent@alpha.test", "Camille", "Martin", List.of()));
        assertEquals("email", family.get(0).field());
        assertTrue(family.get(0).message().contains("compte famille"), family.toString());
        List<FieldError> parentRole = in("alpha", () -> accounts.invite(admin, "p-" + email, "Camille", "M", List.of("parent")));
        assertEquals("roles", parentRole.get(0).field());
        List<FieldError> clientRole = in("alpha", () -> accounts.invite(admin, "p-" + email, "C", "M", List.of("manage-users")));
        assertEquals("roles", clientRole.get(0).field());
        List<FieldError> bad = in("alpha", () -> accounts.invite(admin, "pas-une-adresse", "", "M", List.of()));
        assertEquals(List.of("email", "firstName"), bad.stream().map(FieldError::field).toList());
        assertEquals(before, audits("alpha"));
        assertFalse(in("alpha", () -> accounts.list(admin)).stream().anyMatch(a -> a.email().equals("p-" + email)));
    }

    @Test
    void onlyAnAdministratorOfThisCommuneIsServed() throws Exception {
        String target = agent("alpha", "agent@alpha.test").id();
        long before = audits("alpha");
        SignedInUser agent = new SignedInUser("alpha", UUID.randomUUID().toString(), "Dominique", "agent@alpha.test", true,
                List.of("agent", "agent-sante", "regisseur"), null);
        SignedInUser betaAdmin = someAdmin("beta");
        SignedInUser parent = new SignedInUser("alpha", UUID.randomUUID().toString(), "Camille", "parent@alpha.test", true,
                List.of("parent", "admin-commune"), null);
        for (SignedInUser who : new SignedInUser[] {agent, betaAdmin, parent, null}) {
            assertThrows(SecurityException.class, () -> in("alpha", () -> accounts.list(who)));
            assertThrows(SecurityException.class, () -> in("alpha", () -> accounts.history(who, 10)));
            assertThrows(SecurityException.class, () -> in("alpha", () -> accounts.invite(who, "x-" + s() + "@alpha.test",
                    "X", "Y", List.of("admin-commune"))));
            assertThrows(SecurityException.class, () -> in("alpha", () -> {
                accounts.changeRoles(who, target, List.of("agent", "admin-commune"));
                return null;
            }));
            assertThrows(SecurityException.class, () -> in("alpha", () -> {
                accounts.setEnabled(who, target, false);
                return null;
            }));
        }
        assertEquals(before, audits("alpha"));
        StaffAccount unchanged = agent("alpha", "agent@alpha.test");
        assertEquals(List.of("agent"), unchanged.roles());
        assertTrue(unchanged.enabled());
    }

    @Test
    void alphasAdministratorCannotReachBetasAgentByItsId() throws Exception {
        StaffAccount betaAgent = agent("beta", "agent@beta.test");
        SignedInUser alphaAdmin = realAdmin("alpha");
        long before = audits("alpha");
        for (String id : List.of(betaAgent.id(), "../../../master/users", UUID.randomUUID().toString())) {
            Refused roles = assertThrows(Refused.class, () -> in("alpha", () -> {
                accounts.changeRoles(alphaAdmin, id, List.of("agent", "admin-commune"));
                return null;
            }));
            assertEquals("Agent introuvable dans cette commune.", roles.getMessage());
            Refused disable = assertThrows(Refused.class, () -> in("alpha", () -> {
                accounts.setEnabled(alphaAdmin, id, false);
                return null;
            }));
            assertEquals("Agent introuvable dans cette commune.", disable.getMessage());
        }
        // alpha's administrator on beta's request (beta's Host): not an agent of that commune
        assertThrows(SecurityException.class, () -> in("beta", () -> {
            accounts.setEnabled(alphaAdmin, betaAgent.id(), false);
            return null;
        }));
        assertEquals(before, audits("alpha"));
        StaffAccount still = agent("beta", "agent@beta.test");
        assertEquals(List.of("agent"), still.roles());
        assertTrue(still.enabled());
    }

    /**
     * Two administrators on one agent: X opens Bob's roles (agent), Y gives him regisseur, X ticks agent-sante and saves —
     * refused beside the roles, Bob keeps regisseur (it was silently taken back); X's save from the roles now read goes.
     */
    @Test
    void aRolesFormOpenedBeforeAnotherAdministratorsChangeIsRefusedNotSaved() throws Exception {
        SignedInUser x = realAdmin("beta");
        SignedInUser y = someAdmin("beta");
        String bob = "bob-" + s() + "@beta.test";
        assertEquals(List.of(), in("beta", () -> accounts.invite(x, bob, "Bob", "Roles", List.of())));
        String bobId = agent("beta", bob).id();
        List<String> opened = agent("beta", bob).roles();
        in("beta", () -> {
            accounts.changeRoles(y, bobId, List.of("agent", "regisseur"));
            return null;
        });
        Refused stale = assertThrows(Refused.class, () -> in("beta", () -> {
            accounts.changeRoles(x, bobId, List.of("agent", "agent-sante"), opened);
            return null;
        }));
        assertEquals("roles", stale.field());
        assertTrue(stale.getMessage().startsWith("Un autre administrateur a changé les rôles de Bob Roles"), stale.getMessage());
        assertEquals(List.of("agent", "regisseur"), agent("beta", bob).roles(), "nothing taken back");
        in("beta", () -> {
            accounts.changeRoles(x, bobId, List.of("agent", "regisseur", "agent-sante"), agent("beta", bob).roles());
            return null;
        });
        assertEquals(List.of("agent", "agent-sante", "regisseur"), agent("beta", bob).roles());
    }

    @Test
    void nobodyDemotesOrDisablesThemselfAndTheLastEnabledAdministratorStays() throws Exception {
        SignedInUser self = realAdmin("beta");
        String adminId = self.subject();
        SignedInUser other = someAdmin("beta");
        long before = audits("beta");
        Refused demote = assertThrows(Refused.class, () -> in("beta", () -> {
            accounts.changeRoles(self, adminId, List.of("agent"));
            return null;
        }));
        assertTrue(demote.getMessage().contains("votre propre rôle d'administrateur"), demote.getMessage());
        assertEquals("roles", demote.field());
        Refused disableSelf = assertThrows(Refused.class, () -> in("beta", () -> {
            accounts.setEnabled(self, adminId, false);
            return null;
        }));
        assertEquals("Vous ne pouvez pas désactiver votre propre compte.", disableSelf.getMessage());
        Refused lastRoles = assertThrows(Refused.class, () -> in("beta", () -> {
            accounts.changeRoles(other, adminId, List.of("agent", "regisseur"));
            return null;
        }));
        assertTrue(lastRoles.getMessage().startsWith("La commune doit garder au moins un administrateur actif"),
                lastRoles.getMessage());
        Refused lastDisable = assertThrows(Refused.class, () -> in("beta", () -> {
            accounts.setEnabled(other, adminId, false);
            return null;
        }));
        assertEquals(lastRoles.getMessage(), lastDisable.getMessage());
        assertEquals(before, audits("beta"));
        StaffAccount admin = agent("beta", "admin@beta.test");
        assertEquals(List.of("agent", "admin-commune"), admin.roles());
        assertTrue(admin.enabled());

        // with a second administrator, the first may demote, disable and enable it again; each action audited in beta only
        String second = "second-" + s() + "@beta.test";
        long alphaBefore = audits("alpha");
        assertEquals(List.of(), in("beta", () -> accounts.invite(self, second, "Lou", "Second", List.of("admin-commune"))));
        String secondId = agent("beta", second).id();
        in("beta", () -> {
            accounts.changeRoles(self, secondId, List.of("agent-sante"));
            accounts.setEnabled(self, secondId, false);
            return null;
        });
        StaffAccount disabled = agent("beta", second);
        assertEquals(List.of("agent", "agent-sante"), disabled.roles());
        assertFalse(disabled.enabled());
        in("beta", () -> {
            accounts.setEnabled(self, secondId, true);
            return null;
        });
        assertTrue(agent("beta", second).enabled());
        List<String> actions = in("beta", () -> accounts.history(self, 4)).stream().map(StaffAccounts.Entry::action).toList();
        assertEquals(List.of("ENABLE", "DISABLE", "ROLES", "INVITE"), actions);
        assertEquals(before + 4, audits("beta"));
        assertEquals(alphaBefore, audits("alpha"), "l'historique de beta n'est pas celui d'alpha");
    }

    @Resource
    ManagedExecutorService pool;

    /** Beta's enabled administrators, as Keycloak has them. */
    long enabledAdmins(SignedInUser admin) throws Exception {
        return in("beta", () -> accounts.list(admin)).stream()
                .filter(a -> a.enabled() && a.roles().contains("admin-commune")).count();
    }

    @Test
    void twoAdministratorsDisablingEachOtherAtOnceLeaveTheCommuneOne() throws Exception {
        SignedInUser self = realAdmin("beta");
        String email = "duel-" + s() + "@beta.test";
        assertEquals(List.of(), in("beta", () -> accounts.invite(self, email, "Dom", "Duel", List.of("admin-commune"))));
        SignedInUser duel = admin("beta", agent("beta", email).id());
        long before = enabledAdmins(self);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> both = new java.util.ArrayList<>();
        for (SignedInUser[] pair : List.of(new SignedInUser[] {self, duel}, new SignedInUser[] {duel, self})) {
            both.add(pool.submit(() -> {
                go.await();
                try {
                    return in("beta", () -> {
                        accounts.setEnabled(pair[0], pair[1].subject(), false);
                        return "disabled";
                    });
                } catch (Refused e) {
                    return e;
                }
            }));
        }
        go.countDown();
        List<Object> outcomes = List.of(both.get(0).get(60, TimeUnit.SECONDS), both.get(1).get(60, TimeUnit.SECONDS));
        try {
            assertTrue(enabledAdmins(self) >= 1, "la commune garde un administrateur actif : " + outcomes);
            if (before == 2) { // the two of them only: the second to count finds the first's change, and is refused
                assertEquals(1, outcomes.stream().filter(Refused.class::isInstance).count(), outcomes.toString());
            }
        } finally {
            // admin@beta.test as the other tests expect it (enabled again by the other one if it was disabled), the duel's
            // administrator disabled
            if (!agent("beta", "admin@beta.test").enabled()) {
                in("beta", () -> {
                    accounts.setEnabled(duel, self.subject(), true);
                    return null;
                });
            }
            if (agent("beta", email).enabled()) {
                in("beta", () -> {
                    accounts.setEnabled(self, duel.subject(), false);
                    return null;
                });
            }
        }
    }

    @Test
    void anotherReplicaSeesTheRolesAndTheDisablingFromTheDatabase() throws Exception {
        SignedInUser self = realAdmin("beta");
        String email = "replique-" + s() + "@beta.test";
        assertEquals(List.of(), in("beta", () -> accounts.invite(self, email, "Eden", "Replique",
                List.of("agent-sante", "regisseur"))));
        String id = agent("beta", email).id();
        SignedInUser session = new SignedInUser("beta", id, "Eden Replique", email, true,
                List.of("default-roles-pf-beta", "agent", "agent-sante", "regisseur"), null);
        Commune beta = directory.bySlug("beta").orElseThrow();
        Commune alpha = directory.bySlug("alpha").orElseThrow();
        // another replica: its own bean, its own cache (none), the same database
        StaffSessions other = new StaffSessions(dataSource, 0);
        long signedIn = other.current(beta);
        long alphaBefore = other.current(alpha);
        assertTrue(other.look(beta, session, signedIn).outcome().keep(), "rien de changé depuis la connexion");

        in("beta", () -> {
            accounts.changeRoles(self, id, List.of("agent", "regisseur"));
            return null;
        });
        StaffSessions.Seen roles = other.look(beta, session, signedIn);
        assertEquals(List.of("default-roles-pf-beta", "agent", "regisseur"), roles.outcome().roles());
        assertTrue(roles.version() > signedIn);
        assertEquals(alphaBefore, other.current(alpha), "les versions d'alpha ne bougent pas pour beta");
        SignedInUser updated = new SignedInUser("beta", id, "Eden Replique", email, true, roles.outcome().roles(), null);
        assertTrue(other.look(beta, updated, roles.version()).outcome().keep(), "une fois à jour, plus rien à relire");

        in("beta", () -> {
            accounts.setEnabled(self, id, false);
            return null;
        });
        assertTrue(other.look(beta, updated, roles.version()).outcome().signOut());
        in("beta", () -> {
            accounts.setEnabled(self, id, true);
            return null;
        });
        assertTrue(other.look(beta, updated, roles.version()).outcome().signOut(),
                "désactivé puis réactivé : la session d'avant reste fermée");
        long again = other.current(beta);
        assertTrue(other.look(beta, updated, again).outcome().keep(), "une nouvelle connexion sert de nouveau");
        // a refused action changes nothing: no version bumped
        assertThrows(Refused.class, () -> in("beta", () -> {
            accounts.setEnabled(self, self.subject(), false);
            return null;
        }));
        assertEquals(again, other.current(beta));
    }

    @Test
    void theOperatorsOnboardingInvitesTheFirstAdministratorWithoutASignedInAgent() throws Exception {
        Commune gamma = directory.bySlug("gamma").orElseThrow();
        String email = "premier-admin-" + s() + "@gamma.test";
        // no commune bound, as in the operator's console at the platform's own host
        String id = TenantContext.callWithoutCommune(() -> accounts.invite(gamma, email, "Sacha", "Premier",
                Set.of("admin-commune")));
        StaffAccount first = agent("gamma", email);
        assertEquals(id, first.id());
        assertEquals(List.of("agent", "admin-commune"), first.roles());
        assertTrue(Mails.contains(email, "pf-gamma/login-actions/action-token?key="), "courriel d'invitation");
        StaffAccounts.Entry entry = in("gamma", () -> accounts.history(someAdmin("gamma"), 1)).get(0);
        assertEquals(StaffAccounts.OPERATOR, entry.actor());
        assertEquals(email, entry.targetEmail());

        Refused again = assertThrows(Refused.class, () -> TenantContext.callWithoutCommune(() -> accounts.invite(gamma,
                email, "Sacha", "Premier", Set.of())));
        assertEquals("email", again.field());
        Refused role = assertThrows(Refused.class, () -> TenantContext.callWithoutCommune(() -> accounts.invite(gamma,
                "x-" + email, "S", "P", Set.of("parent"))));
        assertEquals("roles", role.field());
        assertEquals(1, in("gamma", () -> accounts.history(someAdmin("gamma"), 50)).stream()
                .filter(e -> e.targetEmail().startsWith("premier-admin-") && e.targetEmail().equals(email)).count(),
                "les refus ne sont pas dans l'historique");
    }
}
