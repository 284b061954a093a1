package fr.portailfamille.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.platform.kernel.Denied;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneStatus;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one staff check: the {@code agent} realm role, in the commune bound to the request; health for agent-sante. */
class StaffRolesTest {

    static final Commune ALPHA = new Commune(1, "alpha", "Alpha", CommuneStatus.ACTIVE, "commune_alpha", "alpha",
            null, null, "portail", "secret", List.of(), null);

    static SignedInUser user(String slug, String... roles) {
        return new SignedInUser(slug, UUID.randomUUID().toString(), "X", "x@" + slug + ".test", true, List.of(roles), null);
    }

    static <T> T inAlpha(java.util.concurrent.Callable<T> work) throws Exception {
        return TenantContext.call(ALPHA, work);
    }

    @Test
    void anAgentOfTheBoundCommuneIsServed() throws Exception {
        SignedInUser agent = user("alpha", "agent");
        assertSame(agent, inAlpha(() -> StaffRoles.requireAgent(agent)));
        assertTrue(inAlpha(() -> StaffRoles.isAgentOfThisCommune(agent)));
    }

    @Test
    void aParentNobodyOrAHealthRoleWithoutTheAgentRoleIsNotStaff() throws Exception {
        for (SignedInUser who : new SignedInUser[] {user("alpha", "parent"), null, user("alpha", "agent-sante"),
                user("alpha")}) {
            SecurityException e = assertThrows(SecurityException.class, () -> inAlpha(() -> StaffRoles.requireAgent(who)));
            assertEquals(StaffRoles.NOT_STAFF, e.getMessage());
            assertFalse(inAlpha(() -> StaffRoles.isAgentOfThisCommune(who)));
        }
    }

    @Test
    void anAgentOfAnotherCommuneIsRefused() throws Exception {
        SignedInUser beta = user("beta", "agent", "agent-sante");
        SecurityException e = assertThrows(SecurityException.class, () -> inAlpha(() -> StaffRoles.requireAgent(beta)));
        assertEquals(StaffRoles.OTHER_COMMUNE, e.getMessage());
        assertFalse(inAlpha(() -> StaffRoles.isAgentOfThisCommune(beta)));
        assertThrows(SecurityException.class, () -> inAlpha(() -> StaffRoles.requireHealthAgent(beta)));
    }

    @Test
    void healthDataIsForAgentSanteOnly() throws Exception {
        SignedInUser agent = user("alpha", "agent");
        SignedInUser sante = user("alpha", "agent", "agent-sante");
        SecurityException e = assertThrows(SecurityException.class, () -> inAlpha(() -> StaffRoles.requireHealthAgent(agent)));
        assertEquals(StaffRoles.HEALTH_ONLY, e.getMessage());
        assertSame(sante, inAlpha(() -> StaffRoles.requireHealthAgent(sante)));
        assertFalse(StaffRoles.mayReadHealth(agent));
        assertTrue(StaffRoles.mayReadHealth(sante));
        assertFalse(StaffRoles.mayReadHealth(null));
    }

    @Test
    void moneyActionsAreForRegisseursOfThisCommuneOnly() throws Exception {
        SignedInUser regisseur = user("alpha", "agent", "regisseur");
        assertSame(regisseur, inAlpha(() -> StaffRoles.requireRegisseur(regisseur)));
        SecurityException e = assertThrows(SecurityException.class,
                () -> inAlpha(() -> StaffRoles.requireRegisseur(user("alpha", "agent"))));
        assertEquals(StaffRoles.REGISSEUR_ONLY, e.getMessage());
        e = assertThrows(SecurityException.class, () -> inAlpha(() -> StaffRoles.requireRegisseur(user("alpha", "regisseur"))));
        assertEquals(StaffRoles.NOT_STAFF, e.getMessage(), "the régisseur role alone does not make an agent");
        e = assertThrows(SecurityException.class,
                () -> inAlpha(() -> StaffRoles.requireRegisseur(user("beta", "agent", "regisseur"))));
        assertEquals(StaffRoles.OTHER_COMMUNE, e.getMessage());
    }

    @Test
    void staffAccountsAreAgentsWithOrWithoutHealthData() {
        assertTrue(StaffRoles.isStaff(user("alpha", "agent")));
        assertTrue(StaffRoles.isStaff(user("alpha", "agent-sante")));
        assertFalse(StaffRoles.isStaff(user("alpha", "parent")));
        assertFalse(StaffRoles.isStaff(null));
    }

