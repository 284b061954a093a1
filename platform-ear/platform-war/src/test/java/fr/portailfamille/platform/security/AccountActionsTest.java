package fr.portailfamille.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.platform.security.AccountActions.Action;
import fr.portailfamille.platform.security.AccountActions.Result;
import fr.portailfamille.platform.security.AccountActions.Status;
import org.junit.jupiter.api.Test;

/** What Keycloak's kc_action_status says of an application-initiated action. */
class AccountActionsTest {

    @Test
    void keycloaksStatusBecomesTheResultShownOnMonProfil() {
        assertEquals(new Result(Action.UPDATE_PASSWORD, Status.SUCCESS), AccountActions.result("UPDATE_PASSWORD", "success"));
        assertEquals(new Result(Action.UPDATE_EMAIL, Status.CANCELLED), AccountActions.result("UPDATE_EMAIL", "cancelled"));
        assertEquals(Status.ERROR, AccountActions.result("UPDATE_PASSWORD", "error").status());
        assertEquals(Status.ERROR, AccountActions.result("UPDATE_PASSWORD", null).status(), "sans statut : pas de succès annoncé");
        assertEquals(Status.ERROR, AccountActions.result("UPDATE_PASSWORD", "<script>").status());
        assertThrows(IllegalArgumentException.class, () -> AccountActions.result("DELETE_ACCOUNT", "success"));
    }
}
