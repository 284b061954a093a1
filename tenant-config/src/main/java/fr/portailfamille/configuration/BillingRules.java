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
import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
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
            errors.add(Problems.error("billing.qfValidityMonths", "configuration.billing.qfValidity"));
        }
        Integer certificate = billing.settings().certificateDays();
        if (certificate != null && (certificate < 1 || certificate > 60)) {
            errors.add(Problems.error("billing.certificateDays", "configuration.billing.certificateDays"));
        }
        Set<String> postcodes = new HashSet<>();
        List<String> codes = billing.settings().residentPostcodes();
        for (int i = 0; i < codes.size(); i++) {
            String at = "billing.residentPostcodes[" + i + "]";
            String p = codes.get(i);
            if (p == null || !POSTCODE.matcher(p).matches()) {
                errors.add(Problems.error(at, "configuration.billing.postcode.invalid", p));
            } else if (!postcodes.add(p)) {
                errors.add(Problems.error(at, "configuration.billing.postcode.twice", p));
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
            errors.add(Problems.error("billing.reminderDays", "configuration.billing.reminders.tooMany", MAX_REMINDERS,
                    days.size()));
        }
        for (int i = 0; i < days.size(); i++) {
            String at = "billing.reminderDays[" + i + "]";
            Integer d = days.get(i);
            if (d == null || d < 1 || d > MAX_REMINDER_DAYS) {
                errors.add(Problems.error(at, "configuration.billing.reminder.delay", i + 1, MAX_REMINDER_DAYS, d));
            } else if (i > 0 && days.get(i - 1) != null && d <= days.get(i - 1)) {
                errors.add(Problems.error(at, "configuration.billing.reminder.order", i + 1, d, i, days.get(i - 1)));
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
            code(errors, at + ".code", b.code(), 20, codes, Problems.of("configuration.other.bracket"));
            text(errors, at + ".label", b.label(), Problems.of("configuration.what.label"), 60);
            if (b.min() == null) {
                errors.add(Problems.error(at + ".min", "configuration.billing.bracket.minRequired"));
            } else if (b.min() < 0) {
                errors.add(Problems.error(at + ".min", "configuration.billing.bracket.minNegative"));
            }
            if (b.max() != null && b.min() != null && b.max() < b.min()) {
                errors.add(Problems.error(at + ".max", "configuration.billing.bracket.maxBelowMin"));
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
                errors.add(Problems.error(at + ".min", "configuration.billing.bracket.firstFromZero", b.min()));
            }
            if (k > 0) {
                QfBracket previous = list.get(order.get(k - 1));
                if (previous.max() == null || previous.max() >= b.min()) {
                    errors.add(Problems.error(at + ".min", "configuration.billing.bracket.overlap", b.code(),
                            previous.code(), range(previous)));
                } else if (previous.max() + 1 < b.min()) {
                    errors.add(Problems.error(at + ".min", "configuration.billing.bracket.gap", previous.code(), b.code(),
                            previous.max() + 1, b.min() - 1));
                }
            }
            if (k == order.size() - 1 && b.max() != null) {
                errors.add(Problems.error(at + ".max", "configuration.billing.bracket.lastOpen", b.min()));
            }
        }
        return codes;
    }

    /** {@link QfBracket#range()} in any language: "QF de 0 à 450", "QF à partir de 451". */
    private static Message range(QfBracket b) {
        return b.max() == null ? Problems.of("configuration.billing.bracket.range.open", b.min())
                : Problems.of("configuration.billing.bracket.range", b.min(), b.max());
    }

    private static void regies(List<FieldError> errors, List<Regie> regies, Set<String> activities) {
        Set<String> codes = new HashSet<>();
        Map<String, String> prefixes = new HashMap<>();
        Map<String, String> billedBy = new HashMap<>();
        for (int i = 0; i < regies.size(); i++) {
            Regie r = regies.get(i);
            String at = "billing.regies[" + i + "]";
            code(errors, at + ".code", r.code(), 20, codes, Problems.of("configuration.other.regie"));
            text(errors, at + ".label", r.label(), Problems.of("configuration.what.label"), 120);
            if (required(errors, at + ".invoicePrefix", r.invoicePrefix(), Problems.of("configuration.what.invoicePrefix"))) {
                if (!PREFIX.matcher(r.invoicePrefix()).matches()) {
                    errors.add(Problems.error(at + ".invoicePrefix", "configuration.billing.prefix.format", r.invoicePrefix()));
                } else if (prefixes.putIfAbsent(r.invoicePrefix(), String.valueOf(r.code())) != null) {
                    errors.add(Problems.error(at + ".invoicePrefix", "configuration.billing.prefix.taken", r.invoicePrefix(),
                            prefixes.get(r.invoicePrefix())));
                }
            }
            optional(errors, at + ".manager.name", r.managerName(), Problems.of("configuration.what.managerName"), 120);
            if (optional(errors, at + ".manager.email", r.managerEmail(), Problems.of("configuration.what.managerEmail"), 254)
                    && !EMAIL.matcher(r.managerEmail()).matches()) {
                errors.add(Problems.error(at + ".manager.email", "configuration.billing.email.invalid", r.managerEmail()));
            }
            optional(errors, at + ".manager.phone", r.managerPhone(), Problems.of("configuration.what.managerPhone"), 20);
            optional(errors, at + ".paymentInstructions", r.paymentInstructions(),
                    Problems.of("configuration.what.paymentInstructions"), 2000);
            collection(errors, at, r);
            for (int j = 0; j < r.activities().size(); j++) {
                String activity = r.activities().get(j);
                String here = at + ".activities[" + j + "]";
                if (!activities.contains(activity)) {
                    errors.add(Problems.error(here, "configuration.activity.unknown", activity));
                } else if (billedBy.containsKey(activity)) {
                    errors.add(Problems.error(here, "configuration.billing.activity.billedTwice", activity,
                            billedBy.get(activity)));
                } else {
                    billedBy.put(activity, String.valueOf(r.code()));
                }
            }
        }
    }

    /** A régie's PayFiP client number, porte-monnaie floor and SEPA creditor settings. */
    private static void collection(List<FieldError> errors, String at, Regie r) {
        if (r.payfipNumcli() != null && !NUMCLI.matcher(r.payfipNumcli()).matches()) {
            errors.add(Problems.error(at + ".payfipNumcli", "configuration.billing.payfip.invalid", r.payfipNumcli()));
        }
        if (r.walletFloorCents() > 0 || r.walletFloorCents() < -WALLET_OVERDRAFT_MAX) {
            errors.add(Problems.error(at + ".walletFloorCents", "configuration.billing.walletFloor", Money.amount(0),
                    Money.amount(WALLET_OVERDRAFT_MAX)));
        }
        SepaCreditor sepa = r.sepa();
        if (sepa == null) {
            return;
        }
        String here = at + ".sepa";
        if (required(errors, here + ".creditorId", sepa.creditorId(), Problems.of("configuration.what.creditorId"))
                && !SepaCreditor.isCreditorId(sepa.creditorId())) {
            errors.add(Problems.error(here + ".creditorId", "configuration.billing.sepa.creditorId", sepa.creditorId()));
        }
        text(errors, here + ".name", sepa.name(), Problems.of("configuration.what.creditorName"), 70);
        if (required(errors, here + ".iban", sepa.iban(), Problems.of("configuration.what.iban"))) {
            try {
                IbanUtil.validate(sepa.iban());
            } catch (Iban4jException e) {
                errors.add(Problems.error(here + ".iban", "configuration.billing.sepa.iban", sepa.iban()));
            }
        }
        if (required(errors, here + ".bic", sepa.bic(), Problems.of("configuration.what.bic"))) {
            try {
                BicUtil.validate(sepa.bic());
            } catch (Iban4jException e) {
                errors.add(Problems.error(here + ".bic", "configuration.billing.sepa.bic", sepa.bic()));
            }
        }
        if (sepa.debitDay() < 1 || sepa.debitDay() > 28) {
            errors.add(Problems.error(here + ".debitDay", "configuration.billing.sepa.debitDay"));
        }
    }

    private static void tariffs(List<FieldError> errors, List<Tariff> tariffs, Map<String, Activity> activities,
                                Set<String> brackets) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tariffs.size(); i++) {
            Tariff t = tariffs.get(i);
            String at = "billing.tariffs[" + i + "]";
            Activity activity = null;
            if (required(errors, at + ".activity", t.activity(), Problems.of("configuration.what.tariffActivity"))) {
                activity = activities.get(t.activity());
                if (activity == null) {
                    errors.add(Problems.error(at + ".activity", "configuration.activity.unknown", t.activity()));
                }
            }
            if (activity != null && t.unit() != null && activity.units().stream().map(Unit::code).noneMatch(t.unit()::equals)) {
                errors.add(Problems.error(at + ".unit", "configuration.billing.tariff.noUnit", activity.code(), t.unit()));
            }
            if (required(errors, at + ".validFrom", t.validFrom(), Problems.of("configuration.what.validFrom"))
                    && activity != null && !keys.add(t.activity() + "/" + t.unit() + "/" + t.validFrom())) {
                errors.add(t.unit() == null
                        ? Problems.error(at + ".validFrom", "configuration.billing.tariff.sameDate", t.activity(),
                                DAY.format(t.validFrom()))
                        : Problems.error(at + ".validFrom", "configuration.billing.tariff.sameDate.unit", t.activity(),
                                t.unit(), DAY.format(t.validFrom())));
            }
            if (required(errors, at + ".mode", t.mode(), Problems.of("configuration.what.mode"))) {
                if (t.mode() == Tariff.Mode.BRACKETS) {
                    bracketPrices(errors, at, t, brackets);
                } else {
                    effortRate(errors, at, t);
                }
            }
            adjustment(errors, at + ".nonResident", t.nonResident(), true);
            percent(errors, at + ".siblings.secondPercent", t.siblingSecondPercent(),
                    Problems.of("configuration.what.secondChild"), 2, 100);
            percent(errors, at + ".siblings.thirdPercent", t.siblingThirdPercent(),
                    Problems.of("configuration.what.thirdChild"), 2, 100);
            adjustment(errors, at + ".late", t.lateSurcharge(), false);
            cents(errors, at + ".unbookedPresenceCents", t.unbookedPresenceCents(),
                    Problems.of("configuration.what.unbookedPresence"));
        }
    }

    private static void bracketPrices(List<FieldError> errors, String at, Tariff t, Set<String> brackets) {
        if (brackets.isEmpty()) {
            errors.add(Problems.error(at + ".mode", "configuration.billing.tariff.noBrackets"));
        }
        Message maximum = Problems.of("configuration.what.maximum");
        if (required(errors, at + ".maximumCents", t.maximumCents(), maximum)) {
            cents(errors, at + ".maximumCents", t.maximumCents(), maximum);
        }
        Set<String> priced = new HashSet<>();
        for (BracketPrice p : t.prices()) {
            String here = at + ".pricesCents." + p.bracket();
            priced.add(p.bracket());
            if (!brackets.contains(p.bracket())) {
                errors.add(Problems.error(here, "configuration.billing.bracket.unknown", p.bracket()));
            }
            Message price = Problems.of("configuration.what.bracketPrice", p.bracket());
            if (required(errors, here, p.cents(), price)) {
                cents(errors, here, p.cents(), price);
            }
        }
        brackets.stream().filter(b -> !priced.contains(b)).sorted().forEach(b -> errors.add(
                Problems.error(at + ".pricesCents", "configuration.billing.bracketPrice.missing", b)));
        // the maximum is what a family without a known quotient pays: never less than a bracket (else withholding the
        // quotient would pay)
        if (t.maximumCents() != null && t.maximumCents() >= 0) {
            t.prices().stream().filter(p -> p.cents() != null && p.cents() > t.maximumCents())
                    .max(java.util.Comparator.comparing(BracketPrice::cents))
                    .ifPresent(p -> errors.add(Problems.error(at + ".maximumCents", "configuration.billing.maximumBelowBracket",
                            fr.portailfamille.billing.Money.amount(t.maximumCents()), fr.portailfamille.billing.Money.amount(p.cents()),
                            p.bracket())));
        }
        if (t.effortRatePercent() != null || t.floorCents() != null || t.ceilingCents() != null) {
            errors.add(Problems.error(at + ".effortRate", "configuration.billing.effortRate.onlyInMode"));
        }
    }

    private static void effortRate(List<FieldError> errors, String at, Tariff t) {
        String here = at + ".effortRate";
        if (required(errors, here + ".percent", t.effortRatePercent(), Problems.of("configuration.what.effortRate"))) {
            BigDecimal rate = t.effortRatePercent();
            if (rate.signum() <= 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0 || rate.scale() > 6) {
                errors.add(Problems.error(here + ".percent", "configuration.billing.effortRate.range"));
            }
        }
        Message floorPrice = Problems.of("configuration.what.floor");
        Message ceilingPrice = Problems.of("configuration.what.ceiling");
        boolean floor = required(errors, here + ".floorCents", t.floorCents(), floorPrice)
                && cents(errors, here + ".floorCents", t.floorCents(), floorPrice);
        boolean ceiling = required(errors, here + ".ceilingCents", t.ceilingCents(), ceilingPrice)
                && cents(errors, here + ".ceilingCents", t.ceilingCents(), ceilingPrice);
        if (floor && ceiling && t.floorCents() > t.ceilingCents()) {
            errors.add(Problems.error(here + ".ceilingCents", "configuration.billing.effortRate.ceilingBelowFloor"));
        }
        if (!t.prices().isEmpty() || t.maximumCents() != null) {
            errors.add(Problems.error(at + ".pricesCents", "configuration.billing.effortRate.noPrices"));
        }
    }

    private static void adjustment(List<FieldError> errors, String at, Adjustment a, boolean priceAllowed) {
        if (a == null || !required(errors, at + ".kind", a.kind(), Problems.of(priceAllowed
                ? "configuration.what.kindWithPrice" : "configuration.what.kind"))) {
            return;
        }
        switch (a.kind()) {
            case PERCENT -> {
                Message percentage = Problems.of("configuration.what.percentage");
                if (required(errors, at + ".percent", a.percent(), percentage)) {
                    percent(errors, at + ".percent", a.percent(), percentage, 3, 1000);
                }
            }
            case FIXED, PRICE -> {
                Message amount = Problems.of("configuration.what.amount");
                if (a.kind() == Adjustment.Kind.PRICE && !priceAllowed) {
                    errors.add(Problems.error(at + ".kind", "configuration.billing.late.kind"));
                } else if (required(errors, at + ".cents", a.cents(), amount)) {
                    cents(errors, at + ".cents", a.cents(), amount);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Whether {@code cents} is within 0 and {@link #MAX_CENTS}; {@code null} passes. */
    private static boolean cents(List<FieldError> errors, String at, Long cents, Message what) {
        if (cents == null) {
            return true;
        }
        if (cents < 0) {
            errors.add(Problems.error(at, "configuration.billing.cents.negative", what));
            return false;
        }
        if (cents > MAX_CENTS) {
            errors.add(Problems.error(at, "configuration.billing.cents.tooHigh", what, Money.amount(MAX_CENTS)));
            return false;
        }
        return true;
    }

    private static void percent(List<FieldError> errors, String at, BigDecimal p, Message what, int scale, int max) {
        if (p != null && (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(max)) > 0 || p.scale() > scale)) {
            errors.add(Problems.error(at, "configuration.billing.percent.range", what, max, scale));
        }
    }

    private static void code(List<FieldError> errors, String at, String code, int max, Set<String> seen, Message other) {
        if (required(errors, at, code, Problems.of("configuration.what.code"))) {
            if (code.length() > max || !CODE.matcher(code).matches()) {
                errors.add(Problems.error(at, "configuration.code.format", code, max));
            } else if (!seen.add(code)) {
                errors.add(Problems.error(at, "configuration.code.taken", code, other));
            }
        }
    }

    private static void text(List<FieldError> errors, String at, String value, Message what, int max) {
        if (required(errors, at, value, what) && value.length() > max) {
            errors.add(Problems.error(at, "configuration.tooLong", what, max));
        }
    }

    /** Whether an optional text is present; records an error when it is too long. */
    private static boolean optional(List<FieldError> errors, String at, String value, Message what, int max) {
        if (value == null) {
            return false;
        }
        if (value.length() > max) {
            errors.add(Problems.error(at, "configuration.tooLong", what, max));
            return false;
        }
        return true;
    }

    private static boolean required(List<FieldError> errors, String at, Object value, Message what) {
        if (value == null || value instanceof String s && s.isBlank()) {
            errors.add(Problems.error(at, "configuration.required", what));
            return false;
        }
        return true;
    }
}
