package fr.portailfamille.platform.booking.window;

import fr.portailfamille.problems.Bilingual;
import java.time.LocalDate;

/**
 * One line of an allocation as agents preview it: a child on a unit-day, what it got and why in words (a health
 * criterion reads "critère confidentiel" for agents without {@code agent-sante}), whether an agent adjusted it.
 */
public class AllocationLine implements java.io.Serializable {

    private final long wishId;
    private final String family;
    private final String child;
    private final LocalDate day;
    private final String unit;
    private final boolean placed;
    private final int waitingRank;
    private final Bilingual text;
    private final boolean adjusted;
    private final Long proofId;
    private final Bilingual proof;

    AllocationLine(long wishId, String family, String child, LocalDate day, String unit, boolean placed, int waitingRank,
                   Bilingual text, boolean adjusted) {
        this(wishId, family, child, day, unit, placed, waitingRank, text, adjusted, null, null);
    }

    /**
     * @param proofId the proof the family joined to its request, for agents to open it ({@code null}: none, or a health
     *                document an agent without {@code agent-sante} may not open)
     * @param proof   what the family declared and joined, in words ("parents qui travaillent — justificatif : … (validé)")
     */
    AllocationLine(long wishId, String family, String child, LocalDate day, String unit, boolean placed, int waitingRank,
                   Bilingual text, boolean adjusted, Long proofId, Bilingual proof) {
        this.proofId = proofId;
        this.proof = proof;
        this.wishId = wishId;
        this.family = family;
        this.child = child;
        this.day = day;
        this.unit = unit;
        this.placed = placed;
        this.waitingRank = waitingRank;
        this.text = text;
        this.adjusted = adjusted;
    }

    public long getWishId() { return wishId; }
    public String getFamily() { return family; }
    public String getChild() { return child; }
    public LocalDate getDay() { return day; }
    public String getUnit() { return unit; }
    public boolean isPlaced() { return placed; }
    public int getWaitingRank() { return waitingRank; }
    /** What it got and why, in French. */
    public String getText() { return text.french(); }
    /** What it got and why, in both languages (the page reads its own: {@code texts.in}). */
    public Bilingual getWords() { return text; }
    public boolean isAdjusted() { return adjusted; }
    public Long getProofId() { return proofId; }
    /** What the family declared and joined, in French. */
    public String getProof() { return proof == null ? null : proof.french(); }
    /** What the family declared and joined, in both languages (the page reads its own: {@code texts.in}). */
    public Bilingual getProofWords() { return proof; }
}
