package fr.portailfamille.platform.billing;

import java.time.OffsetDateTime;

/** An invoicing run as stored in {@code billing_run}: state and progress (never guessed). */
public record RunState(long id, String state, int done, int total, int issued, long totalCents, String startedBy,
        OffsetDateTime startedAt, OffsetDateTime finishedAt, String error) {

    public boolean isRunning() { return "RUNNING".equals(state); }
    public String getState() { return state; }
    public int getDone() { return done; }
    public int getTotal() { return total; }
    public int getIssued() { return issued; }
    public long getTotalCents() { return totalCents; }

    public String getStartedBy() { return startedBy; }
    public String getError() { return error; }

    /** Families done in percent; 100 only once the run has ended (the page's bar then stops polling). */
    public int getPercent() {
        if (!"RUNNING".equals(state)) {
            return 100;
        }
        return total == 0 ? 0 : (int) Math.min(99, 100L * done / total);
    }
}
