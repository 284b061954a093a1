package fr.portailfamille.bench;

import fr.portailfamille.billing.Adjustment;
import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.DraftPipeline;
import fr.portailfamille.billing.DraftReader;
import fr.portailfamille.billing.FamilyInvoice;
import fr.portailfamille.billing.InvoiceStore;
import fr.portailfamille.billing.QfBracket;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.tenancy.TenantMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Bench 4: a régie's monthly invoicing run for {@value #FAMILIES} families on real PostgreSQL (zonky
 * embedded, 127.0.0.1, random port, durability on), schema migrated by {@link TenantMigrator}. A month
 * of generated bookings (canteen 4 days a week, after-school care 2 days a week, one to three children
 * per family, QF in every bracket and missing, residents and not, late bookings, pointage with excused
 * and unexcused absences) is invoiced by the platform's own code: {@link DraftReader#drafts} (one query,
 * priced by the tariff rules) then {@link InvoiceStore#issueAll} per chunk of {@link #CHUNK} families in one
 * transaction (gap-free numbers, invoices, lines and billed days, run progress, audit) — what
 * {@code InvoicingRun} runs in the background, without JTA and EclipseLink around it. Wall-clock seconds
 * and CPU seconds (this JVM and PostgreSQL, {@link CpuClock}) are both reported. The baseline is a plain SQL aggregate
 * of the same booking rows (count and price per family by bracket) on the same database in the same run.
 */
public final class InvoicingBench {

    static final String SCHEMA = "commune_bench";
    static final int FAMILIES = Integer.getInteger("bench.families", 10_000);
    static final LocalDate FROM = LocalDate.of(2027, 3, 1);
    static final LocalDate TO = LocalDate.of(2027, 3, 31);
    static final double TARGET_S = 60;
    static final double TARGET_RATIO = 5;
    /** Families per transaction, as {@code InvoicingRun} ({@link InvoiceStore#chunkSize}); {@code -Dbench.chunk=N} to try another. */
    static final int CHUNK = Integer.getInteger("bench.chunk", InvoiceStore.chunkSize(FAMILIES));
    /**
     * {@code -Dbench.profile=true}: PostgreSQL with {@code pg_stat_statements}, whose top statements of the
     * run are printed (not in the report), with the plan of the drafts' query before the run and that of recording
     * 2,000 billed days at the end (rolled back).
     */
    static final boolean PROFILE = Boolean.getBoolean("bench.profile");
    /**
     * {@code -Dbench.warmup=N}: before the measured run, the same month is invoiced for N families of another commune
     * ({@value #WARM_SCHEMA}, same generator) by the same code in this JVM, so that the measured run is the server's
     * second, its code compiled by the JIT, as on a platform that has run before (the JIT's backlog let finish first,
     * {@link #jitQuiet}); the measured commune's tables are untouched. 0 (the default): the measured run is the JVM's first (cold).
     */
    static final int WARMUP = Integer.getInteger("bench.warmup", 0);
    static final String WARM_SCHEMA = "commune_bench_warm";
    /**
     * {@code -Dbench.pipeline=false}: every family priced before the first chunk is written, as before
     * {@code DraftPipeline} (to measure what it brings; the platform always pipelines).
     */
    static final boolean PIPELINE = !"false".equals(System.getProperty("bench.pipeline"));
    /** {@code -Dbench.warmupRuns=K}: K warm-up runs, each of {@link #WARMUP} families of its own commune (default 1). */
    static final int WARMUP_RUNS = Integer.getInteger("bench.warmupRuns", 1);

    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    public static void main(String[] args) throws Exception {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        // a warm run reports apart (bench/run runs both): cold, the JVM's first; warm, a server that has invoiced before
        Report r = new Report(args, WARMUP > 0 ? "4-invoicing-warm" : "4-invoicing");
        BenchPostgres.run(PROFILE ? java.util.Map.of("shared_preload_libraries", "pg_stat_statements",
                "pg_stat_statements.track", "all") : java.util.Map.of(), pg -> run(pg, r));
        r.write();
    }

    static BillingConfiguration billing() {
        List<QfBracket> brackets = List.of(new QfBracket("T1", "0 – 450", 0, 450), new QfBracket("T2", "451 – 700", 451, 700),
                new QfBracket("T3", "701 – 1000", 701, 1000), new QfBracket("T4", "1001 et plus", 1001, null));
        BillingSettings settings = new BillingSettings(12, List.of("87000"), brackets);
        Tariff canteen = new Tariff("CANTINE", null, LocalDate.of(2026, 9, 1), Tariff.Mode.BRACKETS,
                List.of(new Tariff.BracketPrice("T1", 110L), new Tariff.BracketPrice("T2", 250L),
                        new Tariff.BracketPrice("T3", 350L), new Tariff.BracketPrice("T4", 420L)),
                480L, null, null, null, Adjustment.percent("25"), new BigDecimal("10"), new BigDecimal("20"),
                Adjustment.percent("20"), true, 549L);
        Tariff care = new Tariff("PERI", null, LocalDate.of(2026, 9, 1), Tariff.Mode.BRACKETS,
                List.of(new Tariff.BracketPrice("T1", 80L), new Tariff.BracketPrice("T2", 150L),
                        new Tariff.BracketPrice("T3", 210L), new Tariff.BracketPrice("T4", 260L)),
                300L, null, null, null, Adjustment.fixed(50), new BigDecimal("10"), null,
                Adjustment.fixed(100), true, 400L);
        Regie regie = new Regie("REST", "Régie restauration et périscolaire", "RP", "Régisseur", "regie@bench.test", null,
                List.of("CANTINE", "PERI"), null);
        return new BillingConfiguration(settings, List.of(regie), List.of(canteen, care));
    }

    private static void run(EmbeddedPostgres pg, Report r) throws Exception {
        PGSimpleDataSource admin = dataSource(pg.getPort(), null);
        TenantMigrator migrator = new TenantMigrator(admin);
        migrator.migratePlatform();
        migrator.migrateCommune(SCHEMA);
        PGSimpleDataSource ds = dataSource(pg.getPort(), SCHEMA);
        long bookings;
        int children;
        CpuClock cpu;
        String version;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            long t0 = System.nanoTime();
            seed(st);
            System.out.printf("seeded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            bookings = count(st, "select count(*) from booking");
            children = (int) count(st, "select count(*) from child");
            version = one(st, "show server_version");
            cpu = new CpuClock(count(st, "select pg_backend_pid()"));
            if (PROFILE) {
                st.execute("create extension if not exists pg_stat_statements schema public");
            }
        }
        BillingConfiguration billing = billing();

        // --- baseline: a plain SQL aggregate of the same rows, priced by bracket --------------------
        String aggregate = "select f.id, count(*), sum(coalesce(tp.price_cents, t.maximum_cents))"
                + " from booking b join child c on c.id = b.child_id join family f on f.id = c.family_id"
                + " join activity_unit u on u.id = b.unit_id join activity a on a.id = u.activity_id"
                + " join regie_activity ra on ra.activity_id = a.id join regie r on r.id = ra.regie_id"
                + " join tariff t on t.activity_id = a.id"
                + " left join qf_bracket q on f.quotient_familial between q.qf_min and coalesce(q.qf_max, 2147483647)"
                + " left join tariff_price tp on tp.tariff_id = t.id and tp.bracket_id = q.id"
                + " where r.code = 'REST' and b.day between '" + FROM + "' and '" + TO + "'"
                + " and b.status in ('BOOKED', 'BOOKED_LATE', 'PRESENT', 'ABSENT_EXCUSED', 'ABSENT_BILLED')"
                + " and not exists (select 1 from billed_month m where m.child_id = b.child_id and m.unit_id = b.unit_id"
                + " and m.month = b.day - extract(day from b.day)::int + 1 and m.days & (1 << (extract(day from b.day)::int - 1)) <> 0)"
                + " group by f.id";
        double baselineS = Double.MAX_VALUE;
        double baselineCpu = Double.MAX_VALUE;
        long baselineRows = 0;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (int i = 0; i < 3; i++) {   // best of 3: the aggregate's own speed, caches warm
                long t0 = System.nanoTime();
                double c0 = cpu.now();
                long rows = 0;
                try (ResultSet rs = st.executeQuery(aggregate)) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                baselineS = Math.min(baselineS, (System.nanoTime() - t0) / 1e9);
                baselineCpu = Math.min(baselineCpu, cpu.now() - c0);
                baselineRows = rows;
            }
        }

        // --- the run: drafts, then one transaction per family ------------------------------------
        if (PROFILE) {
            draftsPlan(ds);
        }
        if (PROFILE) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("select public.pg_stat_statements_reset()");
                st.execute("select pg_stat_reset()");
            }
        }
        long regieId;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            regieId = count(st, "select id from regie where code = 'REST'");
        }
        // -Dbench.warmDrafts=N: the drafts read N times more before the run, each timed (printed, not in the report):
        // what they cost once the JVM has compiled the code, as in a long-running server
        for (int i = 0; i < Integer.getInteger("bench.warmDrafts", 0); i++) {
            try (Connection c = ds.getConnection()) {
                long t0 = System.nanoTime();
                double jvm0 = CpuClock.jvm();
                int n = DraftReader.drafts(c, billing(), "REST", FROM, TO).size();
                System.out.printf("drafts read again (%d families): %.2f s, JVM CPU %.2f s%n", n, (System.nanoTime() - t0) / 1e9,
                        CpuClock.jvm() - jvm0);
            }
        }
        if (WARMUP > 0) {
            for (int k = 1; k <= WARMUP_RUNS; k++) {
                warmUp(migrator, pg.getPort(), billing, k == 1 ? WARM_SCHEMA : WARM_SCHEMA + k);
            }
        }
        double jit0 = CpuClock.jit();
        long expectedTotal = 0;
        int failures = 0;
        int families;
        double readS;
        double readCpu;
        double runS;
        double runCpu;
        double runJvm;
        double jitS;
        // one connection for the whole run, so that its backend's CPU is read while it lives (a closed
        // backend's CPU is counted only once the postmaster has reaped it)
        try (Connection c = ds.getConnection()) {
            long t0 = System.nanoTime();
            double c0 = cpu.now();
            double jvm0 = CpuClock.jvm();
            long runId;
            DraftReader.Drafts drafts = DraftReader.read(c, billing, "REST", FROM, TO);
            families = drafts.size();
            try (Statement st = c.createStatement()) {
                runId = count(st, "insert into billing_run (regie_id, period_start, period_end, state, families_total,"
                        + " started_by) values (" + regieId + ", '" + FROM + "', '" + TO + "', 'RUNNING', " + families
                        + ", 'bench') returning id");
            }
            readS = (System.nanoTime() - t0) / 1e9;
            readCpu = cpu.now() - c0;
            InvoiceStore.RunContext ctx = new InvoiceStore.RunContext(runId, regieId, "REST", FROM, TO, TO.plusDays(30), "bench");
            long[] issued = issue(c, SCHEMA, ctx, drafts, t0);
            expectedTotal = issued[0];
            failures = (int) issued[1];
            runS = (System.nanoTime() - t0) / 1e9;
            runCpu = cpu.now() - c0;
            runJvm = CpuClock.jvm() - jvm0;
            jitS = CpuClock.jit() - jit0;
            // the run's wall-clock window (printed, not in the report): to cut a profile of the whole bench to it
            System.out.printf("run window: %s to %s%n", java.time.Instant.now().minusNanos(System.nanoTime() - t0),
                    java.time.Instant.now());
        }
        if (PROFILE) {
            profile(ds);
        }

        long invoices;
        long total;
        long lines;
        long billedDays;
        long maxSequence;
        long rerun;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            invoices = count(st, "select count(*) from invoice");
            total = count(st, "select coalesce(sum(total_cents), 0) from invoice");
            lines = count(st, "select count(*) from invoice_line");
            billedDays = count(st, "select coalesce(sum(cardinality(line_days(days, days_month, days_bits))), 0) from invoice_line");
            long billedBits = count(st, "select coalesce(sum(bit_count(days::bit(32))), 0) from billed_month");
            if (billedBits != billedDays) {
                throw new IllegalStateException(billedBits + " days in billed_month, " + billedDays + " in the lines");
            }
            maxSequence = count(st, "select coalesce(max(sequence), 0) from invoice");
            rerun = DraftReader.drafts(c, billing, "REST", FROM, TO).stream().filter(f -> !f.draft().lines().isEmpty()).count();
        }
        boolean consistent = failures == 0 && invoices == families && total == expectedTotal && maxSequence == invoices
                && rerun == 0;

        r.line("## 4. Invoicing run: " + FAMILIES + " families × 1 month (PostgreSQL)");
        r.line("");
        r.line("What: régie `REST` (canteen + after-school care) invoices " + Report.f("%,d", bookings) + " booking rows of "
                + Report.f("%,d", children) + " children in " + FAMILIES + " families for " + FROM + " – " + TO
                + " with the platform's code: `DraftReader.read` (the régie's units, then one query: one row per child and unit with its days coded as"
                + " integers and its billed months, grouped in parallel by PostgreSQL, split by case and month in Java), then"
                + (PIPELINE ? " `DraftPipeline`: each chunk priced on one thread while the one before is written on the run's"
                        : " every family priced first, then written (`-Dbench.pipeline=false`, as before `DraftPipeline`)")
                + " (each run of"
                + " days of one tariff priced once by `Pricing`/`InvoiceCalculator`:"
                + " brackets, missing/expired QF → maximum, non-residents +25 %, siblings −10/−20 %, late surcharge,"
                + " excused absences free, unbooked presence at the penalty price; each distinct case of a family's facts priced once by"
                + " `Pricing.Memo`, shared by the families of equal facts; each chunk's lines made into the statements' arrays"
                + " there too, `InvoiceStore.prepare`), then `InvoiceStore.issueAll` per chunk of " + CHUNK + " families in one transaction, as `InvoicingRun`"
                + " (the chunk's numbers taken at once, then its invoices, lines with their days, audit, progress and billed"
                + " days, as one bitmask per child, unit and month (`bill_days`), in one statement;"
                + " a failed chunk is redone family by family; their references checked once per statement, tenant V30)."
                + " Not included: JTA/EclipseLink around each chunk and the PDFs (bench 5).");
        r.line("");
        r.line("PostgreSQL " + version + " (zonky embedded, 127.0.0.1, fsync and synchronous_commit on, same 2 cores).");
        r.line("");
        r.line("| measure | value |");
        r.line("| --- | --- |");
        r.line("| plain SQL aggregate of the same rows (count and price per family, best of 3) | " + Report.f("%.2f s", baselineS)
                + " (" + baselineRows + " families) |");
        r.line("| drafts' rows read (the query, grouped by family) | " + Report.f("%.2f s", readS) + " |");
        r.line("| whole run (rows read, then " + families + " families priced and written, " + CHUNK + " per transaction) | "
                + Report.f("%.2f s", runS) + " |");
        r.line("| JVM before the run | " + (WARMUP > 0 ? "warm: the same month of " + WARMUP + " families of "
                + (WARMUP_RUNS == 1 ? "another commune" : WARMUP_RUNS + " other communes, one after the other,")
                + " invoiced first by the same code (`-Dbench.warmup`, `-Dbench.warmupRuns`), the JIT let finish, the"
                + " other communes dropped" : "cold: the run is the JVM's first") + " |");
        r.line("| ratio run / aggregate | " + Report.f("%.1f", runS / baselineS) + " × |");
        r.line("| CPU seconds (this JVM + PostgreSQL): aggregate, rows read, whole run | " + Report.f("%.2f s, %.2f s, %.2f s", baselineCpu,
                readCpu, runCpu) + " (of which the JVM " + Report.f("%.2f s", runJvm) + ") |");
        // on 2 cores, what a cold JVM's run pays that a warm one does not
        r.line("| of the JVM's CPU, its JIT compilers' threads | " + Report.f("%.2f s", jitS) + " |");
        r.line("| CPU ratio run / aggregate (what a loaded machine compares) | " + Report.f("%.1f", runCpu / baselineCpu) + " × |");
        r.line("| invoices, lines, billed days | " + invoices + ", " + lines + ", " + billedDays + " |");
        r.line("| total billed | " + fr.portailfamille.billing.Money.format(total) + " |");
        r.line("| numbers gap-free (max sequence = invoices) | " + (maxSequence == invoices) + " |");
        r.line("| re-run bills nothing more | " + (rerun == 0) + " |");
        r.line("| families failed | " + failures + " |");
        // the targets are set for 10,000 families: a smaller run (e.g. on a loaded machine) is recorded, not judged
        boolean judged = FAMILIES == 10_000;
        String jvm = WARMUP > 0 ? ", warm JVM" : ", cold JVM";
        r.target("4a invoicing run, " + FAMILIES + " families" + jvm, Report.f("%.1f s", runS), "< " + (int) TARGET_S + " s (10,000 families)",
                judged ? Boolean.valueOf(runS < TARGET_S && consistent) : consistent ? null : Boolean.FALSE);
        r.target("4b invoicing run / SQL aggregate" + jvm, Report.f("%.1f ×", runS / baselineS) + " (aggregate "
                + Report.f("%.2f s", baselineS) + "; CPU " + Report.f("%.1f ×", runCpu / baselineCpu) + ")", "≤ " + (int) TARGET_RATIO + " ×",
                judged ? Boolean.valueOf(runS / baselineS <= TARGET_RATIO && consistent) : consistent ? null : Boolean.FALSE);
    }

    /**
     * Issues {@code drafts} as {@code InvoicingRun} does: {@link #CHUNK} families per transaction, a chunk that fails
     * redone family by family.
     *
     * @return the total of the families issued and the number of families that failed
     */
    static long[] issue(Connection c, String schema, InvoiceStore.RunContext ctx, DraftReader.Drafts drafts, long t0)
            throws SQLException {
        long[] totalAndFailures = new long[2];
        int[] done = new int[1];
        c.setAutoCommit(false);
        // as InvoicingRun: CHUNK families per transaction, each priced while the one before is written; a chunk that
        // fails is redone family by family
        DraftPipeline.ChunkWriter<InvoiceStore.Chunk, SQLException> writer = chunk -> {
            if (done[0] % 1000 == 0) {
                System.out.printf("%6d families written at %6.2f s%n", done[0], (System.nanoTime() - t0) / 1e9);
            }
            done[0] += chunk.families().size();
            try {
                InvoiceStore.issueAll(c, schema, ctx, chunk);
                c.commit();
                for (FamilyInvoice family : chunk.families()) {
                    totalAndFailures[0] += family.draft().totalCents();
                }
            } catch (SQLException chunkFailed) {
                c.rollback();
                for (FamilyInvoice family : chunk.families()) {
                    try {
                        InvoiceStore.issue(c, schema, ctx, family);
                        c.commit();
                        totalAndFailures[0] += family.draft().totalCents();
                    } catch (SQLException e) {
                        c.rollback();
                        totalAndFailures[1]++;
                    }
                }
            }
        };
        if (PIPELINE) {
            DraftPipeline.run(drafts, CHUNK, Thread::new, writer);
        } else {
            // every family priced first, then written: the run before DraftPipeline
            List<FamilyInvoice> all = drafts.remaining();
            for (int i = 0; i < all.size(); i += CHUNK) {
                writer.write(InvoiceStore.prepare(all.subList(i, Math.min(i + CHUNK, all.size()))));
            }
        }
        c.setAutoCommit(true);
        return totalAndFailures;
    }

    /** {@link #WARMUP} families of {@value #WARM_SCHEMA} invoiced for the same month, timed (printed, not in the report). */
    private static void warmUp(TenantMigrator migrator, int port, BillingConfiguration billing, String schema) throws SQLException {
        migrator.migrateCommune(schema);
        PGSimpleDataSource warm = dataSource(port, schema);
        try (Connection c = warm.getConnection(); Statement st = c.createStatement()) {
            seed(st, WARMUP);
            long t0 = System.nanoTime();
            double jvm0 = CpuClock.jvm();
            DraftReader.Drafts drafts = DraftReader.read(c, billing, "REST", FROM, TO);
            long regieId = count(st, "select id from regie where code = 'REST'");
            long runId = count(st, "insert into billing_run (regie_id, period_start, period_end, state, families_total,"
                    + " started_by) values (" + regieId + ", '" + FROM + "', '" + TO + "', 'RUNNING', " + drafts.size()
                    + ", 'bench') returning id");
            long[] issued = issue(c, schema, new InvoiceStore.RunContext(runId, regieId, "REST", FROM, TO,
                    TO.plusDays(30), "bench"), drafts, t0);
            System.out.printf("warm-up: %d families of %s invoiced in %.2f s, JVM CPU %.2f s, %d failed%n", drafts.size(),
                    schema, (System.nanoTime() - t0) / 1e9, CpuClock.jvm() - jvm0, issued[1]);
            // the warm-up commune dropped and its writes flushed now, rather than by a checkpoint during the measured
            // run: the database holds the measured commune alone, as in a cold run (with three more communes of
            // bookings, the aggregate itself took twice as long: the default 128 MB of shared buffers no longer hold them)
            st.execute("drop schema " + schema + " cascade");
            st.execute("checkpoint");
        }
        System.out.printf("JIT quiet after %.1f s more%n", jitQuiet());
    }

    /**
     * Waits until the JIT has compiled what the warm-up made hot: on 2 cores its one optimising compiler thread is
     * seconds behind (bench 4: the pricing and the writing code were still being compiled during the measured run
     * that followed a warm-up of 10,000 or 20,000 families, 1.4-1.6 s of its CPU), which a server that has run before
     * has long finished. Quiet: no compilation time added for one second; at most 30 seconds.
     *
     * @return the seconds waited
     */
    static double jitQuiet() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long t0 = System.nanoTime();
        long last = jit.getTotalCompilationTime();
        try {
            while (System.nanoTime() - t0 < 30_000_000_000L) {
                Thread.sleep(1000);
                long now = jit.getTotalCompilationTime();
                if (now == last) {
                    break;
                }
                last = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** One régie, two activities, brackets and tariffs as {@link #billing()}, then the families and a month of bookings. */
    static void seed(Statement st) throws SQLException {
        seed(st, FAMILIES);
    }

    /** {@link #seed(Statement)} with {@code families} families. */
    static void seed(Statement st, int families) throws SQLException {
        st.execute("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                + " values ('CANTINE', 'Restauration scolaire', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59', 'SURCHARGED'),"
                + " ('PERI', 'Accueil périscolaire', 'PERISCOLAIRE', 'J-2@23:59', 'J-2@23:59', 'SURCHARGED')");
        st.execute("insert into activity_unit (activity_id, code, label, capacity) select id, case code when 'CANTINE'"
                + " then 'MIDI' else 'SOIR' end, case code when 'CANTINE' then 'Midi' else 'Soir' end, 100000 from activity");
        st.execute("insert into regie (code, label, invoice_prefix) values ('REST', 'Régie restauration et périscolaire', 'RP')");
        st.execute("insert into regie_activity (activity_id, regie_id) select a.id, r.id from activity a, regie r");
        st.execute("insert into qf_bracket (code, label, qf_min, qf_max) values ('T1', '0 – 450', 0, 450),"
                + " ('T2', '451 – 700', 451, 700), ('T3', '701 – 1000', 701, 1000), ('T4', '1001 et plus', 1001, null)");
        st.execute("insert into tariff (activity_id, valid_from, mode, maximum_cents) select id, '2026-09-01', 'BRACKETS',"
                + " case code when 'CANTINE' then 480 else 300 end from activity");
        st.execute("insert into tariff_price (tariff_id, bracket_id, price_cents) select t.id, q.id, case a.code"
                + " when 'CANTINE' then (array[110, 250, 350, 420])[q.id - (select min(id) from qf_bracket) + 1]"
                + " else (array[80, 150, 210, 260])[q.id - (select min(id) from qf_bracket) + 1] end"
                + " from tariff t join activity a on a.id = t.activity_id cross join qf_bracket q");
        // families: QF spread over the brackets, 1 in 12 without QF, 1 in 15 with an expired proof, 1 in 8 non-resident
        st.execute("insert into family (label, postcode, quotient_familial, qf_source, qf_proof_date)"
                + " select 'Famille ' || lpad(g::text, 6, '0'), case when g % 8 = 0 then '87100' else '87000' end,"
                + " case when g % 12 = 0 then null else (g * 37) % 1400 end, case when g % 12 = 0 then null else 'CAF' end,"
                + " case when g % 12 = 0 then null when g % 15 = 0 then date '2025-06-01' else date '2026-09-15' end"
                + " from generate_series(1, " + families + ") g");
        // one to three children per family (1: 55 %, 2: 35 %, 3: 10 %)
        st.execute("insert into child (family_id, first_name, last_name, birth_date)"
                + " select f.id, 'Enfant' || k, 'Famille ' || f.id, date '2015-01-01' + ((f.id * 97 + k * 400) % 2500)::int"
                + " from family f cross join generate_series(1, 3) k"
                + " where k = 1 or (k = 2 and f.id % 20 < 9) or (k = 3 and f.id % 20 < 2)");
        // canteen Mon, Tue, Thu, Fri; after-school care Tue, Thu (school days of March 2027)
        st.execute("insert into booking (child_id, unit_id, day, status, surcharged, unbooked)"
                + " select c.id, u.id, d::date,"
                + " case when (c.id + extract(day from d)::int) % 29 = 0 then 'ABSENT_EXCUSED'"
                + " when (c.id + extract(day from d)::int) % 31 = 0 then 'ABSENT_BILLED'"
                + " when (c.id + extract(day from d)::int) % 23 = 0 then 'BOOKED_LATE'"
                + " when extract(day from d) < 15 then 'PRESENT' else 'BOOKED' end,"
                + " (c.id + extract(day from d)::int) % 23 = 0,"
                // a few children came without booking (pointed present, billed at the penalty price)
                + " (c.id + extract(day from d)::int) % 211 = 0 and extract(day from d) < 15"
                + " and (c.id + extract(day from d)::int) % 29 <> 0 and (c.id + extract(day from d)::int) % 31 <> 0"
                + " and (c.id + extract(day from d)::int) % 23 <> 0"
                + " from child c cross join activity_unit u join activity a on a.id = u.activity_id"
                + " cross join generate_series(date '" + FROM + "', date '" + TO + "', interval '1 day') d"
                + " where extract(isodow from d) <= 5 and ((a.code = 'CANTINE' and extract(isodow from d) <> 3)"
                + " or (a.code = 'PERI' and extract(isodow from d) in (2, 4)))");
        st.execute("analyze");
    }

    /** Prints the run's top statements by time, then the plan of recording 2,000 billed days (rolled back). */
    private static void profile(PGSimpleDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            System.out.println("--- top statements of the run (pg_stat_statements, track = all)");
            try (ResultSet rs = st.executeQuery("select calls, round(total_exec_time::numeric, 0), round(mean_exec_time::numeric, 3),"
                    + " rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) from public.pg_stat_statements"
                    + " order by total_exec_time desc limit 15")) {
                while (rs.next()) {
                    System.out.printf("%7d calls %8d ms %8.3f ms/call %8d rows  %s%n", rs.getLong(1), rs.getLong(2),
                            rs.getDouble(3), rs.getLong(4), rs.getString(5));
                }
            }
            c.setAutoCommit(false);
            long invoice = count(st, "insert into invoice (regie_id, family_id, sequence, number, period_start, period_end,"
                    + " total_cents, issued_by) select r.id, (select min(id) from family), 999999, 'PROFILE', '2027-04-01',"
                    + " '2027-04-30', 0, 'bench' from regie r where r.code = 'REST' returning id");
            count(st, "insert into invoice_line (invoice_id, position, child_name, activity_code, quantity,"
                    + " unit_price_cents, amount_cents, label) values (" + invoice + ", 1, 'x', 'CANTINE', 1, 0, 0, 'x') returning id");
            System.out.println("--- scans of the invoice tables during the run");
            try (ResultSet rs = st.executeQuery("select relname, seq_scan, seq_tup_read, idx_scan, n_live_tup,"
                    + " coalesce(last_autoanalyze::text, '-'), coalesce(last_analyze::text, '-') from pg_stat_user_tables"
                    + " where relname in ('invoice', 'invoice_line', 'billed_month', 'child', 'family', 'regie', 'billing_run') order by 1")) {
                while (rs.next()) {
                    System.out.printf("  %-13s seq_scan %6d seq_tup_read %12d idx_scan %9d live %8d autoanalyze %s analyze %s%n",
                            rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getString(7));
                }
            }
            System.out.println("--- plan of recording 2,000 billed days (50 children × 2 units × 20 days of April) at the end of the run");
            try (ResultSet rs = st.executeQuery("explain (analyze, buffers, wal) select bill_days(array_agg(c.id), array_agg(u.id),"
                    + " array_agg(date '2027-04-01'), array_agg((1 << 20) - 1)) from (select id from child order by id limit 50) c"
                    + " cross join activity_unit u")) {
                while (rs.next()) {
                    System.out.println("  " + rs.getString(1));
                }
            }
            c.rollback();
        }
    }

    /** Prints the plan of the drafts' query before the run (nothing billed yet: every row read). */
    private static void draftsPlan(PGSimpleDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            System.out.println("--- plan of the drafts' query before the run");
            for (String line : DraftReader.plan(c, "REST", FROM, TO)) {
                System.out.println("  " + line);
            }
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static PGSimpleDataSource dataSource(int port, String schema) {
        return SeatLockBench.dataSource(port, schema);
    }
}
