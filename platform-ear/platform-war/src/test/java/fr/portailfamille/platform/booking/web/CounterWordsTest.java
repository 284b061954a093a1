package fr.portailfamille.platform.booking.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import fr.portailfamille.billing.wallet.WalletRules;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.problems.Message;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** At the counter the agent reads the family's refusals in its own words; other reasons are left as they are. */
class CounterWordsTest {

    @Test
    void aPorteMonnaieTooLowSaysWhatTheTownHallCanDoNotWhatTheFamilyShould() {
        Message family = WalletRules.refusal("Régie cantine", 100, 350, 0);
        assertEquals("porte-monnaie « Régie cantine » de la famille insuffisant : la journée coûte 3,50 €, le solde est de"
                + " 1,00 € ; un régisseur peut l'alimenter au guichet (Porte-monnaie, depuis le dossier)",
                CounterWords.of(family).french().replace('\u00a0', ' ').replace('\u202f', ' '));
        // an overdraft's floor too, and in English
        Message overdraft = WalletRules.refusal("Régie cantine", -500, 350, -600);
        assertEquals("the family's porte-monnaie “Régie cantine” is too low: the day costs €3.50, the balance is -€5.00;"
                + " a régisseur may top it up at the counter (Porte-monnaie, from the file)",
                CounterWords.of(overdraft).in(Locale.ENGLISH).replace('\u00a0', ' ').replace('\u202f', ' '));
    }

    @Test
    void aPorteMonnaieNotActivatedOrWithoutTariffSaysWhatTheTownHallDoes() {
        assertEquals("porte-monnaie « Régie cantine » de la famille pas encore activé : un régisseur l'active en l'alimentant"
                + " au guichet (Porte-monnaie, depuis le dossier), ou la famille depuis sa page Porte-monnaie",
                CounterWords.of(WalletRules.notActivated("Régie cantine")).french());
        String noTariff = CounterWords.of(Refused.text("billing.wallet.noTariff", "Cantine", "12/01/2027")).french();
        assertEquals("aucun tarif de « Cantine » n'est en vigueur le 12/01/2027 : la journée ne peut pas être payée par le"
                + " porte-monnaie ; le tarif se saisit dans la configuration (Tarifs)", noTariff);
    }

    @Test
    void daysGivenByAWindowSayHowTheyAreGivenAndOtherReasonsAreUnchanged() {
        Message window = Refused.text("booking.window.byRequest.closed", "06/07/2026", "28/08/2026");
        assertEquals("les places du 06/07/2026 au 28/08/2026 sont attribuées sur demande par la fenêtre de demandes, pas au"
                + " premier arrivé", CounterWords.of(window).french());
        Message closed = Refused.text("booking.alreadyCancelled");
        assertSame(closed, CounterWords.of(closed));
    }
}
