package fr.portailfamille.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds spent by this JVM and by the embedded PostgreSQL (its postmaster, every live child process,
 * and the children already reaped: parallel workers), read from {@code /proc}. On a machine shared with
 * other builds the wall clock of a phase depends on what else runs; its CPU seconds much less, so
 * comparisons of two versions measured under load are made on them.
 */
final class CpuClock {

    private static final double TICK = 100.0;   // USER_HZ on Linux

    private final long postmaster;

    /** @param backendPid the pid of any PostgreSQL backend ({@code select pg_backend_pid()}) */
    CpuClock(long backendPid) {
        this.postmaster = field(backendPid, 4);
    }

    /** This JVM's CPU seconds plus PostgreSQL's, now. */
    double now() {
        return jvm() + postgres();
    }

    static double jvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /**
     * The CPU seconds of this JVM's JIT compiler threads ({@code C1 CompilerThre…}, {@code C2 CompilerThre…} in
     * {@code comm} of each of {@code /proc/self/task}), alive now: what a cold run pays that a warm one does not.
     */
    static double jit() {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String comm;
                try {
                    comm = Files.readString(t.resolve("comm"));
                } catch (IOException gone) {
                    continue;
                }
                if (comm.contains("CompilerThre")) {
                    ticks += field(t.resolve("stat"), 14) + field(t.resolve("stat"), 15);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks / TICK;
    }

    double postgres() {
        if (postmaster <= 0) {
            return 0;
        }
        long ticks = field(postmaster, 14) + field(postmaster, 15) + field(postmaster, 16) + field(postmaster, 17);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    long pid = Long.parseLong(name);
                    if (pid != postmaster && field(pid, 4) == postmaster) {
                        ticks += field(pid, 14) + field(pid, 15);
                    }
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks / TICK;
    }

    /** Field {@code n} (1-based, as proc(5) numbers them: 4 ppid, 14 utime…) of {@code /proc/<pid>/stat}; 0 when unreadable. */
    private static long field(long pid, int n) {
        return field(Path.of("/proc/" + pid + "/stat"), n);
    }

    /** Field {@code n} of a {@code stat} file of proc(5) (a process's or a thread's); 0 when unreadable. */
    private static long field(Path statFile, int n) {
        try {
            String stat = Files.readString(statFile);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[n - 3]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
