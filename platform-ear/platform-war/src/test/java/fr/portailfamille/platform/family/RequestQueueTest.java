package fr.portailfamille.platform.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.portailfamille.platform.security.SignedInUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bank change as the agents' queue lists it: the IBAN masked but for régisseurs, as the file page shows it. */
class RequestQueueTest {

    static SignedInUser agent(String... roles) {
        return new SignedInUser("alpha", "a-1", "Agent Alpha", "agent@alpha.test", true, List.of(roles), null);
    }

    static final String BANK = "{\"/iban\":\"FR76 3000 6000 0112 3456 7890 189\",\"/accountHolder\":\"Alex Petit\"}";

    @Test
    void anAgentReadsTheIbanMaskedARegisseurWhole() {
        String read = RequestQueue.readable(agent("agent"), BANK);
        assertFalse(read.contains("3000 6000"), read);
        assertEquals("FR76 **** **** 0189", FormChanges.fromJsonText(read).get("/iban").toString().replace("\"", ""));
        assertEquals("\"Alex Petit\"", FormChanges.fromJsonText(read).get("/accountHolder").toString());
        assertEquals(BANK, RequestQueue.readable(agent("agent", "regisseur"), BANK));
        String address = "{\"/addressLine\":\"2 rue B\"}";
        assertEquals(address, RequestQueue.readable(agent("agent"), address));
    }
}
