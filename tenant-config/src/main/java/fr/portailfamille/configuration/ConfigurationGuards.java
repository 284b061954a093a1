package fr.portailfamille.configuration;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.SepaCreditor;
import fr.portailfamille.documents.DocumentType;
import fr.portailfamille.documents.DocumentTypeRules;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The changes of a commune's configuration that only some agents may make, whatever screen or file brings them:
 * <ul>
 * <li>what makes a family's document health data — a health document type removed, renamed or no longer marked
 * health would show the families' certificates and PAI to every agent (the {@code agent-sante} role's);</li>
 * <li>where a régie's money goes — its PayFiP client number and its SEPA creditor (ICS, name, IBAN, BIC): the
 * régisseur's.</li>
 * </ul>
 * Each answers the problems of a change from {@code before} to {@code after}, on the fields that carry them (empty: the
 * change does not touch them).
 */
public final class ConfigurationGuards {

    private ConfigurationGuards() {
    }

    /** The health document types {@code after} removes, renames or no longer marks health. */
    public static List<FieldError> healthChanges(CommuneConfiguration before, CommuneConfiguration after) {
        if (after.documentTypes() == null) {
            return List.of(); // a file without document types leaves the commune's as they are
        }
        List<FieldError> errors = new ArrayList<>();
        List<DocumentType> now = after.documentTypes();
        for (DocumentType was : before.documentTypes() == null ? List.<DocumentType>of() : before.documentTypes()) {
            if (!was.health()) {
                continue;
            }
            int i = indexOf(now, DocumentType::code, was.code());
            if (i < 0) {
                errors.add(Problems.error("documentTypes", "configuration.guard.health.removed", was.label()));
                continue;
            }
            DocumentType is = now.get(i);
            if (!is.health()) {
                errors.add(Problems.error("documentTypes[" + i + "].health", "configuration.guard.health.changed", was.label()));
            } else if (!same(was.label(), is.label())) {
                errors.add(Problems.error("documentTypes[" + i + "].label", "configuration.guard.health.changed", was.label()));
            }
        }
        errors.addAll(healthDocumentsAsked(before, after));
        return errors;
    }

    /**
     * The activities whose documents asked at registration {@code after} rewords or drops where they named a health type
     * (« Fiche de liaison » become « Fiche de liaison (signée) »: the families' next fiches would no longer be health
     * data).
     */
    static List<FieldError> healthDocumentsAsked(CommuneConfiguration before, CommuneConfiguration after) {
        List<FieldError> errors = new ArrayList<>();
        if (before.activities() == null || after.activities() == null || before.documentTypes() == null) {
            return errors;
        }
        for (CommuneConfiguration.Activity was : before.activities()) {
            int i = indexOf(after.activities(), CommuneConfiguration.Activity::code, was.code());
            if (i < 0) {
                continue; // an activity removed: its registrations ask for nothing more
            }
            List<String> now = after.activities().get(i).documents().stream().map(d -> d.strip().toLowerCase(java.util.Locale.ROOT))
                    .toList();
            for (String asked : was.documents()) {
                boolean health = DocumentTypeRules.named(before.documentTypes(), asked).map(DocumentType::health).orElse(false);
                if (health && !now.contains(asked.strip().toLowerCase(java.util.Locale.ROOT))) {
                    errors.add(Problems.error("activities[" + i + "].documents", "configuration.guard.health.asked",
                            asked.strip(), was.name()));
                }
            }
        }
        return errors;
    }

