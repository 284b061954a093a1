package fr.portailfamille.identity;

import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The upgrade step's care of the communes' realms: each realm of a commune that was provisioned (active or
 * suspended) is brought up to today's template ({@link KeycloakRealmProvisioner#harden}: its roles, the service
 * account's roles, required actions, protocol mappers, no password grant), so that a realm made by an older
 * release gets what a new one has. One realm failing does not stop the others; each outcome is logged.
 */
public final class RealmMaintenance {

    private static final Logger LOG = Logger.getLogger(RealmMaintenance.class.getName());

    /** What the step did to one realm: the clients it changed, or why it could not. */
    public record Outcome(String realm, List<String> changed, String error) {

        public boolean failed() {
            return error != null;
        }
    }

    private RealmMaintenance() {
    }

    /** Brings the realms of {@code communes} up to the template, one after the other. */
    public static List<Outcome> maintain(List<Commune> communes, KeycloakRealmProvisioner realms) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Commune c : communes) {
            if (c.status() == CommuneStatus.PROVISIONING) {
                continue; // its provisioning (or its import) makes it from the template
            }
            try {
                List<String> changed = realms.harden(c.realmName());
                outcomes.add(new Outcome(c.realmName(), changed, null));
                if (!changed.isEmpty()) {
                    LOG.info(() -> "Royaume " + c.realmName() + " mis à niveau : " + String.join(", ", changed));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Royaume " + c.realmName() + " : mise à niveau impossible", e);
                outcomes.add(new Outcome(c.realmName(), List.of(), String.valueOf(e.getMessage())));
            }
        }
        return outcomes;
    }
}
