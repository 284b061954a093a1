package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link DraftReader} reads a régie's days grouped in SQL (one row per child, unit and case) and prices each run
 * of days once: its drafts must be those of the days priced one by one with {@link Pricing#price} and grouped by
 * {@link InvoiceCalculator#draft(List)} — same lines (days, labels, unit prices, brackets), same totals, same days
 * left out, same things to check — over a month where a tariff changes on the 15th, a QF proof expires on the
 * 20th, siblings are ranked, and every status, late bookings, unbooked presences and a unit without tariff occur.
 */
class DraftReaderTest {

    static final String SCHEMA = "commune_draft_reader";
    static final LocalDate FROM = LocalDate.parse("2026-10-01");
    static final LocalDate TO = LocalDate.parse("2026-10-31");
    static DataSource ds;

    static BillingConfiguration billing() {
        List<QfBracket> brackets = List.of(new QfBracket("T1", "0 – 450", 0, 450), new QfBracket("T2", "451 – 700", 451, 700),
                new QfBracket("T3", "701 et plus", 701, null));
        BillingSettings settings = new BillingSettings(12, List.of("87000"), brackets);
        Tariff canteen = new Tariff("CANTINE", null, LocalDate.of(2026, 9, 1), Tariff.Mode.BRACKETS,
                List.of(new Tariff.BracketPrice("T1", 110L), new Tariff.BracketPrice("T2", 255L), new Tariff.BracketPrice("T3", 350L)),
                480L, null, null, null, Adjustment.percent("25"), new BigDecimal("10"), new BigDecimal("20"),
                Adjustment.percent("20"), true, 549L);
        // a new grid from the 15th: the canteen's days of a month split across two tariffs
        Tariff canteenFrom15 = new Tariff("CANTINE", null, LocalDate.of(2026, 10, 15), Tariff.Mode.BRACKETS,
                List.of(new Tariff.BracketPrice("T1", 115L), new Tariff.BracketPrice("T2", 265L), new Tariff.BracketPrice("T3", 365L)),
                495L, null, null, null, Adjustment.percent("25"), new BigDecimal("10"), new BigDecimal("20"),
                Adjustment.percent("20"), true, 549L);
        // unexcused absences not billed, unbooked presence at the normal price
        Tariff care = new Tariff("PERI", "SOIR", LocalDate.of(2026, 9, 1), Tariff.Mode.BRACKETS,
                List.of(new Tariff.BracketPrice("T1", 80L), new Tariff.BracketPrice("T2", 155L), new Tariff.BracketPrice("T3", 215L)),
                305L, null, null, null, Adjustment.fixed(50), new BigDecimal("15"), null, Adjustment.fixed(100), false, null);
        Regie regie = new Regie("REST", "Régie", "RS", "Régisseur", "regie@test", null, List.of("CANTINE", "PERI"), null);
        return new BillingConfiguration(settings, List.of(regie), List.of(canteen, canteenFrom15, care));
    }

    @BeforeAll
    static void seed() throws SQLException {
        ds = TestDatabase.dataSource();
        TenantMigrator migrator = new TenantMigrator(ds);
        migrator.dropCommuneSchema(SCHEMA);
        migrator.migrateCommune(SCHEMA);
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy) values"
                    + " ('CANTINE', 'Restauration', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59', 'SURCHARGED'),"
                    + " ('PERI', 'Périscolaire', 'PERISCOLAIRE', 'J-2@23:59', 'J-2@23:59', 'SURCHARGED')");
            // PERI's MATIN has no tariff: each of its days is a thing to check
            st.execute("insert into activity_unit (activity_id, code, label, capacity) select id, u, u, 100 from activity,"
                    + " (values ('MIDI', 'CANTINE'), ('SOIR', 'PERI'), ('MATIN', 'PERI')) v (u, a) where code = v.a");
            st.execute("insert into regie (code, label, invoice_prefix) values ('REST', 'Régie', 'RS')");
            st.execute("insert into regie_activity (activity_id, regie_id) select a.id, r.id from activity a, regie r");
            // QF in each bracket; no QF; a proof that expires on 2026-10-20; an undated proof; non-residents
            st.execute("insert into family (label, postcode, quotient_familial, qf_source, qf_proof_date) values"
                    + " ('Famille A', '87000', 300, 'CAF', '2026-01-10'),"
                    + " ('Famille B', '87000', 600, 'CAF', '2025-10-20'),"
                    + " ('Famille C', '75001', 900, 'MSA', '2026-02-01'),"
                    + " ('Famille D', '87000', null, null, null),"
                    + " ('Famille E', '75001', 450, 'CAF', null),"
                    + " ('Famille A', '87000', 701, 'CAF', '2026-03-01')");
            // one to three children, two of them born the same day
            st.execute("insert into child (family_id, first_name, last_name, birth_date)"
                    + " select f.id, 'Enfant' || k, f.label, date '2016-05-01' + ((f.id * 131 + k * 397) % 900)::int"
                    + " from family f cross join generate_series(1, 3) k where k <= 1 + f.id % 3");
            st.execute("insert into child (family_id, first_name, last_name, birth_date)"
                    + " select f.id, 'Jumeau', f.label, (select min(birth_date) from child where family_id = f.id)"
                    + " from family f where f.label = 'Famille C'");
            st.execute("insert into booking (child_id, unit_id, day, status, surcharged, unbooked)"
                    + " select c.id, u.id, d::date,"
                    + " case (c.id * 7 + u.id * 3 + extract(day from d)::int) % 11 when 0 then 'ABSENT_EXCUSED'"
                    + " when 1 then 'ABSENT_BILLED' when 2 then 'BOOKED_LATE' when 3 then 'CANCELLED_FREE' when 4 then 'WAITING'"
                    + " when 5 then 'BOOKED' when 6 then 'BOOKED' else 'PRESENT' end,"
                    + " (c.id * 7 + u.id * 3 + extract(day from d)::int) % 13 = 0,"
                    + " (c.id * 7 + u.id * 3 + extract(day from d)::int) % 11 = 7 and (c.id + extract(day from d)::int) % 4 = 0"
                    + " from child c cross join activity_unit u"
                    + " cross join generate_series(date '" + FROM + "', date '" + TO + "', interval '1 day') d"
                    + " where extract(isodow from d) <= 5 and (c.id + u.id) % 5 <> 0");
            // a day of another month is not read
            st.execute("insert into booking (child_id, unit_id, day, status) select min(c.id), min(u.id), '2026-11-02', 'PRESENT'"
                    + " from child c, activity_unit u");
        }
    }

    static Connection connection() throws SQLException {
        Connection c = ds.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("set search_path to " + SCHEMA);
        }
        return c;
    }

    /** The drafts as the reader made them before it grouped days: each day read, priced and checked on its own. */
    static Map<Long, FamilyInvoice> dayByDay(Connection c, BillingConfiguration billing) throws SQLException {
        BillingSettings rules = billing.settings();
        record Day(long family, FamilyFacts facts, String label, long child, String name, LocalDate birth, String activity,
                String unit, long unitId, DayEvent event) {
        }
        Map<Long, List<Day>> byFamily = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select f.id, f.label, f.quotient_familial,"
                + " f.qf_proof_date, f.qf_source, f.monthly_resources_cents, f.postcode, f.resident_override, c.id, c.first_name,"
                + " c.last_name, c.birth_date, a.code, u.code, u.id, b.day, b.status, b.surcharged, b.unbooked"
                + " from booking b join child c on c.id = b.child_id join family f on f.id = c.family_id"
                + " join activity_unit u on u.id = b.unit_id join activity a on a.id = u.activity_id"
                + " where b.day between '" + FROM + "' and '" + TO + "'"
                + " and b.status in ('BOOKED', 'BOOKED_LATE', 'PRESENT', 'ABSENT_EXCUSED', 'ABSENT_BILLED')"
                + " order by f.label, f.id, b.day, b.id")) {
            while (rs.next()) {
                String source = rs.getString(5);
                FamilyFacts facts = new FamilyFacts((Integer) rs.getObject(3), rs.getObject(4, LocalDate.class),
                        source == null ? null : QfSource.valueOf(source), (Long) rs.getObject(6),
                        rules.isResident(rs.getString(7), (Boolean) rs.getObject(8)));
                String status = rs.getString(17);
                boolean unbooked = rs.getBoolean(19);
                boolean late = (rs.getBoolean(18) || "BOOKED_LATE".equals(status)) && !unbooked;
                Attendance attendance = switch (status) {
                    case "PRESENT" -> Attendance.PRESENT;
                    case "ABSENT_EXCUSED" -> Attendance.ABSENT_EXCUSED;
                    case "ABSENT_BILLED" -> Attendance.ABSENT_UNEXCUSED;
                    default -> Attendance.NOT_RECORDED;
                };
                LocalDate day = rs.getObject(16, LocalDate.class);
                byFamily.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Day(rs.getLong(1), facts, rs.getString(2),
                        rs.getLong(9), rs.getString(10) + " " + rs.getString(11), rs.getObject(12, LocalDate.class), rs.getString(13),
                        rs.getString(14), rs.getLong(15), new DayEvent(rs.getLong(9), rs.getString(13), rs.getString(14), day,
                        !unbooked, late, attendance)));
            }
        }
        Map<Long, FamilyInvoice> out = new LinkedHashMap<>();
        byFamily.forEach((family, days) -> {
            // ranked: the children with a day to pay (an excused absence is not one)
            Map<Long, Integer> ranks = Siblings.ranks(days.stream()
                    .filter(d -> d.event().attendance() != Attendance.ABSENT_EXCUSED)
                    .map(d -> new Siblings.Child(d.child(), d.birth())).toList());
            List<PricedLine> priced = new ArrayList<>();
            Set<String> anomalies = new LinkedHashSet<>();
            Map<Long, String> names = new LinkedHashMap<>();
            Map<String, Long> units = new LinkedHashMap<>();
            for (Day d : days) {
                names.put(d.child(), d.name());
                units.put(d.activity() + "/" + d.unit(), d.unitId());
                String where = d.name() + ", " + d.activity() + " " + d.unit() + " du "
                        + String.format("%02d/%02d/%d", d.event().day().getDayOfMonth(), d.event().day().getMonthValue(),
                        d.event().day().getYear());
                Optional<Tariff> tariff = Tariffs.inForce(billing.tariffs(), d.activity(), d.unit(), d.event().day());
                if (tariff.isEmpty()) {
                    anomalies.add(Anomaly.NO_TARIFF.label() + " : " + where);
                    continue;
                }
                PricedLine line = Pricing.price(rules, tariff.get(), d.facts(), ranks.getOrDefault(d.child(), 1), d.event());
                priced.add(line);
                line.anomalies().forEach(a -> anomalies.add(a == Anomaly.QF_MISSING ? a.label() : a.label() + " : " + where));
            }
            out.put(family, new FamilyInvoice(family, days.get(0).label(), InvoiceCalculator.draft(priced),
                    new ArrayList<>(anomalies), names, units));
        });
        return out;
    }

    static List<PricedLine> byDay(List<PricedLine> lines) {
        List<PricedLine> sorted = new ArrayList<>(lines);
        sorted.sort(java.util.Comparator.comparing((PricedLine l) -> l.event().day()).thenComparingLong(l -> l.event().childId())
                .thenComparing(l -> l.event().activity()).thenComparing(l -> l.event().unit()));
        assertEquals(sorted.stream().map(l -> l.event().day()).toList(), lines.stream().map(l -> l.event().day()).toList());
        return sorted;
    }

    @Test
    void groupedDraftsAreTheDraftsOfTheDaysPricedOneByOne() throws SQLException {
        BillingConfiguration billing = billing();
        try (Connection c = connection()) {
            List<FamilyInvoice> drafts = DraftReader.drafts(c, billing, "REST", FROM, TO);
            Map<Long, FamilyInvoice> expected = dayByDay(c, billing);
            assertEquals(List.copyOf(expected.keySet()), drafts.stream().map(FamilyInvoice::familyId).toList(),
                    "every family, by name then id");
            int lines = 0;
            int tariffs = 0;
            for (FamilyInvoice got : drafts) {
                FamilyInvoice want = expected.get(got.familyId());
                assertEquals(want.familyLabel(), got.familyLabel());
                assertEquals(want.draft().lines(), got.draft().lines(), got.familyLabel());
                assertEquals(want.draft().totalCents(), got.draft().totalCents());
                // the days left out, with their reasons, by day (the same day's in any order)
                assertEquals(byDay(want.draft().notBilled()), byDay(got.draft().notBilled()));
                // the same things to check (their order: by day, then child and unit)
                assertEquals(new TreeSet<>(want.anomalies()), new TreeSet<>(got.anomalies()));
                assertEquals(want.anomalies().size(), got.anomalies().size());
                assertEquals(want.childNames(), got.childNames());
                assertEquals(want.unitIds(), got.unitIds());
                lines += got.draft().lines().size();
                tariffs += (int) got.draft().lines().stream().filter(l -> l.days().get(0).getDayOfMonth() >= 15
                        && l.activity().equals("CANTINE")).count();
            }
            assertTrue(lines > 40, "a varied month: " + lines + " lines");
            assertTrue(tariffs > 0, "lines of the new grid");
            assertTrue(drafts.stream().anyMatch(f -> f.getAnomalyText().contains("Aucun tarif")
                    || f.anomalies().stream().anyMatch(a -> a.startsWith(Anomaly.NO_TARIFF.label()))));
            assertTrue(drafts.stream().anyMatch(f -> f.draft().lines().stream().anyMatch(l -> l.label().contains("fratrie"))));
            assertTrue(drafts.stream().anyMatch(f -> f.draft().lines().stream().anyMatch(l -> l.label().contains("hors délai"))));
            assertTrue(drafts.stream().anyMatch(f -> f.draft().lines().stream().anyMatch(l -> l.label().startsWith("Présence"))));
            assertTrue(drafts.stream().anyMatch(f -> f.draft().lines().stream().anyMatch(l -> l.label().contains("maximum"))));
        }
    }

    static long one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A chunk of drafts issued as the run does. */
    static void issue(Connection c, Statement st, List<FamilyInvoice> families) throws SQLException {
        long regie = one(st, "select id from regie where code = 'REST'");
        long run = one(st, "insert into billing_run (regie_id, period_start, period_end, state, families_total, started_by)"
                + " values (" + regie + ", '" + FROM + "', '" + TO + "', 'DONE', " + families.size() + ", 'test') returning id");
        InvoiceStore.issueAll(c, SCHEMA, new InvoiceStore.RunContext(run, regie, "REST", FROM, TO, TO.plusDays(30), "test"),
                families);
    }

    @Test
    void aPipelinedRunIssuesTheDraftsInTheirOrderChunkByChunk() throws SQLException {
        BillingConfiguration billing = billing();
        try (Connection c = connection(); Statement st = c.createStatement()) {
            List<FamilyInvoice> expected = DraftReader.drafts(c, billing, "REST", FROM, TO);
            c.setAutoCommit(false);   // rolled back at the end: the other tests read the month unbilled
            try {
                DraftReader.Drafts read = DraftReader.read(c, billing, "REST", FROM, TO);
                assertEquals(expected.size(), read.size());
                List<Integer> chunks = new ArrayList<>();
                DraftPipeline.run(read, 2, Thread::new, chunk -> {
                    chunks.add(chunk.families().size());
                    issue(c, st, chunk.families());
                });
                assertEquals(expected.size(), chunks.stream().mapToInt(Integer::intValue).sum());
                assertTrue(chunks.size() > 1, "several chunks: " + chunks);
                assertEquals(List.of(), read.next(2), "every family drafted");
                // invoices numbered in the families' order, each with the lines of its draft
                List<Long> billed = expected.stream().filter(f -> !f.draft().lines().isEmpty()).map(FamilyInvoice::familyId)
                        .toList();
                List<Long> numbered = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select family_id from invoice order by sequence")) {
                    while (rs.next()) {
                        numbered.add(rs.getLong(1));
                    }
                }
                assertEquals(billed, numbered);
                assertEquals(expected.stream().mapToLong(f -> f.draft().totalCents()).sum(),
                        one(st, "select sum(total_cents) from invoice"));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void aRunBillsWhatWasNotBilledAndARerunNothing() throws SQLException {
        BillingConfiguration billing = billing();
        try (Connection c = connection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);   // rolled back at the end: the other test reads the month unbilled
            try {
                List<FamilyInvoice> drafts = DraftReader.drafts(c, billing, "REST", FROM, TO);
                long days = drafts.stream().flatMap(f -> f.draft().lines().stream()).mapToLong(InvoiceDraft.Line::quantity).sum();
                // the first families first, then a re-run: only the others are drafted, with the same lines
                issue(c, st, drafts.subList(0, 2));
                List<FamilyInvoice> rest = DraftReader.drafts(c, billing, "REST", FROM, TO).stream()
                        .filter(f -> !f.draft().lines().isEmpty()).toList();
                assertEquals(drafts.subList(2, drafts.size()).stream().filter(f -> !f.draft().lines().isEmpty())
                        .map(f -> f.draft().lines()).toList(), rest.stream().map(f -> f.draft().lines()).toList());
                // a day of a family issued already, booked again meanwhile in another case, is not billed again
                st.execute("update booking set status = 'PRESENT', surcharged = false where id = (select min(b.id) from booking b"
                        + " join child ch on ch.id = b.child_id where ch.family_id = " + drafts.get(0).familyId()
                        + " and b.status = 'BOOKED' and b.day between '" + FROM + "' and '" + TO + "')");
                issue(c, st, rest);
                assertTrue(DraftReader.drafts(c, billing, "REST", FROM, TO).stream().allMatch(f -> f.draft().lines().isEmpty()),
                        "a re-run bills nothing");
                assertEquals(days, one(st, "select sum(cardinality(line_days(days, days_month, days_bits))) from invoice_line"));
                assertEquals(days, one(st, "select sum(bit_count(days::bit(32))) from billed_month"));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * The sibling reduction goes to a younger child only when an elder one pays in the same period: an elder excused
     * every day does not make the younger one second (the invoice would be below the estimate the parent was shown),
     * and an elder billed by an earlier run of the period still does (a re-run for a day decided later).
     */
    @Test
    void siblingsAreRankedAmongTheChildrenBilledInThePeriod() throws SQLException {
        BillingConfiguration billing = billing();
        try (Connection c = connection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);   // rolled back at the end: the other tests read the fixture's families only
            try {
                long family = one(st, "insert into family (label, postcode, quotient_familial, qf_source, qf_proof_date)"
                        + " values ('Famille Z', '87000', 300, 'CAF', '2026-06-01') returning id");
                long elder = one(st, "insert into child (family_id, first_name, last_name, birth_date) values (" + family
                        + ", 'Aîné', 'Z', '2015-01-01') returning id");
                long younger = one(st, "insert into child (family_id, first_name, last_name, birth_date) values (" + family
                        + ", 'Cadet', 'Z', '2018-01-01') returning id");
                String midi = "(select u.id from activity_unit u join activity a on a.id = u.activity_id"
                        + " where a.code = 'CANTINE' and u.code = 'MIDI')";
                st.execute("insert into booking (child_id, unit_id, day, status) values"
                        + " (" + elder + ", " + midi + ", '2026-10-05', 'ABSENT_EXCUSED'),"
                        + " (" + elder + ", " + midi + ", '2026-10-06', 'ABSENT_EXCUSED'),"
                        + " (" + younger + ", " + midi + ", '2026-10-05', 'PRESENT'),"
                        + " (" + younger + ", " + midi + ", '2026-10-06', 'PRESENT')");
                InvoiceDraft.Line alone = youngerLine(DraftReader.drafts(c, billing, "REST", FROM, TO), family, younger);
                assertEquals(110, alone.unitPriceCents(), "T1, no reduction: the elder pays nothing this month");
                assertFalse(alone.label().contains("fratrie"), alone.label());
                assertEquals(220, draftOf(DraftReader.drafts(c, billing, "REST", FROM, TO), family).draft().totalCents());

                // the elder present on the 7th: billed (this family alone), then the younger's 7th decided later
                st.execute("insert into booking (child_id, unit_id, day, status) values"
                        + " (" + elder + ", " + midi + ", '2026-10-07', 'PRESENT')");
                st.execute("delete from booking where child_id = " + younger);
                issue(c, st, List.of(draftOf(DraftReader.drafts(c, billing, "REST", FROM, TO), family)));
                st.execute("insert into booking (child_id, unit_id, day, status) values"
                        + " (" + younger + ", " + midi + ", '2026-10-07', 'PRESENT')");
                FamilyInvoice rerun = draftOf(DraftReader.drafts(c, billing, "REST", FROM, TO), family);
                InvoiceDraft.Line second = youngerLine(List.of(rerun), family, younger);
                assertEquals(1, rerun.draft().lines().size(), "only the younger's day is left to bill");
                assertTrue(second.label().contains("fratrie"), second.label());
                assertEquals(99, second.unitPriceCents(), "T1 less 10 % for the second child: 1,10 € → 0,99 €");
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static FamilyInvoice draftOf(List<FamilyInvoice> drafts, long family) {
        return drafts.stream().filter(f -> f.familyId() == family).findFirst().orElseThrow();
    }

    private static InvoiceDraft.Line youngerLine(List<FamilyInvoice> drafts, long family, long younger) {
        return draftOf(drafts, family).draft().lines().stream().filter(l -> l.childId() == younger).findFirst().orElseThrow();
    }

    /** The days of {@code drafts}' lines, as child, activity, unit and day. */
    static Set<String> lineDays(List<FamilyInvoice> drafts) {
        Set<String> out = new TreeSet<>();
        for (FamilyInvoice f : drafts) {
            for (InvoiceDraft.Line l : f.draft().lines()) {
                for (LocalDate day : l.days()) {
                    assertTrue(out.add(l.childId() + "/" + l.activity() + "/" + l.unit() + "/" + day), "a day billed once");
                }
            }
        }
        return out;
    }

    @Test
    void aPeriodAcrossMonthsFromMidMonthBillsTheDaysLeftOfEachMonth() throws SQLException {
        BillingConfiguration billing = billing();
        LocalDate end = LocalDate.parse("2026-11-05");
        try (Connection c = connection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);   // rolled back at the end: the other tests read the month unbilled
            try {
                Set<String> all = lineDays(DraftReader.drafts(c, billing, "REST", FROM, end));
                List<FamilyInvoice> first = DraftReader.drafts(c, billing, "REST", FROM, LocalDate.parse("2026-10-25"));
                issue(c, st, first);
                // from the 20th: October's days billed already left out, November's read
                Set<String> rest = lineDays(DraftReader.drafts(c, billing, "REST", LocalDate.parse("2026-10-20"), end));
                Set<String> billed = lineDays(first);
                assertTrue(rest.stream().anyMatch(d -> d.endsWith("2026-11-02")), "November's day");
                assertTrue(rest.stream().allMatch(d -> d.substring(d.lastIndexOf('/') + 1)
                        .compareTo("2026-10-26") >= 0), "nothing before the 26th: " + rest);
                Set<String> union = new TreeSet<>(billed);
                union.addAll(rest);
                assertEquals(billed.size() + rest.size(), union.size(), "no day billed twice");
                assertEquals(all, union);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void anIntArrayIsReadFromItsText() {
        assertEquals(List.of(), java.util.Arrays.stream(DraftReader.ints("{}")).boxed().toList());
        assertEquals(List.of(33), java.util.Arrays.stream(DraftReader.ints("{33}")).boxed().toList());
        assertEquals(List.of(1, -19, 4096), java.util.Arrays.stream(DraftReader.ints("{1,-19,4096}")).boxed().toList());
    }

    @Test
    void aDayPaidByAPorteMonnaieIsNotDrafted() throws SQLException {
        BillingConfiguration billing = billing();
        try (Connection c = connection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);   // rolled back at the end: the other tests read no porte-monnaie
            try {
                // wallet_booking empty: the drafts' query without its anti-join
                assertEquals(0, one(st, "select count(*) from wallet_booking"));
                List<FamilyInvoice> before = DraftReader.drafts(c, billing, "REST", FROM, TO);
                FamilyInvoice family = before.get(0);
                InvoiceDraft.Line line = family.draft().lines().get(0);
                LocalDate day = line.days().get(0);
                long unit = family.unitIds().get(line.activity() + "/" + line.unit());
                long booking = one(st, "select min(id) from booking where child_id = " + line.childId() + " and unit_id = " + unit
                        + " and day = '" + day + "' and status in ('BOOKED', 'BOOKED_LATE', 'PRESENT', 'ABSENT_BILLED')");
                long wallet = one(st, "insert into wallet (family_id, regie_id, activated_by) select " + family.familyId()
                        + ", id, 'test' from regie where code = 'REST' returning id");
                st.execute("insert into wallet_booking (booking_id, wallet_id, amount_cents) values (" + booking + ", " + wallet
                        + ", " + line.unitPriceCents() + ")");
                List<FamilyInvoice> after = DraftReader.drafts(c, billing, "REST", FROM, TO);
                FamilyInvoice paid = after.get(0);
                assertEquals(family.familyId(), paid.familyId());
                assertEquals(family.draft().totalCents() - line.unitPriceCents(), paid.draft().totalCents(), "the paid day left out");
                assertTrue(paid.draft().lines().stream().noneMatch(l -> l.childId() == line.childId() && l.unit().equals(line.unit())
                        && l.activity().equals(line.activity()) && l.days().contains(day)), "the day paid is on no line");
                assertEquals(before.subList(1, before.size()), after.subList(1, after.size()), "the other families unchanged");
                // the porte-monnaie gives the day back: drafted again, the table empty again
                st.execute("delete from wallet_booking");
                assertEquals(family.draft(), DraftReader.drafts(c, billing, "REST", FROM, TO).get(0).draft());
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }
}
