package fr.portailfamille.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.SepaCreditor;
import fr.portailfamille.messaging.InboxService;
import fr.portailfamille.problems.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A neighbour's file brings its activities and tariffs, never its accounts, contacts nor mailboxes. */
class ConfigurationImportsTest {

    static final CommuneConfiguration OURS = Samples.billed().withServices(List.of(
            new InboxService("enfance", "Service enfance", "enfance@limoges.test")));

    /** The neighbour's file: the same régie codes with its own accounts, a new régie, its services' mailboxes. */
    static CommuneConfiguration neighbours() {
        Regie alsh = OURS.billing().regies().get(0);
        Regie theirs = new Regie(alsh.code(), "Régie ALSH de Panazol", "PZ", "Paul Voisin", "regie@panazol.test", "05 55 99 99 99",
                List.of("ALSH"), "Chèque à l'ordre de la régie de Panazol.", "999999", Regie.Collection.WALLET, -1000,
                new SepaCreditor("FR99ZZZ999999", "Ville de Panazol", "FR7612345000019876543210158", "CCBPFRPP", 5));
        Regie fresh = new Regie("CANTINE", "Régie restauration", "RS", "Paul Voisin", "regie@panazol.test", null,
                List.of("PERI"), "Virement au Trésor de Panazol", "888888", Regie.Collection.INVOICE, 0,
                new SepaCreditor("FR99ZZZ999999", "Ville de Panazol", "FR7612345000019876543210158", "CCBPFRPP", 5));
        return OURS.withBilling(new fr.portailfamille.billing.BillingConfiguration(OURS.billing().settings(),
                List.of(theirs, fresh), OURS.billing().tariffs())).withServices(List.of(
                new InboxService("enfance", "Enfance et jeunesse", "enfance@panazol.test"),
                new InboxService("regie", "Régie", "regie@panazol.test")));
    }

    @Test
    void aRegieWeHaveKeepsItsAccountsContactsAndNumberingTakesTheFilesActivities() {
        Regie kept = ConfigurationImports.keepOwnAccounts(OURS, neighbours()).billing().regies().get(0);
        Regie ours = OURS.billing().regies().get(0);
        assertEquals("Régie ALSH de Panazol", kept.label());
        assertEquals(List.of("ALSH"), kept.activities(), "what it bills: the file's");
        assertEquals(ours.invoicePrefix(), kept.invoicePrefix());
        assertEquals(ours.payfipNumcli(), kept.payfipNumcli());
        assertEquals(ours.sepa(), kept.sepa());
        assertEquals(ours.collection(), kept.collection());
        assertEquals(ours.walletFloorCents(), kept.walletFloorCents());
        assertEquals(List.of(ours.managerName(), ours.managerEmail(), ours.managerPhone(), ours.paymentInstructions()),
                List.of(kept.managerName(), kept.managerEmail(), kept.managerPhone(), kept.paymentInstructions()));
        // none of the régie's accounts is changed; the activity the file no longer bills there is the régisseur's to move
        // (where its families pay), as on the Régies screen
        assertEquals(List.of("billing.regies[0].activities"), ConfigurationGuards.moneyChanges(OURS,
                ConfigurationImports.keepOwnAccounts(OURS, neighbours().withBilling(new fr.portailfamille.billing
                        .BillingConfiguration(OURS.billing().settings(), List.of(neighbours().billing().regies().get(0)),
                        OURS.billing().tariffs())))).stream().map(FieldError::field).toList());
    }

    @Test
    void theCommunesResidentPostcodesAreItsOwnWhateverTheFileSays() {
        fr.portailfamille.billing.BillingSettings ours = OURS.billing().settings();
        CommuneConfiguration file = neighbours().withBilling(new fr.portailfamille.billing.BillingConfiguration(
                new fr.portailfamille.billing.BillingSettings(ours.qfValidityMonths(), List.of("87350"), ours.brackets(),
                        List.of(10, 40), 3), neighbours().billing().regies(), OURS.billing().tariffs()));
        fr.portailfamille.billing.BillingSettings kept = ConfigurationImports.keepOwnAccounts(OURS, file).billing().settings();
        assertEquals(ours.residentPostcodes(), kept.residentPostcodes(), "not the neighbour's: every family non-resident");
        assertEquals(List.of(10, 40), kept.reminderDays(), "the file's rules otherwise");
        assertEquals(3, kept.lateCertificateDays());
        assertEquals(List.of(), ConfigurationImports.keepOwnAccounts(Samples.full().withBilling(null), file).billing().settings()
                .residentPostcodes(), "a commune that listed none has none yet: every family resident until it does");
    }

    @Test
    void aNewRegieAndAServiceComeWithoutTheNeighboursAccountsNorMailboxes() {
        CommuneConfiguration imported = ConfigurationImports.keepOwnAccounts(OURS, neighbours());
        Regie fresh = imported.billing().regies().get(1);
        assertEquals("CANTINE", fresh.code());
        assertEquals(List.of("PERI"), fresh.activities());
        assertNull(fresh.payfipNumcli());
        assertNull(fresh.sepa());
        assertNull(fresh.managerEmail());
        assertNull(fresh.paymentInstructions());
        assertEquals(Regie.Collection.INVOICE, fresh.collection());
        assertEquals(List.of("enfance@limoges.test", "-"), imported.services().stream()
                .map(s -> s.email() == null ? "-" : s.email()).toList());
        assertEquals("Enfance et jeunesse", imported.services().get(0).label());
        // a file without billing nor services leaves them as they are
        CommuneConfiguration bare = OURS.withBilling(null).withServices(null);
        assertNull(ConfigurationImports.keepOwnAccounts(OURS, bare).billing());
        assertNull(ConfigurationImports.keepOwnAccounts(OURS, bare).services());
    }
}