    /**
     * The régies whose PayFiP client number, payment instructions, régisseur's e-mail or phone, way of collecting
     * (invoices or porte-monnaie), porte-monnaie's overdraft or SEPA creditor {@code after} sets, changes or clears.
     */
    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    public static List<FieldError> moneyChanges(CommuneConfiguration before, CommuneConfiguration after) {
        if (after.billing() == null) {
            return List.of(); // a file without billing leaves the commune's as it is
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Regie> was = regies(before.billing()).stream().collect(Collectors.toMap(Regie::code, r -> r, (a, b) -> a));
        List<Regie> now = regies(after.billing());
        for (int i = 0; i < now.size(); i++) {
            Regie is = now.get(i);
            Optional<Regie> old = Optional.ofNullable(was.get(is.code()));
            String at = "billing.regies[" + i + "]";
            if (old.isPresent() && !same(blankToNull(old.get().invoicePrefix()), blankToNull(is.invoicePrefix()))) {
                // its invoices' and receipts' numbering (AL-36 then ALSH-37): the régisseur's, as its accounts
                errors.add(Problems.error(at + ".invoicePrefix", "configuration.guard.moneyPrefix", is.label()));
            }
            if (!same(old.map(Regie::payfipNumcli).orElse(null), is.payfipNumcli())) {
                errors.add(Problems.error(at + ".payfipNumcli", "configuration.guard.money", is.label()));
            }
            // where and how families are told to pay (printed on every invoice still to pay), and whom to call about it
            if (!same(blankToNull(old.map(Regie::paymentInstructions).orElse(null)), blankToNull(is.paymentInstructions()))) {
                errors.add(Problems.error(at + ".paymentInstructions", "configuration.guard.money", is.label()));
            }
            if (!same(blankToNull(old.map(Regie::managerEmail).orElse(null)), blankToNull(is.managerEmail()))) {
                errors.add(Problems.error(at + ".manager.email", "configuration.guard.money", is.label()));
            }
            if (!same(blankToNull(old.map(Regie::managerPhone).orElse(null)), blankToNull(is.managerPhone()))) {
                errors.add(Problems.error(at + ".manager.phone", "configuration.guard.money", is.label()));
            }
            // invoices or a porte-monnaie, and how far a porte-monnaie may go below zero: the régisseur's too
            if (old.map(Regie::collection).orElse(Regie.Collection.INVOICE) != is.collection()) {
                errors.add(Problems.error(at + ".collection", "configuration.guard.money", is.label()));
            }
            if (old.map(Regie::walletFloorCents).orElse(0L) != is.walletFloorCents()) {
                errors.add(Problems.error(at + ".walletFloorCents", "configuration.guard.money", is.label()));
            }
            SepaCreditor a = old.map(Regie::sepa).orElse(null);
            SepaCreditor b = is.sepa();
            if (!same(a == null ? null : a.creditorId(), b == null ? null : b.creditorId())) {
                errors.add(Problems.error(at + ".sepa.creditorId", "configuration.guard.money", is.label()));
            }
            if (!same(a == null ? null : a.name(), b == null ? null : b.name())) {
                errors.add(Problems.error(at + ".sepa.name", "configuration.guard.money", is.label()));
            }
            if (!same(a == null ? null : compact(a.iban()), b == null ? null : compact(b.iban()))) {
                errors.add(Problems.error(at + ".sepa.iban", "configuration.guard.money", is.label()));
            }
            if (!same(a == null ? null : a.bic(), b == null ? null : b.bic())) {
                errors.add(Problems.error(at + ".sepa.bic", "configuration.guard.money", is.label()));
            }
            if (!same(a == null ? null : String.valueOf(a.debitDay()), b == null ? null : String.valueOf(b.debitDay()))) {
                // the day families are debited on: the régisseur's, as the rest of the creditor
                errors.add(Problems.error(at + ".sepa.debitDay", "configuration.guard.money", is.label()));
            }
        }
        errors.addAll(activitiesMoved(before, after, now));
        return errors;
    }

    /**
     * An establishment the commune had, removed while an activity still takes place there (its Lieu): refused on
     * {@code establishments}, naming the activity — the rules alone said « no establishment has the code … », on a
     * field of another screen, and the removed row did not come back. Any agent.
     */
    public static List<FieldError> establishmentsInUse(CommuneConfiguration before, CommuneConfiguration after) {
        if (after.establishments() == null || after.activities() == null || before.establishments() == null) {
            return List.of();
        }
        Set<String> kept = after.establishments().stream().map(CommuneConfiguration.Establishment::code)
                .collect(Collectors.toSet());
        Map<String, String> had = before.establishments().stream().collect(Collectors.toMap(
                CommuneConfiguration.Establishment::code, e -> e.name() == null ? e.code() : e.name(), (a, b) -> a));
        List<FieldError> errors = new ArrayList<>();
        for (CommuneConfiguration.Activity a : after.activities()) {
            if (a.establishment() != null && !kept.contains(a.establishment()) && had.containsKey(a.establishment())) {
                errors.add(Problems.error("establishments", "configuration.establishment.inUse", had.get(a.establishment()),
                        a.name()));
            }
        }
        return errors;
    }

    /**
     * A régie's SEPA creditor removed, or its ICS changed, while debits of its runs are planned (announced « prélevée le
     * … » to the families, not yet in a file): no file could be made for them any more (or it would carry another
     * creditor than their mandates'), the invoices never reminded. Refused on {@code billing.regies[i].sepa.creditorId}
     * until those files are made, whoever saves. {@code plannedDebits}: the codes of the régies
     * with planned debits.
     */
    public static List<FieldError> sepaCreditorsInUse(CommuneConfiguration before, CommuneConfiguration after,
                                                      Set<String> plannedDebits) {
        if (after.billing() == null || plannedDebits.isEmpty()) {
            return List.of();
        }
        Map<String, Regie> was = regies(before.billing()).stream().collect(Collectors.toMap(Regie::code, r -> r, (a, b) -> a));
        List<Regie> now = regies(after.billing());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            Regie is = now.get(i);
            Regie old = was.get(is.code());
            if (old == null || old.sepa() == null || !plannedDebits.contains(is.code())) {
                continue;
            }
            if (is.sepa() == null || !same(old.sepa().creditorId(), is.sepa().creditorId())) {
                errors.add(Problems.error("billing.regies[" + i + "].sepa.creditorId", "configuration.guard.sepaPlanned",
                        is.label()));
            }
        }
        return errors;
    }

