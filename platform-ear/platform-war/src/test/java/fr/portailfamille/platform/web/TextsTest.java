package fr.portailfamille.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.platform.kernel.Denied;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.payment.PaymentProviderException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Why an action failed, as a page shows it: the text of a refusal, of a denial (a {@link SecurityException}) and of
 * the payment provider's failure in the page's language; any other exception's message as it is. Outside a Faces
 * request the page's language is French.
 */
class TextsTest {

    @Test
    void anExplainedFailureIsReadInThePagesLanguage() {
        Refused refused = new Refused(Refused.text("family.request.alreadyDecided"));
        Denied denied = new Denied(Refused.text("payment.invoice.notYours"));
        PaymentProviderException provider = new PaymentProviderException(PaymentProviderException.UNAVAILABLE,
                Refused.text("payment.provider.unavailable"), null);
        assertEquals("This request has already been dealt with.", Texts.text(refused).in(Locale.ENGLISH));
        assertEquals("This invoice is not in your file.", Texts.text(denied).in(Locale.ENGLISH));
        assertEquals("PayFiP is not answering at the moment; try again in a few minutes.",
                Texts.text(provider).in(Locale.ENGLISH));
        for (RuntimeException e : new RuntimeException[] {refused, denied, provider}) {
            assertEquals(e.getMessage(), Texts.of(e), "French outside a page");
        }
    }

    @Test
    void anotherFailureIsShownAsItIsWritten() {
        IllegalStateException e = new IllegalStateException("Aucun utilisateur connecté");
        assertEquals("Aucun utilisateur connecté", Texts.text(e).in(Locale.ENGLISH));
        assertEquals("Aucun utilisateur connecté", Texts.of(e));
        assertEquals("", Texts.of(new IllegalStateException()), "no message, nothing written");
    }

    @Test
    void aStoredCodeIsReadInWordsWhateverItsCaseAndItselfWhenUnknown() {
        org.junit.jupiter.api.Assertions.assertEquals("Madame", Texts.word("family.civility.", "MME"));
        org.junit.jupiter.api.Assertions.assertEquals("Madame", Texts.word("family.civility.", "Mme"));
        org.junit.jupiter.api.Assertions.assertEquals("Monsieur", Texts.word("family.civility.", "M"));
        org.junit.jupiter.api.Assertions.assertEquals("Dr", Texts.word("family.civility.", "Dr"));
        org.junit.jupiter.api.Assertions.assertEquals("", Texts.word("family.civility.", null));
    }
}
