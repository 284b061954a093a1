package fr.portailfamille.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.platform.kernel.Denied;
import fr.portailfamille.platform.kernel.Refused;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Why an action failed, as a page shows it: the text of a refusal and of a denial (a {@link SecurityException}) in the
 * page's language; any other exception's message as it is. Outside a Faces request the page's language is French.
 */
class TextsTest {

    @Test
    void anExplainedFailureIsReadInThePagesLanguage() {
        Refused refused = new Refused(Refused.text("decision.reasonRequired"));
        Denied denied = new Denied(Refused.text("billing.pricing.notYourChild"));
        assertEquals("Give the reason for the refusal: it is sent to the family.", Texts.text(refused).in(Locale.ENGLISH));
        assertEquals("This child is not part of your family file.", Texts.text(denied).in(Locale.ENGLISH));
        for (RuntimeException e : new RuntimeException[] {refused, denied}) {
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
}