    /**
     * A last day moved to before {@code today} on an activity the commune had (with another last day or none): its days
     * since were booked, perhaps invoiced, and a save undoes bookings from today only — a past day's are a closure's
     * business (Calendrier: its unbilled bookings undone, the billed ones told). An activity new to the commune may come
     * ended (another commune's file): it has no booking.
     */
    public static List<FieldError> lastDaysInThePast(CommuneConfiguration before, CommuneConfiguration after,
                                                     java.time.LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (after.activities() == null || before.activities() == null) {
            return errors;
        }
        for (int i = 0; i < after.activities().size(); i++) {
            var a = after.activities().get(i);
            var was = before.activities().stream().filter(b -> b.code().equals(a.code())).findFirst();
            if (a.lastDay() != null && a.lastDay().isBefore(today) && was.isPresent()
                    && !a.lastDay().equals(was.get().lastDay())) {
                errors.add(Problems.error("activities[" + i + "].lastDay", "configuration.activity.lastDayPast", a.name()));
            }
        }
        return errors;
    }

    /**
     * The activities {@code after} takes from the régie that billed them (still there) to another régie or to none: which
     * régie bills an activity is where its families pay (invoices or porte-monnaie, its PayFiP account, its numbering),
     * the régisseur's as the régie's own accounts. An activity billed for the first time, an activity removed, or one
     * whose régie is removed (each removal has its own checks: bookings, invoices, porte-monnaie balances), is every
     * agent's.
     */
    private static List<FieldError> activitiesMoved(CommuneConfiguration before, CommuneConfiguration after, List<Regie> now) {
        List<FieldError> errors = new ArrayList<>();
        java.util.Set<String> told = new java.util.HashSet<>();
        for (Regie old : regies(before.billing())) {
            int stays = indexOf(now, Regie::code, old.code());
            if (stays < 0) {
                continue;
            }
            for (String activity : old.activities()) {
                if (after.activities() != null && after.activities().stream().noneMatch(a -> activity.equals(a.code()))) {
                    continue; // the activity itself removed: its removal has its own checks (bookings, registrations)
                }
                int to = -1;
                for (int i = 0; i < now.size(); i++) {
                    if (now.get(i).bills(activity)) {
                        to = i;
                        break;
                    }
                }
                if (to != stays && told.add(activity)) {
                    errors.add(Problems.error("billing.regies[" + (to < 0 ? stays : to) + "].activities",
                            "configuration.guard.moneyActivity", nameOf(after, activity)));
                }
            }
        }
        return errors;
    }

    private static String nameOf(CommuneConfiguration conf, String activity) {
        return (conf.activities() == null ? List.<CommuneConfiguration.Activity>of() : conf.activities()).stream()
                .filter(a -> activity.equals(a.code())).map(CommuneConfiguration.Activity::name).findFirst().orElse(activity);
    }

    private static List<Regie> regies(BillingConfiguration billing) {
        return billing == null || billing.regies() == null ? List.of() : billing.regies();
    }

    private static <T> int indexOf(List<T> items, Function<T, String> key, String value) {
        for (int i = 0; i < items.size(); i++) {
            if (Objects.equals(key.apply(items.get(i)), value)) {
                return i;
            }
        }
        return -1;
    }

    /** Equal as typed, spaces around and letter case aside; blank is none. */
    private static boolean same(String a, String b) {
        String x = a == null ? "" : a.strip();
        String y = b == null ? "" : b.strip();
        return x.equalsIgnoreCase(y);
    }

    private static String compact(String iban) {
        return iban == null ? null : iban.replace(" ", "");
    }
}
