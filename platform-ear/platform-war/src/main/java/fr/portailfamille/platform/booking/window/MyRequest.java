package fr.portailfamille.platform.booking.window;

import fr.portailfamille.problems.Bilingual;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * "Ma demande": a family's request to a window, its state, then, once the agent published the allocation, what
 * each child got on each day and why in words.
 */
public class MyRequest implements java.io.Serializable {

    /** A child's day as the family reads it. */
    public static class Day implements java.io.Serializable {
        private final String child;
        private final LocalDate day;
        private final String unit;
        private final Bilingual result;
        private final String code;
        private final Integer waitingRank;

        Day(String child, LocalDate day, String unit, Bilingual result, String code, Integer waitingRank) {
            this.child = child;
            this.day = day;
            this.unit = unit;
            this.result = result;
            this.code = code;
            this.waitingRank = waitingRank;
        }

        /**
         * The result as a stable code for the families' applications: {@code EN_ATTENTE} (not allocated yet),
         * {@code PLACE}, {@code LISTE_ATTENTE} (with its rank), {@code NON_RETENU}, {@code PLACE_DEPUIS} (held since the
         * publication: a seat freed).
         */
        public String getCode() { return code; }
        /** The rank on the waiting list ({@code LISTE_ATTENTE}), else {@code null}. */
        public Integer getWaitingRank() { return waitingRank; }

        public String getChild() { return child; }
        public LocalDate getDay() { return day; }
        public String getUnit() { return unit; }
        /** What the child got that day and why, in French (the families' API). */
        public String getResult() { return result.french(); }
        /** The same in both languages (the page reads its own: {@code texts.in}). */
        public Bilingual getResultWords() { return result; }
    }

    private final long id;
    private final long windowId;
    private final String activity;
    private final LocalDate periodFrom;
    private final LocalDate periodTo;
    private final LocalDateTime closesAt;
    private final OffsetDateTime submittedAt;
    private final boolean published;
    private final boolean bothParentsWorking;
    private final List<Day> days;

    /** What the family sent, to open its request again as it was ({@link #asSent}). */
    private final Sent sent;

    /**
     * What the family sent: per child, the unit-days it asked ({@code unitId:day}, as the form's boxes are valued), its
     * "handicap ou PAI" answer and the proof it chose; read by the form only (no property: the families' API does not
     * show it).
     */
    public record Sent(java.util.Map<Long, List<String>> unitDays, boolean disability, Long proofId)
            implements java.io.Serializable {
    }

    MyRequest(long id, long windowId, String activity, LocalDate periodFrom, LocalDate periodTo, LocalDateTime closesAt,
              OffsetDateTime submittedAt, boolean published, boolean bothParentsWorking, List<Day> days, Sent sent) {
        this.sent = sent;
        this.id = id;
        this.windowId = windowId;
        this.activity = activity;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.closesAt = closesAt;
        this.submittedAt = submittedAt;
        this.published = published;
        this.bothParentsWorking = bothParentsWorking;
        this.days = List.copyOf(days);
    }

    /** The state in French words. */
    public String getState() {
        return published ? "résultat publié" : "demande enregistrée, en attente de l'attribution";
    }

    public long getId() { return id; }
    public long getWindowId() { return windowId; }
    public String getActivity() { return activity; }
    public LocalDate getPeriodFrom() { return periodFrom; }
    public LocalDate getPeriodTo() { return periodTo; }
    public LocalDateTime getClosesAt() { return closesAt; }
    public OffsetDateTime getSubmittedAt() { return submittedAt; }
    public boolean isPublished() { return published; }
    public boolean isBothParentsWorking() { return bothParentsWorking; }
    public List<Day> getDays() { return days; }
    /** What the family sent ({@link Sent}). */
    public Sent asSent() { return sent; }
}
