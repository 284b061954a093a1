package fr.portailfamille.it.support;

import fr.portailfamille.devstack.DevStack;
import fr.portailfamille.identity.OperatorRealm;

/**
 * Real access tokens of the operators' realm for the tests: a TEST-only client ({@value #TEST_CLIENT}) with password
 * grants, created by the IT stack only (never by the run command nor the platform), whose tokens carry the console's
 * audience and the realm roles like the console's. The console's own client stays code-flow only.
 */
public final class OperatorTokens {

    public static final String TEST_CLIENT = "operateur-tests";

    private OperatorTokens() {
    }

    static void createTestClient(DevStack stack) {
        DirectGrantTestClient.ensure(stack.keycloakAdmin().realm(OperatorRealm.REALM), TEST_CLIENT, OperatorRealm.AUDIENCE);
    }

    /** An access token of the demo operator. */
    public static String operator() throws Exception {
        return token(DevStack.OPERATOR_EMAIL, DevStack.OPERATOR_PASSWORD);
    }

    public static String token(String email, String password) throws Exception {
        return DirectGrantTestClient.token(OperatorRealm.REALM, TEST_CLIENT, email, password);
    }
}
