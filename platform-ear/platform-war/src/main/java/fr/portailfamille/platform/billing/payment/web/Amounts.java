package fr.portailfamille.platform.billing.payment.web;

import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.web.Texts;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What agents type in the counter's forms: euros ("20", "20,5", "1 200,00 €") to cents, dates (2026-12-01). A refusal
 * says why in the page's language ({@link Texts}).
 */
final class Amounts {

    private Amounts() {
    }

    /**
     * Cents of a typed amount in euros, read as {@link Money#parseEuros(String, java.util.Locale)} reads it in the page's
     * language ("1 200,00 €", "1,200.00", "2,500" on an English page); {@code null} when blank.
     * @throws Refused on {@code field} when not an amount, or with more than two decimals
     */
    static Long cents(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        java.util.Optional<Long> cents = Money.parseEuros(typed, Texts.locale());
        if (cents.isPresent()) {
            return cents.get();
        }
        String plain = typed.replace("€", "").replace("\u00a0", "").replace("\u202f", "").replace(" ", "");
        throw new Refused(field, Texts.of(plain.matches("\\d+[.,]\\d{3,}") ? "agent.amounts.cents.precision"
                : "agent.amounts.cents.invalid"));
    }

    /** Euros as typed back in a field, in the page's language: {@code 1250} → {@code "12,50"}, {@code "12.50"}. */
    static String typed(long cents) {
        return Texts.typed(cents);
    }

    /** A typed date (yyyy-MM-dd, as the browser's date field sends it); {@code null} when blank. */
    static LocalDate date(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new Refused(field, Texts.of("agent.amounts.date.invalid"));
        }
    }
}
