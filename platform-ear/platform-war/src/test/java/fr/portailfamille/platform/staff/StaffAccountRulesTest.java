package fr.portailfamille.platform.staff;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.problems.FieldError;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of the agents' accounts: the grantable roles, the invitation's fields, oneself and the last administrator. */
class StaffAccountRulesTest {

    /** What an administrator reads when the commune would be left without an enabled administrator. */
    private static final String LAST_ADMIN = "La commune doit garder au moins un administrateur actif : nommez-en un autre"
            + " avant de retirer ce rôle ou de désactiver ce compte.";

    static StaffAccount agent(boolean enabled, String... roles) {
        return new StaffAccount("11111111-2222-3333-4444-555555555555", "a@mairie.fr", "A", "B", List.of(roles), enabled,
                false);
    }

    @Test
    void onlyTheFourStaffRolesAreGrantedAndAgentAlways() {
        assertEquals(List.of("agent"), List.copyOf(StaffAccountRules.roles(List.of())));
        assertEquals(List.of("agent"), List.copyOf(StaffAccountRules.roles(null)));
        assertEquals(List.of("agent", "regisseur", "admin-commune"),
                List.copyOf(StaffAccountRules.roles(List.of("regisseur", "admin-commune"))));
        assertEquals(List.of("agent", "agent-sante"), List.copyOf(StaffAccountRules.roles(List.of("agent-sante", "agent"))));
        for (String forbidden : List.of("parent", "manage-users", "realm-admin", "default-roles-pf-alpha", "Agent", "",
                "admin-commune ")) {
            Refused e = assertThrows(Refused.class, () -> StaffAccountRules.roles(List.of("agent", forbidden)), forbidden);
            assertEquals("roles", e.field());
            assertEquals(true, e.getMessage().startsWith("Rôle non attribuable"), e.getMessage());
        }
    }

    @Test
    void theInvitationNeedsAnAddressAndNamesWithinTheirLimits() {
        assertEquals(List.of(), StaffAccountRules.invitation("claude.martin@mairie.fr", "Claude", "Martin"));
        assertEquals(List.of("email", "firstName", "lastName"), StaffAccountRules.invitation(" ", null, "")
                .stream().map(FieldError::field).toList());
        assertEquals(List.of("email"), StaffAccountRules.invitation("claude.martin", "C", "M").stream()
                .map(FieldError::field).toList());
        // what Keycloak refuses is said beside the address (it failed as « le service des comptes ne répond pas »)
        for (String typo : List.of("claude,martin@mairie.fr", "claude..martin@mairie.fr")) {
            assertEquals(List.of("email"), StaffAccountRules.invitation(typo, "C", "M").stream()
                    .map(FieldError::field).toList(), typo);
        }
        List<FieldError> long_ = StaffAccountRules.invitation("c@mairie.fr", "p".repeat(101), "n".repeat(100));
        assertEquals(List.of(new FieldError("firstName", "Ce texte est trop long : 100 caractères au plus.")), long_);
        assertEquals("email", StaffAccountRules.invitation("x".repeat(250) + "@a.fr", "C", "M").get(0).field());
    }

    @Test
    void nobodyDemotesThemselfAndTheLastEnabledAdministratorStays() {
        StaffAccount admin = agent(true, "agent", "admin-commune");
        Set<String> demoted = Set.of("agent");
        Refused self = assertThrows(Refused.class, () -> StaffAccountRules.checkRoles(true, admin, demoted, 3));
        assertEquals("Vous ne pouvez pas retirer votre propre rôle d'administrateur : demandez-le à un autre administrateur.",
                self.getMessage());
        assertEquals("roles", self.field());
        Refused last = assertThrows(Refused.class, () -> StaffAccountRules.checkRoles(false, admin, demoted, 1));
        assertEquals(LAST_ADMIN, last.getMessage());
        assertDoesNotThrow(() -> StaffAccountRules.checkRoles(false, admin, demoted, 2), "another administrator remains");
        assertDoesNotThrow(() -> StaffAccountRules.checkRoles(true, admin, Set.of("agent", "admin-commune", "regisseur"), 1),
                "adding a role to oneself");
        // a disabled administrator is not counted: demoting it never leaves the commune without one
        assertDoesNotThrow(() -> StaffAccountRules.checkRoles(false, agent(false, "agent", "admin-commune"), demoted, 1));
        assertDoesNotThrow(() -> StaffAccountRules.checkRoles(false, agent(true, "agent"), Set.of("agent", "regisseur"), 1));
    }

    @Test
    void nobodyDisablesThemselfNorTheLastEnabledAdministrator() {
        assertEquals("Vous ne pouvez pas désactiver votre propre compte.", assertThrows(Refused.class,
                () -> StaffAccountRules.checkDisable(true, agent(true, "agent", "admin-commune"), 5)).getMessage());
        assertEquals(LAST_ADMIN, assertThrows(Refused.class,
                () -> StaffAccountRules.checkDisable(false, agent(true, "agent", "admin-commune"), 1)).getMessage());
        assertDoesNotThrow(() -> StaffAccountRules.checkDisable(false, agent(true, "agent", "admin-commune"), 2));
        assertDoesNotThrow(() -> StaffAccountRules.checkDisable(false, agent(true, "agent", "regisseur"), 1));
    }

    @Test
    void anEnglishPageReadsTheRefusalsInEnglish() {
        Refused role = assertThrows(Refused.class, () -> StaffAccountRules.roles(List.of("parent")));
        assertEquals("Rôle non attribuable : « parent ». Rôles possibles : agent, agent-sante, regisseur, admin-commune.",
                role.getMessage());
        assertEquals("Role that cannot be granted: “parent”. Possible roles: agent, agent-sante, regisseur, admin-commune.",
                role.text().in(Locale.ENGLISH));
        FieldError tooLong = StaffAccountRules.invitation("c@mairie.fr", "p".repeat(101), "Martin").get(0);
        assertEquals("This text is too long: 100 characters at most.", tooLong.text().in(Locale.ENGLISH));
        assertEquals("Ce texte est trop long : 254 caractères au plus.",
                StaffAccountRules.invitation("x".repeat(250) + "@a.fr", "C", "M").get(0).message());
        assertEquals(List.of("L'adresse de courriel de l'agent est obligatoire.", "Le prénom de l'agent est obligatoire.",
                "Le nom de l'agent est obligatoire."), StaffAccountRules.invitation(" ", null, "").stream()
                .map(FieldError::message).toList());
        assertEquals("Adresse de courriel invalide, par exemple prenom.nom@mairie.fr.",
                StaffAccountRules.invitation("claude.martin", "C", "M").get(0).message());
        Refused self = assertThrows(Refused.class, () -> StaffAccountRules.checkDisable(true, agent(true, "agent"), 5));
        assertEquals("You cannot disable your own account.", self.text().in(Locale.ENGLISH));
        assertEquals("Agent introuvable dans cette commune.", Refused.text("staff.notFound").french());
        assertEquals("Le service des comptes ne répond pas : rien n'a été modifié. Réessayez dans quelques instants.",
                Refused.text("staff.unavailable").french());
        assertEquals("Cette adresse est déjà celle d'un agent de la commune : modifiez ses rôles dans la liste.",
                Refused.text("staff.email.alreadyAgent").french());
        assertEquals("Cette adresse est déjà celle d'un compte famille de la commune : invitez l'agent avec son adresse"
                + " professionnelle.", Refused.text("staff.email.alreadyFamily").french());
    }
}
