package fr.portailfamille.platform.ops;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Whether the application finished starting: the start-up step ({@code PlatformStartup}) marks it once the
 * schemas are upgraded (or the upgrade was left to the upgrade Job), and {@link StartupCheck} reports it at
 * {@code /health/started}.
 */
@ApplicationScoped
public class StartupState {

    private volatile String summary;

    /** Called once, at the end of the start-up step, with what it did. */
    public void finished(String what) {
        summary = what;
    }

    /** What the start-up step did, once it is over. */
    public Optional<String> summary() {
        return Optional.ofNullable(summary);
    }
}
