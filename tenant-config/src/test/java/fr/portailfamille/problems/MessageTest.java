package fr.portailfamille.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fr.portailfamille.news.NewsRules;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void aMessageIsReadInFrenchAndInEnglishWithItsArgumentsAsWrittenBefore() {
        Message m = Problems.of("news.body.tooLong", 4000, 4012);
        assertEquals("Le texte ne doit pas dépasser 4000 caractères. (il en compte 4012)", m.french());
        assertEquals("The text must not be longer than 4000 characters (it has 4012).", m.in(Locale.ENGLISH));
        assertEquals(m.french(), m.toString());
        assertEquals(m.french(), m.in(Locale.GERMAN), "a language the bundle lacks reads French");
        assertEquals(m.french(), m.in(null));
    }

    @Test
    void frenchDoesNotFallBackOnTheMachinesLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertEquals("Indiquez le titre de l'actualité.", Problems.of("news.title.required").french());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aDateOrATimeIsWrittenByItsLanguagesPattern() {
        LocalDateTime at = LocalDateTime.of(2027, 5, 10, 8, 5);
        assertEquals("10/05/2027 à 08h05", Problems.dateTime("format.dateAndTime", at).french());
        assertEquals("10/05/2027 at 08:05", Problems.dateTime("format.dateAndTime", at).in(Locale.ENGLISH));
        assertEquals("8h05", Problems.dateTime("format.time", at.toLocalTime()).french());
        Message closed = Problems.of("booking.window.closedSince", Problems.dateTime("format.window.when", at));
        assertEquals("Les demandes sont closes depuis le lundi 10 mai 2027 à 08h05.", closed.french());
        assertEquals("Requests have been closed since Monday 10 May 2027 at 08:05.", closed.in(Locale.ENGLISH));
    }

    @Test
    void anAmountIsWrittenInTheReadersLanguage() {
        // as Money.amount(cents) builds it (billing depends on this package, not the other way round)
        Message amount = Message.written(l -> "en".equals(l.getLanguage()) ? "€1,200.60" : "1\u00a0200,60\u00a0€");
        Message m = Problems.of("billing.allocation.beyondPayment", amount, Message.written(l -> l.getLanguage()));
        assertEquals("Les imputations (1\u00a0200,60\u00a0€) dépassent le montant du paiement (fr).", m.french());
        assertEquals("The allocations (€1,200.60) exceed the amount of the payment (en).", m.in(Locale.ENGLISH));
        assertEquals("Les imputations (1\u00a0200,60\u00a0€) dépassent le montant du paiement (fr).", m.in(null));
        assertEquals("Les imputations (1\u00a0200,60\u00a0€) dépassent le montant du paiement (de).", m.in(Locale.GERMAN),
                "a language the bundle lacks: its French pattern, the argument told the reader's locale");
        assertEquals("1\u00a0200,60\u00a0€", amount.french());
        assertEquals("1\u00a0200,60\u00a0€", amount.key(), "a written text's key is its French");
        assertEquals(Message.literal("1\u00a0200,60\u00a0€"), amount);
        assertEquals(Message.literal("1\u00a0200,60\u00a0€").hashCode(), amount.hashCode());
    }

    @Test
    void anArgumentThatIsAMessageIsReadInTheSameLanguage() {
        Message what = Problems.of("news.title.required");
        Message literal = Message.literal("Le {0} n'est pas un motif");
        assertEquals("Le {0} n'est pas un motif", literal.in(Locale.ENGLISH), "a literal is never a pattern");
        assertEquals(literal, Message.literal("Le {0} n'est pas un motif"));
        assertEquals(Message.literal(what.french()), what, "equal when their French texts are");
        assertNotEquals(what, Problems.of("news.body.required"));
    }

    @Test
    void aFieldErrorBuiltFromAStringEqualsOneFromTheBundleWithTheSameFrench() {
        FieldError keyed = Problems.error("title", "news.title.required");
        assertEquals(new FieldError("title", "Indiquez le titre de l'actualité."), keyed);
        assertEquals("Indiquez le titre de l'actualité.", keyed.message());
        assertEquals("Give the news a title.", keyed.text().in(Locale.ENGLISH));
        assertEquals("title : Indiquez le titre de l'actualité.", keyed.toString());
    }

    @Test
    void theNewsRulesRefuseInBothLanguages() {
        List<FieldError> errors = NewsRules.check(new NewsRules.Draft("", "x".repeat(NewsRules.BODY_MAX + 1), null, null,
                null, Set.of(), false, null), false, Instant.now());
        assertEquals(List.of("Indiquez le titre de l'actualité.", "Le texte ne doit pas dépasser 4000 caractères. (il en compte 4001)",
                "Choisissez à qui s'adresse l'actualité."), errors.stream().map(FieldError::message).toList());
        assertEquals(List.of("Give the news a title.", "The text must not be longer than 4000 characters (it has 4001).",
                "Choose who the news is for."), errors.stream().map(e -> e.text().in(Locale.ENGLISH)).toList());
    }
}
