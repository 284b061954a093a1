package fr.portailfamille.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The commune named in parameters must agree with the host in every value, not only the first. */
class CommuneParametersTest {

    @Test
    void everyValueMustNameTheCommuneOfTheHost() {
        assertTrue(TenantFilter.parametersAgree("alpha", Map.of()));
        assertTrue(TenantFilter.parametersAgree("alpha", Map.of("commune", new String[] {"alpha"}, "q", new String[] {"x"})));
        assertTrue(TenantFilter.parametersAgree("alpha", Map.of("commune", new String[] {"alpha", "alpha"})));
        assertFalse(TenantFilter.parametersAgree("alpha", Map.of("commune", new String[] {"alpha", "beta"})));
        assertFalse(TenantFilter.parametersAgree("alpha", Map.of("tenant", new String[] {"alpha", ""})));
        assertFalse(TenantFilter.parametersAgree("alpha", Map.of("slug", new String[] {"beta"})));
    }
}
