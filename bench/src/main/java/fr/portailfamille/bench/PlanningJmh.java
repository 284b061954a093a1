package fr.portailfamille.bench;

import java.util.Collection;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Bench 1: runs {@link PlanningBench} with JMH (one fork) and records the month's mean and p99
 * against the target of 5 ms per child and activity.
 */
public final class PlanningJmh {

    static final double TARGET_MS = 5.0;

    public static void main(String[] args) throws Exception {
        Options opts = new OptionsBuilder()
                .include(PlanningBench.class.getName() + "\\.")
                .forks(1)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(opts).run();

        Report r = new Report(args, "1-planning");
        r.line("## 1. Mon planning: one month for one child and one activity (JMH)");
        r.line("");
        r.line("What: `PlanningService#planning` minus its two queries: each unit's `ActivityUnit#plan()` (2 ×"
                + " `DeadlineCodec.parse`) then the platform's `MonthPlan.of` (tenant-config): 31 days × 3 units = 93"
                + " `LegendState.of` and, for days without a booking, `BookingRules.decideBooking`; December 2026 seen on 22 November 2026 10:00,"
                + " about half of the cells booked. JMH 1.37, 1 fork, 1 thread, 2 × 1 s warm-up;"
                + " measurement 3 × 2 s for the months (sample mode: every call timed, hence p50/p99),"
                + " 5 × 1 s for the single calls (average mode).");
        r.line("");
        r.line("| benchmark | mode | mean | ± error (99.9 %) | p50 | p99 | p99.9 | samples |");
        r.line("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        double worstP99Us = 0;
        double worstMeanUs = 0;
        for (RunResult rr : results) {
            Result<?> p = rr.getPrimaryResult();
            String bench = rr.getParams().getBenchmark();
            bench = bench.substring(bench.lastIndexOf('.') + 1);
            Statistics s = p.getStatistics();
            String unit = p.getScoreUnit();
            String mode = rr.getParams().getMode().shortLabel();
            boolean sample = rr.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SampleTime;
            r.line(Report.f("| `%s` | %s | %.2f %s | %.2f | %s | %s | %s | %s |", bench, mode, p.getScore(), unit,
                    p.getScoreError(),
                    sample ? Report.f("%.1f", s.getPercentile(50)) : "–",
                    sample ? Report.f("%.1f", s.getPercentile(99)) : "–",
                    sample ? Report.f("%.1f", s.getPercentile(99.9)) : "–",
                    sample ? Long.toString(s.getN()) : "–"));
            if (bench.startsWith("month")) {
                worstP99Us = Math.max(worstP99Us, s.getPercentile(99));
                worstMeanUs = Math.max(worstMeanUs, p.getScore());
            }
        }
        r.line("");
        r.line("Units: `us/op` = microseconds per month (p50/p99 in the same unit), `ns/op` = nanoseconds per call.");
        r.target("1. planning month", Report.f("worst month p99 %.3f ms (mean %.3f ms)", worstP99Us / 1000, worstMeanUs / 1000),
                "p99 < 5 ms per child/activity", worstP99Us / 1000 < TARGET_MS);
        r.write();
    }
}
