package fr.portailfamille.platform.booking.window;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A window as agents list it: activity, period, dates, state, requests received, seed once drawn, seats given. */
public class WindowSummary implements java.io.Serializable {

    private final long id;
    private final String activity;
    private final LocalDate periodFrom;
    private final LocalDate periodTo;
    private final LocalDateTime opensAt;
    private final LocalDateTime closesAt;
    private final OpeningWindow.State state;
    private final long requests;
    private final Long seed;
    private final long placed;
    private final long waiting;

    WindowSummary(long id, String activity, LocalDate periodFrom, LocalDate periodTo, LocalDateTime opensAt,
                  LocalDateTime closesAt, OpeningWindow.State state, long requests, Long seed, long placed, long waiting) {
        this.id = id;
        this.activity = activity;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.state = state;
        this.requests = requests;
        this.seed = seed;
        this.placed = placed;
        this.waiting = waiting;
    }

    /**
     * The state in French words, for the families' API's refusals (the agents' page reads its words from the bundle,
     * {@code fenetre.agent.state.*}).
     */
    public String getStateLabel() {
        return switch (state) {
            case OPEN -> "demandes ouvertes";
            case ALLOCATED -> "attribuée, à publier";
            case PUBLISHED -> "publiée";
        };
    }

    /**
     * What the agents' page calls the window: its state, and for an OPEN one whether requests are not open yet
     * ({@code OPEN_BEFORE}), open, or closed and waiting to be allocated ({@code OPEN_OVER}) — as the families see it.
     */
    public String getPhase() {
        return phase(fr.portailfamille.platform.kernel.PlatformTime.now());
    }

    String phase(LocalDateTime now) {
        if (state != OpeningWindow.State.OPEN || opensAt == null || closesAt == null) {
            return state.name();
        }
        return now.isBefore(opensAt) ? "OPEN_BEFORE" : now.isBefore(closesAt) ? "OPEN" : "OPEN_OVER";
    }

    public long getId() { return id; }
    public String getActivity() { return activity; }
    public LocalDate getPeriodFrom() { return periodFrom; }
    public LocalDate getPeriodTo() { return periodTo; }
    public LocalDateTime getOpensAt() { return opensAt; }
    public LocalDateTime getClosesAt() { return closesAt; }
    public OpeningWindow.State getState() { return state; }
    public long getRequests() { return requests; }
    public Long getSeed() { return seed; }
    public long getPlaced() { return placed; }
    public long getWaiting() { return waiting; }
}
