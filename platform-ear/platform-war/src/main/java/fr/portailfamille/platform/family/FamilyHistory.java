package fr.portailfamille.platform.family;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What hangs on one family, as agents read it on the family's file: its children's bookings (the latest
 * {@link #BOOKINGS_SHOWN}, and how many there are in all), activity registrations and school requests,
 * and the family's change requests (type and decision only, never their values: those may hold health
 * data). Records with JavaBean getters, since Jakarta EL 5 does not read record components.
 */
public record FamilyHistory(List<BookingLine> bookings, long bookingCount, List<RequestLine> registrations,
                            List<ChangeLine> changes) implements java.io.Serializable {

    public static final int BOOKINGS_SHOWN = 100;

    public List<BookingLine> getBookings() { return bookings; }
    public long getBookingCount() { return bookingCount; }
    public List<RequestLine> getRegistrations() { return registrations; }
    public List<ChangeLine> getChanges() { return changes; }

    /** A booked (or waiting, refused, attended…) unit-day of a child. */
    public record BookingLine(String child, String activity, String unit, LocalDate day, String status) implements java.io.Serializable {
        public String getChild() { return child; }
        public String getActivity() { return activity; }
        public String getUnit() { return unit; }
        public LocalDate getDay() { return day; }
        public String getStatus() { return status; }
    }

    /** An activity registration ({@code kind} ACTIVITE) or a school request ({@code kind} SCOLAIRE) of a child. */
    public record RequestLine(String kind, String child, String what, String status, OffsetDateTime submittedAt,
                              String reason, List<DocumentLine> documents) implements java.io.Serializable {
        public List<DocumentLine> getDocuments() { return documents; }
        public String getKind() { return kind; }
        public String getChild() { return child; }
        public String getWhat() { return what; }
        public String getStatus() { return status; }
        public OffsetDateTime getSubmittedAt() { return submittedAt; }
        public String getReason() { return reason; }
    }

    /**
     * A document sent with a registration, as the registrations' queue shows it: its name and file, or — health data
     * for an agent without {@code agent-sante} — its name only (confidential, not to be opened).
     */
    public record DocumentLine(long id, String label, String fileName, boolean confidential) implements java.io.Serializable {
        public long getId() { return id; }
        public String getLabel() { return label; }
        public String getFileName() { return fileName; }
        public boolean isConfidential() { return confidential; }
    }

    /** A change request of the family: its type, status and dates, the refusal reason. */
    public record ChangeLine(String type, String status, OffsetDateTime createdAt, OffsetDateTime decidedAt,
                             String reason) implements java.io.Serializable {
        public String getType() { return type; }
        public String getStatus() { return status; }
        public OffsetDateTime getCreatedAt() { return createdAt; }
        public OffsetDateTime getDecidedAt() { return decidedAt; }
        public String getReason() { return reason; }
    }
}
