package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.security.Urls;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.family.ChangeRequest;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Agents' queues: files awaiting validation, change requests awaiting a decision; search; counter creation. */
@Named
@ViewScoped
public class AgentDossiersView implements Serializable {

    @Inject
    transient FamilyFileService files;

    @Inject
    transient UserView user;

    @Inject
    transient fr.portailfamille.platform.booking.BookingDesk bookings;

    private final Map<Long, String> reasons = new HashMap<>();
    private final Map<Long, String> bookingReasons = new HashMap<>();
    private String query;
    private List<Family> found;
    private String counterFirstName;
    private String counterLastName;
    private String counterEmail;

    public List<Family> getAwaiting() {
        return files.awaitingValidation();
    }

    private transient List<ChangeRequest> pending;

    /** Requests this agent may see (health ones only with agent-sante; each read audited), once per request. */
    public List<ChangeRequest> getPendingRequests() {
        if (pending == null) {
            pending = files.pendingRequests(user.require());
        }
        return pending;
    }

    /** Pending requests carrying health data that this agent is not shown (no agent-sante role). */
    public long getHiddenHealthRequests() {
        return FamilyFileService.mayReadHealth(user.require()) ? 0 : files.pendingHealthRequests();
    }

    public List<fr.portailfamille.platform.booking.Booking> getBookingsToValidate() {
        return bookings.awaitingValidation();
    }

    /**
     * Validates or refuses a booking; a refusal needs a reason (checked by the service, shown next to
     * the row's reason field), which the family reads in its planning, in Mes demandes and in the mail.
     */
    public void decideBooking(long bookingId, boolean accept, int row) {
        try {
            bookings.decideValidation(agent(), bookingId, accept, bookingReasons.get(bookingId));
            bookingReasons.remove(bookingId);
            FormErrors.info(accept ? "Réservation validée ; la famille est prévenue."
                    : "Réservation refusée ; la famille est prévenue avec le motif.");
        } catch (fr.portailfamille.platform.kernel.Refused e) {
            FormErrors.show("reservations", List.of(new FieldError(
                    "reason".equals(e.field()) ? "pending[" + row + "].reason" : "", e.getMessage())));
        }
    }

    public Map<Long, String> getBookingReasons() { return bookingReasons; }

    public void validate(long familyId) {
        files.validate(agent(), familyId);
        FormErrors.info("Dossier validé ; la famille est prévenue par courriel.");
    }

    public void accept(long requestId) {
        try {
            files.accept(user.require(), requestId);
            FormErrors.info("Demande acceptée et appliquée au dossier ; la famille est prévenue.");
        } catch (SecurityException e) {
            FormErrors.error(e.getMessage());
        }
        pending = null;
    }

    public void refuse(long requestId, int row) {
        List<FieldError> errors;
        try {
            errors = files.refuse(user.require(), requestId, reasons.get(requestId));
        } catch (SecurityException e) {
            errors = List.of(new FieldError("", e.getMessage()));
        }
        pending = null;
        if (errors.isEmpty()) {
            reasons.remove(requestId);
            FormErrors.info("Demande refusée ; la famille est prévenue avec le motif.");
        } else {
            FormErrors.show("demandes", errors.stream()
                    .map(e -> new FieldError(e.field().isEmpty() ? "" : "requests[" + row + "]." + e.field(), e.message()))
                    .toList());
        }
    }

    public void search() {
        found = files.search(query);
    }

    public void createAtCounter() {
        List<FieldError> errors;
        try {
            errors = files.createAtCounter(agent(), counterFirstName, counterLastName, counterEmail,
                    Urls.base() + "/espace/foyer.xhtml");
        } catch (FamilyFileService.AccountUnavailable e) {
            errors = List.of(new FieldError("", e.getMessage()));
        }
        if (errors.isEmpty()) {
            FormErrors.info("Dossier créé et courriel d'activation envoyé à " + counterEmail
                    + " : à sa première connexion, la famille retrouvera ce dossier.");
            counterFirstName = null;
            counterLastName = null;
            counterEmail = null;
        } else {
            FormErrors.show("guichet", errors);
        }
    }

    public String oldValues(ChangeRequest r) {
        return ChangeDescriptions.describe(r.getOldValue());
    }

    public String newValues(ChangeRequest r) {
        return ChangeDescriptions.describe(r.getNewValue());
    }

    private String agent() {
        return user.require().email();
    }

    public Map<Long, String> getReasons() { return reasons; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public List<Family> getFound() { return found; }
    public String getCounterFirstName() { return counterFirstName; }
    public void setCounterFirstName(String v) { counterFirstName = v; }
    public String getCounterLastName() { return counterLastName; }
    public void setCounterLastName(String v) { counterLastName = v; }
    public String getCounterEmail() { return counterEmail; }
    public void setCounterEmail(String v) { counterEmail = v; }
}
