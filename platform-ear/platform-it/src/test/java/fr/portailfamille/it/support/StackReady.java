package fr.portailfamille.it.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds every test until the whole stack has started ({@link StackLauncher} starts Keycloak and the
 * communes while Payara Micro boots). Registered for every test class through JUnit's extension
 * auto-detection (junit-platform.properties); a before-each callback, so that Arquillian's deployment
 * (before all) is not held.
 */
public class StackReady implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        if (StackLauncher.started()) {
            StackLauncher.awaitReady();
        }
    }
}
