package fr.portailfamille.platform.billing.web;

import fr.portailfamille.billing.FamilyFacts;
import fr.portailfamille.platform.billing.FamilyPricing;
import fr.portailfamille.platform.billing.TariffSheet;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.problems.Message;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * "Consulter les tarifs" (espace/tarifs): each activity the family may book with its tariff in force
 * today, the QF grid with the family's bracket marked in words, the price the family pays, and — when
 * the maximum tariff applies — why, with a link to update the QF in the family file. One read
 * ({@link FamilyPricing#tarifs}). The sheets' texts (basis, maximum's reason, rules, effort rate, grid's rows) are
 * read in the page's language ({@link #text(Message)}).
 */
@Named
@RequestScoped
public class TarifsView {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    FamilyPricing pricing;

    @Inject
    UserView user;

    private FamilyPricing.Tarifs tarifs;

    public void load() {
        tarifs = pricing.tarifs(user.require());
    }

    public List<TariffSheet> getSheets() { return tarifs.sheets(); }
    public List<String> getWithoutTariff() { return tarifs.withoutTariff(); }

    /** Whether the maximum tariff applies to one of the family's tariffs (QF missing, proof expired…). */
    public boolean isMaximum() {
        return tarifs.sheets().stream().anyMatch(TariffSheet::isMaximum);
    }

    /** Why the maximum tariff applies in the page's language, e.g. "quotient familial absent", "family quotient not provided". */
    public String getMaximumReason() {
        return tarifs.sheets().stream().filter(TariffSheet::isMaximum).map(s -> text(s.getMaximumReason())).findFirst().orElse("");
    }

    /**
     * Whether the maximum shown comes from an effort-rate tariff with the monthly resources not declared: the family is
     * told to give its resources, not its quotient, which that tariff does not use.
     */
    public boolean isResourcesMissing() {
        return isEffortRateMaximum() && tarifs.facts().monthlyResourcesCents() == null;
    }

    /**
     * Whether the maximum shown comes from an effort-rate tariff whose resources are declared but whose proof no longer
     * counts (undated, or older than the commune's validity): the family is told to renew its attestation.
     */
    public boolean isResourcesProofToRenew() {
        return isEffortRateMaximum() && tarifs.facts().monthlyResourcesCents() != null;
    }

    private boolean isEffortRateMaximum() {
        return tarifs.sheets().stream().filter(TariffSheet::isMaximum).findFirst().map(TariffSheet::effortRate).orElse(false);
    }

    /** The family's QF in words: "Quotient familial : 620 (justificatif du 01/06/2026)", or that it is unknown. */
    public String getQf() {
        FamilyFacts f = tarifs.facts();
        if (f.qf() == null) {
            return Texts.of("tarifs.qf.unknown");
        }
        return f.qfProofDate() == null ? Texts.of("tarifs.qf.undated", String.valueOf(f.qf()))
                : Texts.of("tarifs.qf.dated", String.valueOf(f.qf()), DAY.format(f.qfProofDate()));
    }

    /** A sheet's text (its basis, a note, the effort rate, a row's label or range) in the page's language; blank when {@code null}. */
    public String text(Message text) {
        return text == null ? "" : Texts.of(text);
    }

    public boolean isResident() {
        return tarifs.facts().resident();
    }

    public String day(java.time.LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    /** Whether {@code sheet} is a tariff that applies from a later day (« à partir du … »). */
    public boolean upcoming(fr.portailfamille.platform.billing.TariffSheet sheet) {
        return sheet.validFrom().isAfter(fr.portailfamille.platform.kernel.PlatformTime.today());
    }
}
