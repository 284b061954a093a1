package fr.portailfamille.billing;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The attestation fiscale of a calendar year: what a family PAID in the year for the care (garde) of
 * each child under 6 on 1 January of that year, per régie, as the income-tax credit for childcare
 * outside the home asks (frais de garde des jeunes enfants).
 *
 * <p>What counts: each payment allocation of the year (a payment received in the year, not cancelled,
 * allocated to an invoice) is split over that invoice's lines pro rata of what they still bill (their amounts less
 * the days a credit note took back from them), in exact cents:
 * every line but the last gets its share rounded down, the last line gets what is left, so that the
 * shares add up to the allocation exactly — never more than a line has left to pay after the allocations before it (of
 * any year): what a family paid beyond what an invoice now bills (a credit note after the payment) is not care paid.
 * Only the shares of lines that are care of an eligible child
 * are kept. An overpayment kept as account credit counts when and where the credit pays an invoice
 * ({@link CreditUses}: the year of that use), and so does what a credit note gave back of an invoice already paid when
 * it pays another; credit notes are not payments and count for nothing else; nor do payments in CESU (the
 * employer's prefinanced aid, exempt already: the tax rules deduct it from the family's expense), which still pay the
 * care lines first (CESU pays childcare only), then the others ({@link #cesuShares}). Days a porte-monnaie
 * paid count when debited (less what it gave back in the year, and less what was put on it in CESU that year), as
 * an allocation to the lines of their children and activities ({@link #wallet}).
 *
 * <p>Which lines are care: decided from the activity's type ({@code activity.type}).
 * {@code PERISCOLAIRE} (garderie), {@code MERCREDI} and {@code ALSH_VACANCES} (accueils de loisirs) are
 * care; {@code RESTAURATION} is excluded because meals are not care (the tax rules exclude food costs),
 * and so are {@code SEJOUR} (holidays with accommodation) and {@code SPORT} (an activity, not care). A
 * line without a child (a credit note's line) or of an unknown type is excluded.
 */
public final class ChildcareTaxCertificate {

    /** Activity types whose days are childcare for the tax certificate. */
    public static final List<String> CARE_TYPES = List.of("PERISCOLAIRE", "MERCREDI", "ALSH_VACANCES");

    private ChildcareTaxCertificate() {
    }

    /** A child of the family. */
    public record Child(long id, String name, LocalDate birthDate) {

        public Child {
            Objects.requireNonNull(birthDate, "birthDate");
        }
    }

    /** One line of an invoice: its child ({@code null}: none), its activity's type, its amount. */
    public record InvoiceLine(Long childId, String activityType, long amountCents) {

        public InvoiceLine {
            if (amountCents < 0) {
                throw new IllegalArgumentException("negative line: " + amountCents);
            }
        }
    }

    /**
     * A payment allocated to an invoice: the day the payment was received, its régie, the amount
     * allocated, the invoice ({@code null}: days a porte-monnaie paid, no invoice), all its lines in their order, and
     * whether it is certified ({@code false}: a payment in CESU, which pays its share of the lines but is left out).
     */
    public record Allocation(LocalDate receivedOn, String regie, long amountCents, Long invoiceId, List<InvoiceLine> invoiceLines,
                             boolean certified) {

        public Allocation {
            Objects.requireNonNull(receivedOn, "receivedOn");
            invoiceLines = List.copyOf(invoiceLines);
            if (amountCents < 0) {
                throw new IllegalArgumentException("negative allocation: " + amountCents);
            }
        }

        /** A certified allocation. */
        public Allocation(LocalDate receivedOn, String regie, long amountCents, Long invoiceId, List<InvoiceLine> invoiceLines) {
            this(receivedOn, regie, amountCents, invoiceId, invoiceLines, true);
        }
    }

    /** What was paid in the year for one child's care with one régie. */
    public record Amount(String regie, Child child, long cents) {

        public String getRegie() { return regie; }
        public Child getChild() { return child; }
        public long getCents() { return cents; }
    }

    /** Whether a child is under 6 on 1 January of {@code year}. */
    public static boolean under6(Child child, int year) {
        return child.birthDate().plusYears(6).isAfter(LocalDate.of(year, 1, 1));
    }

    /**
     * The amounts of {@code year}, per régie then per child (in the order régies and children are first
     * met), only those above 0.
     */
    public static List<Amount> of(int year, Collection<Child> children, Collection<Allocation> allocations) {
        Map<Long, Child> eligible = new LinkedHashMap<>();
        for (Child c : children) {
            if (under6(c, year)) {
                eligible.put(c.id(), c);
            }
        }
        Map<String, Map<Long, Long>> sums = new LinkedHashMap<>();
        // what each invoice's lines have been given so far: a line never takes more than it bills
        Map<Long, long[]> given = new HashMap<>();
        for (Allocation a : allocations.stream().sorted(Comparator.comparing(Allocation::receivedOn)).toList()) {
            if (a.receivedOn().getYear() > year) {
                continue;
            }
            long[] before = a.invoiceId() == null ? new long[a.invoiceLines().size()]
                    : given.computeIfAbsent(a.invoiceId(), k -> new long[a.invoiceLines().size()]);
            long[] shares = a.certified() ? capped(a.amountCents(), a.invoiceLines(), before)
                    : cesuShares(a.amountCents(), a.invoiceLines(), before);
            for (int i = 0; i < shares.length; i++) {
                before[i] += shares[i];
            }
            if (a.receivedOn().getYear() != year || !a.certified()) {
                continue;
            }
            for (int i = 0; i < shares.length; i++) {
                InvoiceLine line = a.invoiceLines().get(i);
                if (shares[i] > 0 && line.childId() != null && eligible.containsKey(line.childId())
                        && CARE_TYPES.contains(line.activityType())) {
                    sums.computeIfAbsent(a.regie(), r -> new LinkedHashMap<>()).merge(line.childId(), shares[i], Math::addExact);
                }
            }
        }
        List<Amount> result = new ArrayList<>();
        sums.forEach((regie, byChild) -> byChild.forEach((child, cents) -> result.add(new Amount(regie, eligible.get(child), cents))));
        return result;
    }

    /**
     * A CESU payment's shares of an invoice's lines: the care lines first (CESU pays childcare only: a canteen is
     * paid otherwise, and what the family paid by cheque beside it is what it paid for the canteen), then, of what is
     * left, the other lines pro rata ({@link #capped}).
     */
    static long[] cesuShares(long cents, List<InvoiceLine> lines, long[] before) {
        List<InvoiceLine> careOnly = lines.stream().map(l -> CARE_TYPES.contains(l.activityType()) ? l
                : new InvoiceLine(l.childId(), l.activityType(), 0)).toList();
        long[] care = capped(cents, careOnly, before);
        long[] after = before.clone();
        long given = 0;
        for (int i = 0; i < care.length; i++) {
            after[i] += care[i];
            given += care[i];
        }
        long[] rest = capped(cents - given, lines, after);
        for (int i = 0; i < care.length; i++) {
            care[i] += rest[i];
        }
        return care;
    }

    /**
     * What a régie's porte-monnaie paid in {@code year} for care, as one allocation: the care days it paid
     * ({@code lines}: per child and activity type, what its debits took less what it gave back), less what the family
     * put on it in CESU that year ({@code cesuCents}: the employer's prefinanced aid, which the certificate leaves out as
     * it does for invoices), split back over those days pro rata.
     */
    public static Allocation wallet(int year, String regie, List<InvoiceLine> lines, long cesuCents) {
        List<InvoiceLine> care = lines.stream().filter(l -> CARE_TYPES.contains(l.activityType())).toList();
        long paid = care.stream().mapToLong(InvoiceLine::amountCents).reduce(0, Math::addExact);
        return new Allocation(LocalDate.of(year, 1, 1), regie, Math.max(0, paid - Math.max(0, cesuCents)), null, care);
    }

    /**
     * {@code cents} split over what {@code lines} still bill after {@code before} (what earlier allocations gave each),
     * pro rata, no line given more than it has left: money beyond what the lines bill (an invoice paid, then reduced by
     * a credit note) is not care paid and is left out.
     */
    static long[] capped(long cents, List<InvoiceLine> lines, long[] before) {
        List<InvoiceLine> left = new ArrayList<>(lines.size());
        long room = 0;
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine l = lines.get(i);
            long rest = Math.max(0, l.amountCents() - before[i]);
            left.add(new InvoiceLine(l.childId(), l.activityType(), rest));
            room = Math.addExact(room, rest);
        }
        long[] shares = split(Math.min(cents, room), left);
        if (room == 0) {
            return new long[lines.size()];
        }
        // the last line's rest may pass what it has left by a few cents of rounding: give them to the lines with room
        long over = 0;
        for (int i = 0; i < shares.length; i++) {
            long extra = shares[i] - left.get(i).amountCents();
            if (extra > 0) {
                shares[i] -= extra;
                over += extra;
            }
        }
        for (int i = 0; i < shares.length && over > 0; i++) {
            long more = Math.min(over, left.get(i).amountCents() - shares[i]);
            shares[i] += more;
            over -= more;
        }
        return shares;
    }

    /**
     * {@code cents} split over {@code lines} pro rata of their amounts: each line but the last rounded
     * down, the last one the rest (all on the last line when the lines add up to 0).
     */
    public static long[] split(long cents, List<InvoiceLine> lines) {
        long[] shares = new long[lines.size()];
        if (lines.isEmpty()) {
            return shares;
        }
        long total = 0;
        for (InvoiceLine l : lines) {
            total = Math.addExact(total, l.amountCents());
        }
        long given = 0;
        for (int i = 0; i < lines.size() - 1 && total > 0; i++) {
            // exact product: cents × amount may pass a long for large invoices
            shares[i] = BigInteger.valueOf(cents).multiply(BigInteger.valueOf(lines.get(i).amountCents()))
                    .divide(BigInteger.valueOf(total)).longValueExact();
            given += shares[i];
        }
        shares[lines.size() - 1] = cents - given;
        return shares;
    }

    /**
     * An invoice's lines less what credit notes by amount (no day named: « geste commercial », a price corrected) took
     * back of it, taken from its lines pro rata of their amounts ({@link #split}), in exact cents, never below 0: what a
     * family paid of the invoice beyond what it now bills is not care paid, as with a credit note by days.
     */
    public static List<InvoiceLine> lessCredited(List<InvoiceLine> lines, long creditedCents) {
        long total = 0;
        for (InvoiceLine l : lines) {
            total = Math.addExact(total, l.amountCents());
        }
        if (creditedCents <= 0 || lines.isEmpty()) {
            return List.copyOf(lines);
        }
        long[] taken = split(Math.min(creditedCents, total), lines);
        // the last line's share carries the others' rounding: what it cannot take goes to the lines before, in order
        long over = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            long room = lines.get(i).amountCents() - taken[i];
            if (room < 0) {
                over -= room;
                taken[i] = lines.get(i).amountCents();
            }
        }
        for (int i = 0; i < lines.size() && over > 0; i++) {
            long more = Math.min(over, lines.get(i).amountCents() - taken[i]);
            taken[i] += more;
            over -= more;
        }
        List<InvoiceLine> left = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine l = lines.get(i);
            left.add(new InvoiceLine(l.childId(), l.activityType(), l.amountCents() - taken[i]));
        }
        return left;
    }

    /** The sum of the amounts. */
    public static long total(Collection<Amount> amounts) {
        return amounts.stream().mapToLong(Amount::cents).reduce(0, Math::addExact);
    }
}
