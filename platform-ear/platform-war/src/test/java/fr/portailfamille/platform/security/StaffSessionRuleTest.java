package fr.portailfamille.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An agent's session against its administrator's changes since the session's sign-in: signed out once disabled (even
 * when enabled again before its next request), given the new staff roles (the others kept), untouched otherwise.
 */
class StaffSessionRuleTest {

    static final List<String> HEALTH = List.of("default-roles-pf-alpha", "agent", "agent-sante");

    @Test
    void anAgentNeverChangedOrChangedBeforeItsSignInKeepsItsSession() {
        assertTrue(StaffSessionRule.decide(4, HEALTH, null).keep());
        assertTrue(StaffSessionRule.decide(4, HEALTH,
                new StaffSessionRule.Change(4, 2, true, Set.of("agent"))).keep(), "changé avant la connexion");
    }

    @Test
    void anAgentDisabledSinceItsSignInIsSignedOutEvenIfEnabledAgain() {
        assertTrue(StaffSessionRule.decide(4, HEALTH,
                new StaffSessionRule.Change(5, 5, false, Set.of("agent", "agent-sante"))).signOut());
        assertTrue(StaffSessionRule.decide(4, HEALTH,
                new StaffSessionRule.Change(6, 5, true, Set.of("agent", "agent-sante"))).signOut(),
                "désactivé puis réactivé avant sa requête suivante : ses sessions avaient été fermées");
        assertTrue(StaffSessionRule.decide(9, HEALTH,
                new StaffSessionRule.Change(3, 3, false, Set.of("agent"))).signOut(), "désactivé, quelle que soit la version");
        assertFalse(StaffSessionRule.decide(6, HEALTH,
                new StaffSessionRule.Change(6, 5, true, Set.of("agent", "agent-sante"))).signOut(),
                "reconnecté après sa réactivation");
    }

    @Test
    void aRoleChangeSinceTheSignInGivesTheNewStaffRolesAndKeepsTheOthers() {
        StaffSessionRule.Outcome removed = StaffSessionRule.decide(4, HEALTH,
                new StaffSessionRule.Change(7, 0, true, Set.of("agent")));
        assertFalse(removed.signOut());
        assertEquals(List.of("default-roles-pf-alpha", "agent"), removed.roles());
        StaffSessionRule.Outcome added = StaffSessionRule.decide(4, List.of("agent", "offline_access"),
                new StaffSessionRule.Change(7, 0, true, Set.of("regisseur", "agent", "admin-commune")));
        assertEquals(List.of("offline_access", "agent", "regisseur", "admin-commune"), added.roles());
        assertTrue(StaffSessionRule.decide(4, HEALTH,
                new StaffSessionRule.Change(7, 0, true, Set.of("agent-sante", "agent"))).keep(), "mêmes rôles");
        assertNull(StaffSessionRule.decide(4, HEALTH, null).roles());
    }
}
