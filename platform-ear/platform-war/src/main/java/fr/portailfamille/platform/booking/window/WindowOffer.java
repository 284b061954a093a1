package fr.portailfamille.platform.booking.window;

import java.time.LocalDate;
import java.util.List;

/**
 * What a family may ask for in a window: its children registered to the activity, the unit-days the period offers,
 * its documents that may prove an answer, and whether the commune requires that proof.
 */
public class WindowOffer implements java.io.Serializable {

    /** A child of the family, registered to the activity. */
    public static class Child implements java.io.Serializable {
        private final long id;
        private final String firstName;

        Child(long id, String firstName) {
            this.id = id;
            this.firstName = firstName;
        }

        public long getId() { return id; }
        public String getFirstName() { return firstName; }
    }

    /** A unit-day of the period; {@link #getKey()} is "unit:day". */
    public static class UnitDay implements java.io.Serializable {
        private final long unitId;
        private final String unit;
        private final LocalDate day;

        UnitDay(long unitId, String unit, LocalDate day) {
            this.unitId = unitId;
            this.unit = unit;
            this.day = day;
        }

        public String getKey() { return unitId + ":" + day; }
        public long getUnitId() { return unitId; }
        public String getUnit() { return unit; }
        public LocalDate getDay() { return day; }
    }

    /** One of the family's documents (Mes documents). */
    public static class Document implements java.io.Serializable {
        private final long id;
        private final String label;

        Document(long id, String label) {
            this.id = id;
            this.label = label;
        }

        public long getId() { return id; }
        public String getLabel() { return label; }
    }

    private final WindowSummary window;
    private final boolean proofRequired;
    private final List<Child> children;
    private final List<UnitDay> unitDays;
    private final List<Document> documents;
    private final boolean takingRequests;
    /** Not serialised with a page's state (a message holds its arguments as objects): read from an offer just made. */
    private final transient fr.portailfamille.problems.Message whyNotTaking;

    WindowOffer(WindowSummary window, fr.portailfamille.problems.Message whyNotTaking, boolean proofRequired,
                List<Child> children, List<UnitDay> unitDays, List<Document> documents) {
        this.window = window;
        this.takingRequests = whyNotTaking == null;
        this.whyNotTaking = whyNotTaking;
        this.proofRequired = proofRequired;
        this.children = List.copyOf(children);
        this.unitDays = List.copyOf(unitDays);
        this.documents = List.copyOf(documents);
    }

    public WindowSummary getWindow() { return window; }
    /** Whether the window takes requests now. */
    public boolean isTakingRequests() { return takingRequests; }

    /**
     * Why the window takes no request now — not open yet, closed since, its places allocated —, as a request would be
     * refused; {@code null} while it takes them.
     */
    public fr.portailfamille.problems.Message whyNotTaking() { return whyNotTaking; }
    public boolean isProofRequired() { return proofRequired; }
    public List<Child> getChildren() { return children; }
    public List<UnitDay> getUnitDays() { return unitDays; }
    public List<Document> getDocuments() { return documents; }
}
