package fr.portailfamille.configuration;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.CommuneConfiguration.PeriodKind;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a commune still has to set up before its families come, read from its configuration: a new commune starts
 * with the platform's model ({@link DefaultConfiguration}) — a school year without holidays, no school, a model CGU,
 * example tariffs, no resident postcode, régies without a régisseur — and nothing tells its agents which of those
 * are placeholders. Each {@link Step} is done or not; the staff home lists those left.
 */
public final class CommuneSetup {

    private CommuneSetup() {
    }

    /** A setting a commune reviews once, in the order its agents are asked to. */
    public enum Item {
        /** The school holidays zone (A, B or C). */
        ZONE,
        /** The school holidays of the current (or next) school year. */
        HOLIDAYS,
        /** The commune's schools and accueils. */
        ESTABLISHMENTS,
        /** The CGU, no longer the model's text. */
        CGU,
        /** The postcodes whose families are residents. */
        POSTCODES,
        /** Every régie's régisseur (printed on its invoices). */
        REGISSEUR,
        /** The commune's own tariffs, no longer the model's example prices. */
        TARIFFS
    }

    /** One item and whether the commune has done it. */
    public record Step(Item item, boolean done) {
    }

    /**
     * The steps of {@code conf}, in {@link Item} order.
     *
     * @param model the configuration the commune started from ({@link DefaultConfiguration#get(LocalDate)}): its CGU and
     *     tariffs are placeholders
     * @param today the day whose school year must have its holidays
     */
    public static List<Step> steps(CommuneConfiguration conf, CommuneConfiguration model, LocalDate today) {
        BillingConfiguration billing = conf.billing();
        BillingConfiguration modelBilling = model.billing();
        return List.of(
                new Step(Item.ZONE, conf.zone() != null && !conf.zone().isBlank()),
                new Step(Item.HOLIDAYS, holidaysSet(conf.periods(), today)),
                new Step(Item.ESTABLISHMENTS, !conf.establishments().isEmpty()),
                new Step(Item.CGU, notBlank(conf.cgu()) && !text(conf.cgu()).equals(text(model.cgu()))),
                new Step(Item.POSTCODES, billing != null && !billing.settings().residentPostcodes().isEmpty()),
                new Step(Item.REGISSEUR, billing != null && billing.regies().stream().allMatch(CommuneSetup::hasRegisseur)),
                new Step(Item.TARIFFS, billing != null && !billing.tariffs().isEmpty()
                        && (modelBilling == null || !prices(billing.tariffs()).equals(prices(modelBilling.tariffs())))));
    }

    /** Whether every step is done. */
    public static boolean complete(List<Step> steps) {
        return steps.stream().allMatch(Step::done);
    }

    /**
     * Whether the school year running {@code today} (or, between two, the next one) holds at least one holiday period;
     * not done without any school year to come.
     */
    static boolean holidaysSet(List<Period> periods, LocalDate today) {
        Optional<Period> year = periods.stream().filter(p -> p.kind() == PeriodKind.ANNEE_SCOLAIRE)
                .filter(p -> p.end() != null && !p.end().isBefore(today) && p.start() != null)
                .min(Comparator.comparing(Period::start));
        return year.isPresent() && periods.stream().filter(p -> p.kind() == PeriodKind.VACANCES)
                .anyMatch(p -> p.start() != null && p.end() != null && !p.end().isBefore(year.get().start())
                        && !p.start().isAfter(year.get().end()));
    }

    private static boolean hasRegisseur(Regie r) {
        return notBlank(r.managerName()) || notBlank(r.managerEmail()) || notBlank(r.managerPhone());
    }

    /**
     * What makes tariffs a commune's own rather than the model's: activity, unit, mode and every amount (not their
     * date, which the model moves to each school year).
     */
    private static List<List<Object>> prices(List<Tariff> tariffs) {
        return tariffs.stream().map(t -> List.<Object>of(Objects.toString(t.activity()), Objects.toString(t.unit()),
                Objects.toString(t.mode()), t.prices().stream().map(p -> p.bracket() + "=" + p.cents()).toList(),
                Objects.toString(t.maximumCents()), plain(t.effortRatePercent()), Objects.toString(t.floorCents()),
                Objects.toString(t.ceilingCents()), Objects.toString(t.unbookedPresenceCents()))).toList();
    }

    private static String plain(java.math.BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }

    /** A text as typed, whatever line ends a browser posted (a textarea's CRLF) and the blanks around it. */
    private static String text(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
