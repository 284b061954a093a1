package fr.portailfamille.it.support;

import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The committed fixture month of the billing tests: October 2026 in one commune, a régie of its own
 * billing one activity (unit MIDI) whose tariff from 01/09/2026 is, by quotient familial bracket, T1 (0–450)
 * 1,00 €, T2 (451–700) 2,20 €, T3 3,10 €, T4 3,60 €, T5 4,10 €, maximum 4,50 € (QF unknown or its proof
 * older than 12 months); 2nd child −10 %, 3rd −20 %; late booking +20 %; unexcused absence billed, excused
 * not; presence without booking 5,49 €. Four families, each with a parent account (subject and e-mail):
 * <ul>
 * <li>Edge450 — QF 450, the top of T1: Léa present on the 1st, 2nd and 5th, booked late on the 6th
 * (surcharged) and present, absent unexcused on the 7th, excused on the 8th;</li>
 * <li>Edge451 — QF 451, the bottom of T2, two siblings: Tom (the eldest) and Zoé present on the 1st and
 * 2nd; Tom's absence of the 9th waits for its certificate (not billed yet);</li>
 * <li>NoQf — no QF: Max present on the 1st, 2nd and 5th, and on the 6th without booking;</li>
 * <li>Expiring — QF 300 (T1) on a proof of 03/10/2025, valid through 02/10/2026 (the day before its anniversary): Inès present on the 1st,
 * 2nd and 5th, booked on the 6th and never pointed.</li>
 * </ul>
 * Its invoices, computed by hand, are the constants below. Tests may build a month of their own from the
 * same pieces ({@link #empty}, {@link #family}, {@link #child}, {@link #day}).
 */
public final class BillingMonth {

    public static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    /** Edge450: 3 days × 1,00 € + the late day 1,00 € × 1,20 = 1,20 € + the unexcused absence 1,00 € (excused: 0) = 5,20 €. */
    public static final long EDGE450_CENTS = 3 * 100 + 120 + 100;
    /** Tom, the eldest, in T2: 2 × 2,20 € = 4,40 €. */
    public static final long TOM_CENTS = 2 * 220;
    /** Zoé, 2nd child −10 %: 2,20 € × 0,90 = 1,98 €, 2 × 1,98 € = 3,96 €. */
    public static final long ZOE_CENTS = 2 * 198;
    /** Edge451: 4,40 € + 3,96 € = 8,36 € (Tom's pending absence not billed). */
    public static final long EDGE451_CENTS = TOM_CENTS + ZOE_CENTS;
    /** The presence without booking's price. */
    public static final long UNBOOKED_CENTS = 549;
    /** NoQf: 3 days at the maximum 4,50 € = 13,50 € + the presence without booking 5,49 € = 18,99 €. */
    public static final long NOQF_CENTS = 3 * 450 + UNBOOKED_CENTS;
    /**
     * Expiring: the 1st and 2nd in T1, 2 × 1,00 € = 2,00 €; the 5th (proof expired) 4,50 €; the 6th, booked
     * without pointage, billed as booked at the maximum 4,50 €: 11,00 €.
     */
    public static final long EXPIRING_CENTS = 2 * 100 + 450 + 450;
    /** 5,20 + 8,36 + 18,99 + 11,00 = 43,55 €. */
    public static final long TOTAL_CENTS = EDGE450_CENTS + EDGE451_CENTS + NOQF_CENTS + EXPIRING_CENTS;
    /** Days billed: Edge450 5 of its 6 (not the excused one), Edge451 4, NoQf 4, Expiring 4. */
    public static final int BILLED_DAYS = 5 + 4 + 4 + 4;

    private final BillingKit kit;
    private final String commune;
    private final String regie;
    private final String prefix;
    private final String activity;
    private final long unit;
    private final Map<String, Long> families = new LinkedHashMap<>();
    private final Map<String, Long> children = new LinkedHashMap<>();
    private final Map<String, SignedInUser> parents = new LinkedHashMap<>();

    private BillingMonth(BillingKit kit, String commune, String regie, String prefix, String activity, long unit) {
        this.kit = kit;
        this.commune = commune;
        this.regie = regie;
        this.prefix = prefix;
        this.activity = activity;
        this.unit = unit;
    }

    /** The fixture month above in commune {@code c}, its régie numbering with {@code prefix}, committed. */
    public static BillingMonth october(BillingKit kit, Commune c, String prefix) throws Exception {
        return TenantContext.call(c, () -> kit.inTransaction(() -> {
            BillingMonth m = empty(kit, c, "Restauration facturée", "FAC", prefix);
            long edge450 = m.family("Edge450", 450, "2026-06-01");
            long lea = m.child(edge450, "Léa", "2017-03-01");
            m.present(lea, 1, 2, 5);
            m.day(lea, 6, "PRESENT", true, false);          // booked late, surcharged, then present
            m.day(lea, 7, "ABSENT_BILLED", false, false);   // unexcused absence
            m.day(lea, 8, "ABSENT_EXCUSED", false, false);  // excused absence
            long edge451 = m.family("Edge451", 451, "2026-06-01");
            long tom = m.child(edge451, "Tom", "2016-01-01");
            long zoe = m.child(edge451, "Zoé", "2018-05-05");
            m.present(tom, 1, 2);
            m.present(zoe, 1, 2);
            m.day(tom, 9, "ABSENT_PENDING", false, false);  // certificate not yet reviewed
            long noQf = m.family("NoQf", null, null);
            long max = m.child(noQf, "Max", "2019-02-02");
            m.present(max, 1, 2, 5);
            m.day(max, 6, "PRESENT", false, true);          // present without booking
            long expiring = m.family("Expiring", 300, "2025-10-03");
            long ines = m.child(expiring, "Inès", "2018-09-09");
            m.present(ines, 1, 2, 5);
            m.day(ines, 6, "BOOKED", false, false);         // booked, never pointed
            return m;
        }));
    }

    /**
     * A month with no family yet: the commune's brackets (T1 0–450, T2 451–700, T3 701–1000, T4 1001–1400,
     * T5 1401+ when it has none; proofs valid 12 months), a régie of its own and an activity named
     * {@code activityName} (code {@code codePrefix}-…) with the tariff above, in the caller's commune and
     * transaction.
     */
    public static BillingMonth empty(BillingKit kit, Commune c, String activityName, String codePrefix, String prefix) {
        brackets(kit);
        String activity = codePrefix + "-" + BillingKit.random(8);
        String regie = "R" + BillingKit.random(8);
        long act = kit.id("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                + " values (?1, ?2, 'RESTAURATION', 'J-2@23:59', 'J-2@23:59', 'SURCHARGED') returning id", activity, activityName);
        long unit = kit.id("insert into activity_unit (activity_id, code, label, capacity) values (?1, 'MIDI', 'Midi', 100) returning id", act);
        long r = kit.id("insert into regie (code, label, invoice_prefix) values (?1, 'Régie de test', ?2) returning id", regie, prefix);
        kit.update("insert into regie_activity (activity_id, regie_id) values (?1, ?2)", act, r);
        long t = kit.id("insert into tariff (activity_id, valid_from, mode, maximum_cents, sibling_second_percent,"
                + " sibling_third_percent, late_kind, late_percent, unexcused_absence_billed, unbooked_presence_cents)"
                + " values (?1, date '2026-09-01', 'BRACKETS', 450, 10, 20, 'PERCENT', 20, true, ?2) returning id", act, UNBOOKED_CENTS);
        // a price in every bracket of the commune (the classes after a billing test check alpha's whole configuration)
        kit.update("insert into tariff_price (tariff_id, bracket_id, price_cents) select ?1, b.id, case"
                + " when b.qf_min <= 450 and coalesce(b.qf_max, 450) >= 450 then 100"
                + " when b.qf_min <= 451 and coalesce(b.qf_max, 451) >= 451 then 220"
                + " when b.qf_min <= 1000 then 310 when b.qf_min <= 1400 then 360 else 410 end from qf_bracket b", t);
        return new BillingMonth(kit, c.slug(), regie, prefix, activity, unit);
    }

    /** The commune's brackets as the default configuration has them, when it has none; proofs valid 12 months. */
    static void brackets(BillingKit kit) {
        if (kit.id("select count(*) from qf_bracket") == 0) {
            kit.update("insert into qf_bracket (code, label, qf_min, qf_max) values ('T1', 'Tranche 1', 0, 450),"
                    + " ('T2', 'Tranche 2', 451, 700), ('T3', 'Tranche 3', 701, 1000), ('T4', 'Tranche 4', 1001, 1400),"
                    + " ('T5', 'Tranche 5', 1401, null)");
        }
        if (kit.id("select count(*) from qf_bracket where qf_max = 450") != 1 || kit.id("select count(*) from qf_bracket where qf_min = 451") != 1) {
            throw new IllegalStateException("the fixture month expects a bracket up to 450 and the next from 451");
        }
        kit.update("insert into billing_settings (id, qf_validity_months) values (true, 12)"
                + " on conflict (id) do update set qf_validity_months = 12");
    }

    /**
     * A validated family named {@code name} (and a random suffix), its QF and proof date (source CAF), with a
     * parent account: a subject and the e-mail {@code <prefix>-<name>@<commune>.test}.
     */
    public long family(String name, Integer qf, String proof) {
        String email = (prefix + "-" + name.replaceAll("[^A-Za-z0-9]", "")).toLowerCase() + "@" + commune + ".test";
        String subject = UUID.randomUUID().toString();
        long id = kit.id("insert into family (label, status, postcode, quotient_familial, qf_proof_date, qf_source, email, subject)"
                + " values (?1, 'VALIDATED', '35000', cast(?2 as integer), cast(?3 as date), cast(?4 as varchar), ?5, ?6) returning id",
                name + " " + BillingKit.random(4), qf, proof, qf == null ? null : "CAF", email, subject);
        families.put(name, id);
        parents.put(name, BillingKit.parent(commune, subject, "Parent " + name, email));
        return id;
    }

    public long child(long family, String name, String birth) {
        long id = kit.id("insert into child (family_id, first_name, last_name, birth_date) values (?1, ?2, 'Test', cast(?3 as date))"
                + " returning id", family, name, birth);
        children.put(name, id);
        return id;
    }

    /** A day of October for {@code child}: its booking's status, booked late (surcharged), present without booking. */
    public void day(long child, int day, String status, boolean surcharged, boolean unbooked) {
        kit.update("insert into booking (child_id, unit_id, day, status, surcharged, unbooked) values (?1, ?2, ?3, ?4, ?5, ?6)",
                child, unit, OCTOBER.atDay(day), status, surcharged, unbooked);
    }

    /** Booked and present on these days. */
    public void present(long child, int... days) {
        for (int d : days) {
            day(child, d, "PRESENT", false, false);
        }
    }

    public String regie() {
        return regie;
    }

    public String prefix() {
        return prefix;
    }

    public String activity() {
        return activity;
    }

    public long unit() {
        return unit;
    }

    /** A family's id by its fixture name (Edge450, Edge451, NoQf, Expiring). */
    public long family(String name) {
        return families.get(name);
    }

    /** A child's id by its first name. */
    public long child(String name) {
        return children.get(name);
    }

    /** The parent account of a family, by the family's fixture name. */
    public SignedInUser parent(String name) {
        return parents.get(name);
    }

    /** The families' ids by fixture name, in the order written. */
    public Map<String, Long> families() {
        return families;
    }
}
