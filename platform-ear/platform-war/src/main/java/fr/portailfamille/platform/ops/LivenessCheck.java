package fr.portailfamille.platform.ops;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code /health/live}: the process answers and none of its threads is deadlocked. It asks nothing of the
 * database or Keycloak, so an outage of theirs never restarts the pods (readiness takes them out instead).
 * When threads are deadlocked, the answer names them, the locks and where they wait.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = threads.findDeadlockedThreads();
        if (deadlocked == null) {
            return HealthCheckResponse.named("process").up().withData("deadlockedThreads", 0).build();
        }
        return HealthCheckResponse.named("process").down()
                .withData("deadlockedThreads", deadlocked.length)
                .withData("cycle", describe(threads.getThreadInfo(deadlocked, true, true)))
                .build();
    }

    /** Who waits for what, and where: enough to find the two locks taken in opposite orders. */
    static String describe(ThreadInfo[] infos) {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue;
            }
            out.append(info.getThreadName()).append(" waits for ").append(info.getLockName())
                    .append(" held by ").append(info.getLockOwnerName()).append(" at");
            StackTraceElement[] frames = info.getStackTrace();
            for (int i = 0; i < Math.min(6, frames.length); i++) {
                out.append(' ').append(frames[i].getClassName()).append('.').append(frames[i].getMethodName());
            }
            out.append("; ");
        }
        return out.toString();
    }
}
