package fr.portailfamille.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommuneDirectoryTest {

    static Commune commune(String slug, CommuneStatus status) {
        return new Commune(1, slug, slug, status, "commune_" + slug, "pf-" + slug, "https://" + slug + ".fr",
                null, "portail", "secret", List.of(), "47");
    }

    @Test
    void thePurgeOwedToFamiliesRunsInSuspendedCommunesTooNotInOneBeingMade() {
        List<Commune> all = List.of(commune("alpha", CommuneStatus.ACTIVE), commune("beta", CommuneStatus.SUSPENDED),
                commune("gamma", CommuneStatus.PROVISIONING));
        assertEquals(List.of("alpha", "beta"), CommuneDirectory.withData(all).stream().map(Commune::slug).toList());
    }
}
