package fr.portailfamille.platform.booking.window;

import fr.portailfamille.booking.window.Criterion;
import fr.portailfamille.booking.window.WindowPeriod;
import fr.portailfamille.booking.window.WindowRules;
import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.platform.kernel.PlatformTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

/** An activity's period opened by request window: its dates, the commune's weights, its state and recorded seed. */
@Entity
@Table(name = "opening_window")
public class OpeningWindow {

    /** Taking requests (or closed and waiting for its allocation), allocated (preview, adjustments), published. */
    public enum State { OPEN, ALLOCATED, PUBLISHED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "activity_id")
    private Activity activity;
    @Column(name = "period_from")
    private LocalDate periodFrom;
    @Column(name = "period_to")
    private LocalDate periodTo;
    @Column(name = "opens_at")
    private LocalDateTime opensAt;
    @Column(name = "closes_at")
    private LocalDateTime closesAt;
    @Column(name = "weight_resident")
    private int weightResident;
    @Column(name = "weight_both_working")
    private int weightBothWorking;
    @Column(name = "weight_sibling")
    private int weightSibling;
    @Column(name = "weight_health")
    private int weightHealth;
    @Column(name = "weight_previous")
    private int weightPrevious;
    @Column(name = "weight_social")
    private int weightSocial;
    @Column(name = "qf_ceiling")
    private Integer qfCeiling;
    @Column(name = "siblings_together")
    private boolean siblingsTogether;
    @Column(name = "proof_required")
    private boolean proofRequired;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private State state = State.OPEN;
    private Long seed;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "allocated_at")
    private OffsetDateTime allocatedAt;
    @Column(name = "published_by")
    private String publishedBy;
    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    protected OpeningWindow() {
    }

    OpeningWindow(Activity activity, WindowSettings s, String createdBy) {
        this.activity = activity;
        this.periodFrom = s.periodFrom();
        this.periodTo = s.periodTo();
        this.opensAt = s.opensAt();
        this.closesAt = s.closesAt();
        Map<Criterion, Integer> w = s.rules().weights();
        this.weightResident = w.getOrDefault(Criterion.RESIDENT, 0);
        this.weightBothWorking = w.getOrDefault(Criterion.BOTH_PARENTS_WORKING, 0);
        this.weightSibling = w.getOrDefault(Criterion.SIBLING_PLACED, 0);
        this.weightHealth = w.getOrDefault(Criterion.DISABILITY_OR_PAI, 0);
        this.weightPrevious = w.getOrDefault(Criterion.PREVIOUS_ATTENDANCE, 0);
        this.weightSocial = w.getOrDefault(Criterion.SOCIAL_QF, 0);
        this.qfCeiling = s.rules().qfCeiling();
        this.siblingsTogether = s.rules().siblingsTogether();
        this.proofRequired = s.proofRequired();
        this.createdBy = createdBy;
    }

    /** The commune's weights for this window. */
    public WindowRules rules() {
        Map<Criterion, Integer> w = new EnumMap<>(Criterion.class);
        w.put(Criterion.RESIDENT, weightResident);
        w.put(Criterion.BOTH_PARENTS_WORKING, weightBothWorking);
        w.put(Criterion.SIBLING_PLACED, weightSibling);
        w.put(Criterion.DISABILITY_OR_PAI, weightHealth);
        w.put(Criterion.PREVIOUS_ATTENDANCE, weightPrevious);
        w.put(Criterion.SOCIAL_QF, weightSocial);
        return new WindowRules(w, qfCeiling, siblingsTogether);
    }

    public WindowPeriod period() {
        return new WindowPeriod(opensAt, closesAt);
    }

    /** Closed now, before its closing date-time. */
    void closeAt(LocalDateTime now) {
        if (now.isBefore(closesAt)) {
            closesAt = now;
        }
    }

    void allocated(long seed) {
        this.seed = seed;
        this.state = State.ALLOCATED;
        this.allocatedAt = OffsetDateTime.now(PlatformTime.ZONE);
    }

    void published(String by) {
        this.state = State.PUBLISHED;
        this.publishedBy = by;
        this.publishedAt = OffsetDateTime.now(PlatformTime.ZONE);
    }

    public Long getId() { return id; }
    public Activity getActivity() { return activity; }
    public LocalDate getPeriodFrom() { return periodFrom; }
    public LocalDate getPeriodTo() { return periodTo; }
    public LocalDateTime getOpensAt() { return opensAt; }
    public LocalDateTime getClosesAt() { return closesAt; }
    public boolean isSiblingsTogether() { return siblingsTogether; }
    public boolean isProofRequired() { return proofRequired; }
    public State getState() { return state; }
    public Long getSeed() { return seed; }
    public String getCreatedBy() { return createdBy; }
    public OffsetDateTime getAllocatedAt() { return allocatedAt; }
    public String getPublishedBy() { return publishedBy; }
    public OffsetDateTime getPublishedAt() { return publishedAt; }
}
