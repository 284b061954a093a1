package fr.portailfamille.configuration;

import fr.portailfamille.billing.Adjustment;
import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.QfBracket;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.SepaCreditor;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.billing.Tariff.BracketPrice;
import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.configuration.CommuneConfiguration.Unit;
import fr.portailfamille.problems.FieldError;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.iban4j.BicUtil;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

/**
 * Rules of the billing section ({@code billing.…} paths), part of {@link ConfigurationRules}: QF
 * brackets contiguous from 0 with only the last open-ended, régies with a valid and unique invoice
 * prefix billing known activities (each activity by one régie at most), tariffs of known activities and
 * units with what their mode needs, prices in cents between 0 and {@link #MAX_CENTS}, percentages
 * within the database columns (V8).
 */
final class BillingRules {

    /** Highest price or amount in a tariff: 100 000,00 €. */
    static final long MAX_CENTS = 10_000_000;

    private static final Pattern CODE = Pattern.compile("^[A-Z0-9_-]+$");
    private static final Pattern NUMCLI = Pattern.compile("^[0-9]{6}$");
    /** The largest overdraft a commune may allow on a porte-monnaie: 100,00 €. */
    static final long WALLET_OVERDRAFT_MAX = 10_000;
    private static final Pattern PREFIX = Pattern.compile("^[A-Z][A-Z0-9]{0,7}$");
    private static final Pattern POSTCODE = Pattern.compile("^[0-9]{5}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private BillingRules() {
    }

    static void validate(List<FieldError> errors, BillingConfiguration billing, List<Activity> activities) {
        Integer validity = billing.settings().qfValidityMonths();
        if (validity != null && (validity < 1 || validity > 120)) {
            errors.add(new FieldError("billing.qfValidityMonths",
                    "La validité du justificatif de QF doit être comprise entre 1 et 120 mois."));
        }
        Set<String> postcodes = new HashSet<>();
        List<String> codes = billing.settings().residentPostcodes();
        for (int i = 0; i < codes.size(); i++) {
            String at = "billing.residentPostcodes[" + i + "]";
            String p = codes.get(i);
            if (p == null || !POSTCODE.matcher(p).matches()) {
                errors.add(new FieldError(at, "Code postal invalide : « " + p + " » (5 chiffres attendus)."));
            } else if (!postcodes.add(p)) {
                errors.add(new FieldError(at, "Le code postal " + p + " est indiqué deux fois."));
            }
        }
        reminders(errors, billing.settings().reminderDays());
        Set<String> brackets = brackets(errors, billing);
        Map<String, Activity> byCode = new HashMap<>();
        activities.forEach(a -> byCode.putIfAbsent(a.code(), a));
        regies(errors, billing.regies(), byCode.keySet());
        tariffs(errors, billing.tariffs(), byCode, brackets);
    }

    /** Highest number of reminder levels, and highest delay (a year). */
    static final int MAX_REMINDERS = 5;
    static final int MAX_REMINDER_DAYS = 365;

    /** The reminders' delays: 1 to 365 days after the due date, strictly increasing, 5 levels at most. */
    private static void reminders(List<FieldError> errors, List<Integer> days) {
        if (days.size() > MAX_REMINDERS) {
            errors.add(new FieldError("billing.reminderDays", "Au plus " + MAX_REMINDERS + " relances (" + days.size()
                    + " indiquées)."));
        }
        for (int i = 0; i < days.size(); i++) {
            String at = "billing.reminderDays[" + i + "]";
            Integer d = days.get(i);
            if (d == null || d < 1 || d > MAX_REMINDER_DAYS) {
                errors.add(new FieldError(at, "Le délai de la relance " + (i + 1) + " doit être un nombre de jours après"
                        + " l'échéance entre 1 et " + MAX_REMINDER_DAYS + " (indiqué : " + d + ")."));
            } else if (i > 0 && days.get(i - 1) != null && d <= days.get(i - 1)) {
                errors.add(new FieldError(at, "La relance " + (i + 1) + " (" + d + " jours) doit venir après la relance " + i
                        + " (" + days.get(i - 1) + " jours)."));
            }
        }
    }

