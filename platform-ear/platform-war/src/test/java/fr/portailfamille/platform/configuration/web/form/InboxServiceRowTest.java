package fr.portailfamille.platform.configuration.web.form;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.messaging.InboxService;
import org.junit.jupiter.api.Test;

class InboxServiceRowTest {

    @Test
    void aServiceAsTypedHasItsCodeInLowerCaseAndNoEmptyAddress() {
        InboxServiceRow row = new InboxServiceRow();
        row.setCode(" Enfance ");
        row.setLabel(" Service enfance ");
        row.setEmail(" ");
        assertEquals(new InboxService("enfance", "Service enfance", null), row.toService());
        InboxService regie = new InboxService("regie", "Régie", "regie@mairie.test");
        assertEquals(regie, InboxServiceRow.of(regie).toService());
    }
}
