package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.family.ChangeRequest;
import fr.portailfamille.platform.family.FamilyFileService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "Liste des demandes": the family's change requests of the last month, filterable by type. */
@Named
@RequestScoped
public class DemandesView {

    @Inject
    FamilyFileService files;

    @Inject
    UserView user;

    @Inject
    fr.portailfamille.platform.booking.PlanningService bookings;

    private List<fr.portailfamille.platform.booking.Booking> bookingRequests;

    /** The family's bookings awaiting the service's validation, or refused by it with the reason. */
    public List<fr.portailfamille.platform.booking.Booking> getBookingRequests() {
        if (bookingRequests == null) {
            bookingRequests = bookings.bookingRequestsOf(user.require());
        }
        return bookingRequests;
    }

    /** "Refusée" or "En attente", and the badge's class. */
    public String bookingStatus(fr.portailfamille.platform.booking.Booking b) {
        return b.getStatus() == fr.portailfamille.booking.BookingStatus.REFUSED ? "Refusée" : "En attente";
    }

    public String bookingBadge(fr.portailfamille.platform.booking.Booking b) {
        return b.getStatus() == fr.portailfamille.booking.BookingStatus.REFUSED ? "REFUSED" : "PENDING";
    }

    private String type;
    private List<ChangeRequest> requests;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public List<ChangeRequest> getRequests() {
        if (requests == null) {
            ChangeRequest.Type filter = type == null || type.isBlank() ? null : parse(type);
            requests = files.myRequests(user.require(), filter);
        }
        return requests;
    }

    public Map<String, String> getTypes() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ChangeRequest.Type t : ChangeRequest.Type.values()) {
            m.put(t.label(), t.name());
        }
        return m;
    }

    public String label(ChangeRequest.Type t) {
        return t.label();
    }

    public static String statusLabel(ChangeRequest.Status s) {
        return switch (s) {
            case PENDING -> "En attente";
            case ACCEPTED -> "Acceptée";
            case REFUSED -> "Refusée";
        };
    }

    public String status(ChangeRequest r) {
        return statusLabel(r.getStatus());
    }

    public String values(String json) {
        return ChangeDescriptions.describe(json);
    }

    private static ChangeRequest.Type parse(String t) {
        try {
            return ChangeRequest.Type.valueOf(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