    /** Checks the brackets (file order, then by lower bound); gives their codes. */
    private static Set<String> brackets(List<FieldError> errors, BillingConfiguration billing) {
        List<QfBracket> list = billing.settings().brackets();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            QfBracket b = list.get(i);
            String at = "billing.brackets[" + i + "]";
            code(errors, at + ".code", b.code(), 20, codes, "une autre tranche");
            text(errors, at + ".label", b.label(), "Le libellé", 60);
            if (b.min() == null) {
                errors.add(new FieldError(at + ".min", "Le QF minimum de la tranche est obligatoire."));
            } else if (b.min() < 0) {
                errors.add(new FieldError(at + ".min", "Le QF minimum ne peut pas être négatif."));
            }
            if (b.max() != null && b.min() != null && b.max() < b.min()) {
                errors.add(new FieldError(at + ".max", "Le QF maximum ne peut pas être inférieur au QF minimum."));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).min() != null) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparing(i -> list.get(i).min()));
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            QfBracket b = list.get(i);
            String at = "billing.brackets[" + i + "]";
            if (k == 0 && b.min() != 0) {
                errors.add(new FieldError(at + ".min", "La première tranche doit commencer au QF 0 (elle commence à "
                        + b.min() + ")."));
            }
            if (k > 0) {
                QfBracket previous = list.get(order.get(k - 1));
                if (previous.max() == null || previous.max() >= b.min()) {
                    errors.add(new FieldError(at + ".min", "La tranche " + b.code() + " chevauche la tranche "
                            + previous.code() + " (" + previous.range() + ")."));
                } else if (previous.max() + 1 < b.min()) {
                    errors.add(new FieldError(at + ".min", "Trou entre les tranches " + previous.code() + " et " + b.code()
                            + " : les QF de " + (previous.max() + 1) + " à " + (b.min() - 1) + " n'ont pas de tranche."));
                }
            }
            if (k == order.size() - 1 && b.max() != null) {
                errors.add(new FieldError(at + ".max", "La dernière tranche ne doit pas avoir de maximum (QF à partir de "
                        + b.min() + "), pour que tout QF ait une tranche."));
            }
        }
        return codes;
    }

    private static void regies(List<FieldError> errors, List<Regie> regies, Set<String> activities) {
        Set<String> codes = new HashSet<>();
        Map<String, String> prefixes = new HashMap<>();
        Map<String, String> billedBy = new HashMap<>();
        for (int i = 0; i < regies.size(); i++) {
            Regie r = regies.get(i);
            String at = "billing.regies[" + i + "]";
            code(errors, at + ".code", r.code(), 20, codes, "une autre régie");
            text(errors, at + ".label", r.label(), "Le libellé", 120);
            if (required(errors, at + ".invoicePrefix", r.invoicePrefix(), "Le préfixe des factures")) {
                if (!PREFIX.matcher(r.invoicePrefix()).matches()) {
                    errors.add(new FieldError(at + ".invoicePrefix", "Le préfixe « " + r.invoicePrefix()
                            + " » doit faire de 1 à 8 caractères : une lettre majuscule sans accent, puis des lettres"
                            + " majuscules ou des chiffres (ex. AL)."));
                } else if (prefixes.putIfAbsent(r.invoicePrefix(), String.valueOf(r.code())) != null) {
                    errors.add(new FieldError(at + ".invoicePrefix", "Le préfixe « " + r.invoicePrefix()
                            + " » est déjà celui de la régie " + prefixes.get(r.invoicePrefix()) + "."));
                }
            }
            optional(errors, at + ".manager.name", r.managerName(), "Le nom du régisseur", 120);
            if (optional(errors, at + ".manager.email", r.managerEmail(), "L'adresse e-mail du régisseur", 254)
                    && !EMAIL.matcher(r.managerEmail()).matches()) {
                errors.add(new FieldError(at + ".manager.email", "Adresse e-mail invalide : « " + r.managerEmail() + " »."));
            }
            optional(errors, at + ".manager.phone", r.managerPhone(), "Le téléphone du régisseur", 20);
            optional(errors, at + ".paymentInstructions", r.paymentInstructions(), "Les modalités de paiement", 2000);
            collection(errors, at, r);
            for (int j = 0; j < r.activities().size(); j++) {
                String activity = r.activities().get(j);
                String here = at + ".activities[" + j + "]";
                if (!activities.contains(activity)) {
                    errors.add(new FieldError(here, "Aucune activité n'a le code « " + activity + " »."));
                } else if (billedBy.containsKey(activity)) {
                    errors.add(new FieldError(here, "L'activité " + activity + " est déjà facturée par la régie "
                            + billedBy.get(activity) + " : une activité n'est facturée que par une régie."));
                } else {
                    billedBy.put(activity, String.valueOf(r.code()));
                }
            }
        }
    }

    /** A régie's PayFiP client number, porte-monnaie floor and SEPA creditor settings. */
    private static void collection(List<FieldError> errors, String at, Regie r) {
        if (r.payfipNumcli() != null && !NUMCLI.matcher(r.payfipNumcli()).matches()) {
            errors.add(new FieldError(at + ".payfipNumcli", "Le numéro client PayFiP « " + r.payfipNumcli()
                    + " » doit faire 6 chiffres (il figure sur la convention d'adhésion à PayFiP)."));
        }
        if (r.walletFloorCents() > 0 || r.walletFloorCents() < -WALLET_OVERDRAFT_MAX) {
            errors.add(new FieldError(at + ".walletFloorCents", "Le découvert autorisé sur le porte-monnaie doit être compris"
                    + " entre " + Money.format(0) + " et " + Money.format(WALLET_OVERDRAFT_MAX) + "."));
        }
        SepaCreditor sepa = r.sepa();
        if (sepa == null) {
            return;
        }
        String here = at + ".sepa";
        if (required(errors, here + ".creditorId", sepa.creditorId(), "L'identifiant créancier SEPA (ICS)")
                && !SepaCreditor.isCreditorId(sepa.creditorId())) {
            errors.add(new FieldError(here + ".creditorId", "L'identifiant créancier SEPA « " + sepa.creditorId()
                    + " » n'est pas valide (ex. FR72ZZZ123456, sans espace, clé de contrôle comprise)."));
        }
        text(errors, here + ".name", sepa.name(), "Le nom du créancier", 70);
        if (required(errors, here + ".iban", sepa.iban(), "L'IBAN du compte de la régie")) {
            try {
                IbanUtil.validate(sepa.iban());
            } catch (Iban4jException e) {
                errors.add(new FieldError(here + ".iban", "L'IBAN « " + sepa.iban()
                        + " » n'est pas valide (vérifiez les caractères et la clé ; sans espace)."));
            }
        }
        if (required(errors, here + ".bic", sepa.bic(), "Le BIC de la banque de la régie")) {
            try {
                BicUtil.validate(sepa.bic());
            } catch (Iban4jException e) {
                errors.add(new FieldError(here + ".bic", "Le BIC « " + sepa.bic()
                        + " » n'est pas valide (8 ou 11 caractères, ex. TRPUFRP1)."));
            }
        }
        if (sepa.debitDay() < 1 || sepa.debitDay() > 28) {
            errors.add(new FieldError(here + ".debitDay", "Le jour de prélèvement doit être compris entre 1 et 28."));
        }
    }

    private static void tariffs(List<FieldError> errors, List<Tariff> tariffs, Map<String, Activity> activities,
                                Set<String> brackets) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tariffs.size(); i++) {
            Tariff t = tariffs.get(i);
            String at = "billing.tariffs[" + i + "]";
            Activity activity = null;
            if (required(errors, at + ".activity", t.activity(), "L'activité du tarif")) {
                activity = activities.get(t.activity());
                if (activity == null) {
                    errors.add(new FieldError(at + ".activity", "Aucune activité n'a le code « " + t.activity() + " »."));
                }
            }
            if (activity != null && t.unit() != null && activity.units().stream().map(Unit::code).noneMatch(t.unit()::equals)) {
                errors.add(new FieldError(at + ".unit", "L'activité " + activity.code() + " n'a pas d'unité « " + t.unit() + " »."));
            }
            if (required(errors, at + ".validFrom", t.validFrom(), "La date d'entrée en vigueur")
                    && activity != null && !keys.add(t.activity() + "/" + t.unit() + "/" + t.validFrom())) {
                errors.add(new FieldError(at + ".validFrom", "Un autre tarif de " + t.activity()
                        + (t.unit() == null ? "" : " (" + t.unit() + ")") + " entre déjà en vigueur le "
                        + DAY.format(t.validFrom()) + "."));
            }
            if (required(errors, at + ".mode", t.mode(), "Le mode de calcul (BRACKETS ou EFFORT_RATE)")) {
                if (t.mode() == Tariff.Mode.BRACKETS) {
                    bracketPrices(errors, at, t, brackets);
                } else {
                    effortRate(errors, at, t);
                }
            }
            adjustment(errors, at + ".nonResident", t.nonResident(), true);
            percent(errors, at + ".siblings.secondPercent", t.siblingSecondPercent(), "La réduction du 2e enfant", 2, 100);
            percent(errors, at + ".siblings.thirdPercent", t.siblingThirdPercent(), "La réduction du 3e enfant", 2, 100);
            adjustment(errors, at + ".late", t.lateSurcharge(), false);
            cents(errors, at + ".unbookedPresenceCents", t.unbookedPresenceCents(), "Le prix d'une présence sans réservation");
        }
    }

    private static void bracketPrices(List<FieldError> errors, String at, Tariff t, Set<String> brackets) {
        if (brackets.isEmpty()) {
            errors.add(new FieldError(at + ".mode", "Aucune tranche de quotient familial n'est définie"
                    + " (billing.brackets) : un tarif par tranches en a besoin."));
        }
        if (required(errors, at + ".maximumCents", t.maximumCents(), "Le tarif maximum")) {
            cents(errors, at + ".maximumCents", t.maximumCents(), "Le tarif maximum");
        }
        Set<String> priced = new HashSet<>();
        for (BracketPrice p : t.prices()) {
            String here = at + ".pricesCents." + p.bracket();
            priced.add(p.bracket());
            if (!brackets.contains(p.bracket())) {
                errors.add(new FieldError(here, "Tranche inconnue : « " + p.bracket() + " »."));
            }
            if (required(errors, here, p.cents(), "Le prix de la tranche " + p.bracket())) {
                cents(errors, here, p.cents(), "Le prix de la tranche " + p.bracket());
            }
        }
        brackets.stream().filter(b -> !priced.contains(b)).sorted().forEach(b -> errors.add(
                new FieldError(at + ".pricesCents", "Le prix de la tranche " + b + " manque.")));
        if (t.effortRatePercent() != null || t.floorCents() != null || t.ceilingCents() != null) {
            errors.add(new FieldError(at + ".effortRate", "Un taux d'effort ne s'indique qu'en mode EFFORT_RATE."));
        }
    }

    private static void effortRate(List<FieldError> errors, String at, Tariff t) {
        String here = at + ".effortRate";
        if (required(errors, here + ".percent", t.effortRatePercent(), "Le taux d'effort")) {
            BigDecimal rate = t.effortRatePercent();
            if (rate.signum() <= 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0 || rate.scale() > 6) {
                errors.add(new FieldError(here + ".percent", "Le taux d'effort doit être compris entre 0 et 100 %"
                        + " (6 décimales au plus), par ex. 0.06."));
            }
        }
        boolean floor = required(errors, here + ".floorCents", t.floorCents(), "Le prix plancher")
                && cents(errors, here + ".floorCents", t.floorCents(), "Le prix plancher");
        boolean ceiling = required(errors, here + ".ceilingCents", t.ceilingCents(), "Le prix plafond")
                && cents(errors, here + ".ceilingCents", t.ceilingCents(), "Le prix plafond");
        if (floor && ceiling && t.floorCents() > t.ceilingCents()) {
            errors.add(new FieldError(here + ".ceilingCents", "Le prix plafond ne peut pas être inférieur au prix plancher."));
        }
        if (!t.prices().isEmpty() || t.maximumCents() != null) {
            errors.add(new FieldError(at + ".pricesCents", "Un tarif au taux d'effort n'a pas de prix par tranche ni de"
                    + " tarif maximum (c'est le prix plafond)."));
        }
    }

    private static void adjustment(List<FieldError> errors, String at, Adjustment a, boolean priceAllowed) {
        if (a == null || !required(errors, at + ".kind", a.kind(),
                priceAllowed ? "Le type (PERCENT, FIXED ou PRICE)" : "Le type (PERCENT ou FIXED)")) {
            return;
        }
        switch (a.kind()) {
            case PERCENT -> {
                if (required(errors, at + ".percent", a.percent(), "Le pourcentage")) {
                    percent(errors, at + ".percent", a.percent(), "Le pourcentage", 3, 1000);
                }
            }
            case FIXED, PRICE -> {
                if (a.kind() == Adjustment.Kind.PRICE && !priceAllowed) {
                    errors.add(new FieldError(at + ".kind", "Une majoration hors délai est un pourcentage (PERCENT) ou"
                            + " un montant fixe (FIXED)."));
                } else if (required(errors, at + ".cents", a.cents(), "Le montant")) {
                    cents(errors, at + ".cents", a.cents(), "Le montant");
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Whether {@code cents} is within 0 and {@link #MAX_CENTS}; {@code null} passes. */
    private static boolean cents(List<FieldError> errors, String at, Long cents, String what) {
        if (cents == null) {
            return true;
        }
        if (cents < 0) {
            errors.add(new FieldError(at, what + " ne peut pas être négatif."));
            return false;
        }
        if (cents > MAX_CENTS) {
            errors.add(new FieldError(at, what + " ne doit pas dépasser " + Money.format(MAX_CENTS) + " (montants en centimes)."));
            return false;
        }
        return true;
    }

    private static void percent(List<FieldError> errors, String at, BigDecimal p, String what, int scale, int max) {
        if (p != null && (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(max)) > 0 || p.scale() > scale)) {
            errors.add(new FieldError(at, what + " doit être entre 0 et " + max + " % (" + scale
                    + " décimales au plus)."));
        }
    }

    private static void code(List<FieldError> errors, String at, String code, int max, Set<String> seen, String other) {
        if (required(errors, at, code, "Le code")) {
            if (code.length() > max || !CODE.matcher(code).matches()) {
                errors.add(new FieldError(at, "Le code « " + code + " » doit faire de 1 à " + max
                        + " caractères : lettres majuscules sans accent, chiffres, « _ » ou « - »."));
            } else if (!seen.add(code)) {
                errors.add(new FieldError(at, "Le code « " + code + " » est déjà utilisé par " + other + "."));
            }
        }
    }

    private static void text(List<FieldError> errors, String at, String value, String what, int max) {
        if (required(errors, at, value, what) && value.length() > max) {
            errors.add(new FieldError(at, what + " ne doit pas dépasser " + max + " caractères."));
        }
    }

    /** Whether an optional text is present; records an error when it is too long. */
    private static boolean optional(List<FieldError> errors, String at, String value, String what, int max) {
        if (value == null) {
            return false;
        }
        if (value.length() > max) {
            errors.add(new FieldError(at, what + " ne doit pas dépasser " + max + " caractères."));
            return false;
        }
        return true;
    }

    private static boolean required(List<FieldError> errors, String at, Object value, String what) {
        if (value == null || value instanceof String s && s.isBlank()) {
            errors.add(new FieldError(at, what + " est obligatoire."));
            return false;
        }
        return true;
    }
}
