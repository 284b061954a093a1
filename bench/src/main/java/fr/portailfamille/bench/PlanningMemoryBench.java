package fr.portailfamille.bench;

import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.booking.CommuneCalendar;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bench 3: heap used once the month plannings of 1,000 children (one activity, 3 units, 31 days each)
 * are built and held, as a page or a cache would hold them. Rough: {@link MemoryMXBean} after
 * repeated {@code System.gc()}, before and after building. Each child has its own bookings (the
 * service loads them per child) and its own calendar (the service builds one per request); only the
 * plannings are kept.
 */
public final class PlanningMemoryBench {

    static final int CHILDREN = Integer.getInteger("bench.children", 1000);
    static final long TARGET_BYTES = 64L * 1024 * 1024;

    public static void main(String[] args) {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        List<MonthPlanner.UnitRow> units = MonthPlanner.periscolaire();
        Map<MonthPlan.UnitDay, Integer> seats = MonthPlanner.seats(units, MonthPlanner.MONTH, 42);
        // warm the code paths so that the baseline holds the same classes and caches
        MonthPlanner.planning(units, MonthPlanner.MONTH, seats, MonthPlanner.childBookings(units, MonthPlanner.MONTH, 0),
                MonthPlanner.calendar(MonthPlanner.NOW), MonthPlanner.SCHOOL_YEARS, MonthPlanner.NOW);

        long before = usedAfterGc(mem);
        long t0 = System.nanoTime();
        List<List<MonthPlan.Day>> plannings = new ArrayList<>(CHILDREN);
        int cells = 0;
        for (int child = 1; child <= CHILDREN; child++) {
            CommuneCalendar cal = MonthPlanner.calendar(MonthPlanner.NOW);
            List<MonthPlan.Day> p = MonthPlanner.planning(units, MonthPlanner.MONTH, seats,
                    MonthPlanner.childBookings(units, MonthPlanner.MONTH, child), cal, MonthPlanner.SCHOOL_YEARS,
                    MonthPlanner.NOW);
            plannings.add(p);
            for (MonthPlan.Day d : p) {
                cells += d.cells().size();
            }
        }
        double buildMs = (System.nanoTime() - t0) / 1e6;
        long after = usedAfterGc(mem);
        long retained = after - before;
        long max = mem.getHeapMemoryUsage().getMax();

        Report r = new Report(args, "3-memory");
        r.line("## 3. Memory: plannings of 1,000 children held on the heap");
        r.line("");
        r.line(Report.f("What: %d month plannings (December 2026, 3 units, %d cells in all) built with `MonthPlanner`"
                + " (the service's loop) and kept in a list; heap used from `MemoryMXBean` after 5 × `System.gc()`,"
                + " before and after. Own JVM, -Xmx%d MB, %s.", CHILDREN, cells, max / (1024 * 1024), gcNames()));
        r.line("");
        r.line("| heap used before | heap used after | held by the plannings | per child | per cell | build time (all children, cold-ish) |");
        r.line("| ---: | ---: | ---: | ---: | ---: | ---: |");
        r.line(Report.f("| %.1f MB | %.1f MB | %.1f MB | %.1f KB | %d B | %.0f ms |", mb(before), mb(after), mb(retained),
                retained / 1024.0 / CHILDREN, cells == 0 ? 0 : retained / cells, buildMs));
        r.line("");
        r.line("MB = 2^20 bytes. The verdict uses the whole heap used after GC (baseline included), the stricter reading.");
        r.target("3. planning heap", Report.f("%.1f MB heap used (%.1f MB held by the plannings)", mb(after), mb(retained)),
                "planning of 1,000 children < 64 MB heap", after < TARGET_BYTES);
        r.write();
        java.lang.ref.Reference.reachabilityFence(plannings);   // held until after the measure
    }

    private static long usedAfterGc(MemoryMXBean mem) {
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return mem.getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static String gcNames() {
        return String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
    }
}