    @Test
    void withNoCommuneBoundTheCheckFailsRatherThanGuess() {
        assertThrows(IllegalStateException.class, () -> StaffRoles.requireAgent(user("alpha", "agent")));
    }

    @Test
    void onlyAnAdministratorOfTheBoundCommuneManagesItsAgents() throws Exception {
        SignedInUser admin = user("alpha", "agent", "admin-commune");
        assertSame(admin, inAlpha(() -> StaffRoles.requireAdmin(admin)));
        assertTrue(inAlpha(() -> StaffRoles.isAdminOfThisCommune(admin)));
        for (SignedInUser who : new SignedInUser[] {user("alpha", "agent"), user("alpha", "agent", "regisseur", "agent-sante"),
                user("alpha", "admin-commune"), user("beta", "agent", "admin-commune"), user("alpha", "parent"), null}) {
            SecurityException e = assertThrows(SecurityException.class, () -> inAlpha(() -> StaffRoles.requireAdmin(who)));
            assertFalse(inAlpha(() -> StaffRoles.isAdminOfThisCommune(who)));
            assertTrue(List.of(StaffRoles.ADMIN_ONLY, StaffRoles.NOT_STAFF, StaffRoles.OTHER_COMMUNE).contains(e.getMessage()),
                    e.getMessage());
        }
    }

    @Test
    void theRefusalsKeepTheirFrenchWords() {
        assertEquals("Action réservée aux agents de la commune.", StaffRoles.NOT_STAFF);
        assertEquals("Ce compte appartient à une autre commune : action refusée.", StaffRoles.OTHER_COMMUNE);
        assertEquals("Action réservée aux régisseurs (rôle régisseur) : les autres agents consultent.", StaffRoles.REGISSEUR_ONLY);
        assertEquals("Action réservée aux administrateurs de la commune (rôle admin-commune).", StaffRoles.ADMIN_ONLY);
        assertEquals("Données de santé : réservées aux agents habilités (rôle agent-santé).", StaffRoles.HEALTH_ONLY);
    }

    @Test
    void aRefusalIsReadInThePagesLanguageAndStaysASecurityException() throws Exception {
        Denied parent = assertThrows(Denied.class, () -> inAlpha(() -> StaffRoles.requireAgent(user("alpha", "parent"))));
        assertEquals(StaffRoles.NOT_STAFF, parent.text().french());
        assertEquals("For the commune's agents only.", parent.text().in(Locale.ENGLISH));
        Denied beta = assertThrows(Denied.class, () -> inAlpha(() -> StaffRoles.requireAgent(user("beta", "agent"))));
        assertEquals(StaffRoles.OTHER_COMMUNE, beta.text().french());
        assertEquals("This account belongs to another commune: action refused.", beta.text().in(Locale.ENGLISH));
        Denied health = assertThrows(Denied.class, () -> inAlpha(() -> StaffRoles.requireHealthAgent(user("alpha", "agent"))));
        assertEquals(StaffRoles.HEALTH_ONLY, health.text().french());
        assertEquals("Health data: for authorised agents only (agent-santé role).", health.text().in(Locale.ENGLISH));
        assertEquals(StaffRoles.HEALTH_ONLY, StaffRoles.healthOnly().getMessage());
        Denied money = assertThrows(Denied.class, () -> inAlpha(() -> StaffRoles.requireRegisseur(user("alpha", "agent"))));
        assertEquals(StaffRoles.REGISSEUR_ONLY, money.text().french());
        assertEquals("For régisseurs only (régisseur role): other agents can only view.", money.text().in(Locale.ENGLISH));
        Denied admin = assertThrows(Denied.class, () -> inAlpha(() -> StaffRoles.requireAdmin(user("alpha", "agent"))));
        assertEquals(StaffRoles.ADMIN_ONLY, admin.text().french());
        assertEquals("For the commune's administrators only (admin-commune role).", admin.text().in(Locale.ENGLISH));
        for (SecurityException e : List.<SecurityException>of(parent, beta, health, money, admin)) {
            // still a SecurityException (servlets, filters and the APIs answer it as before), French for the API and logs
            assertEquals(((Denied) e).text().french(), e.getMessage());
        }
    }
}
