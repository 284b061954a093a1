package fr.portailfamille.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The pages' amounts of euros, in the view's language: {@code #{amounts.of(invoice.totalCents)}} writes
 * "1 200,60 €" on a French page, "€1,200.60" on an English one ({@link Texts#amount(long)}, which the backing beans
 * use for the amounts of their texts).
 */
@Named("amounts")
@ApplicationScoped
public class AmountsView {

    /** {@code cents} in the page's language; blank when {@code null} (no amount). */
    public String of(Long cents) {
        return cents == null ? "" : Texts.amount(cents);
    }
}
