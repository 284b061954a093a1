package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Agents' desk for the bookings of activities that need a validation: the queue, and the decision
 * (the seat was held while the request waited). Each call one transaction.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class BookingDesk {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    SeatCounter seats;

    @Inject
    BookingMails mails;

    @Inject
    BookingCharges charges;

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * An agent's decision on a booking awaiting validation: accepted, it becomes a booking (its seat was
     * held); refused — with a reason, required and told to the family ({@link Refused#decisionReason}:
     * {@link Refused} on the field {@code reason} without one) —, it is {@link BookingStatus#REFUSED} and
     * the seat goes to the first child waiting. The family is mailed either way.
     */
    public void decideValidation(String agent, long bookingId, boolean accept, String reason) {
        String why = Refused.decisionReason(accept, reason);
        Booking b = Optional.ofNullable(em.find(Booking.class, bookingId))
                .filter(x -> x.getStatus() == BookingStatus.PENDING_VALIDATION)
                .orElseThrow(() -> new BookingRefused(Refused.text("booking.validation.notPending")));
        charges.lock(b.getChild().getFamily().getId(), b.getUnit().getActivity());
        int booked = seats.lock(b.getUnit(), b.getDay());
        // read again under the lock: another agent's decision, or the family's withdrawal, may have come first (and
        // given the seat up); deciding again would free a seat twice or book a child who holds none
        em.refresh(b);
        if (b.getStatus() != BookingStatus.PENDING_VALIDATION) {
            throw new BookingRefused(Refused.text("booking.validation.notPending"));
        }
        if (accept && seats.started(b.getUnit(), b.getDay())) {
            // the morning is over (or under way): accepted now, the family would be told "validée" for it and billed;
            // the agent refuses it instead (the nightly job closes what nobody decided)
            throw new BookingRefused(Refused.text("booking.validation.started", b.getChild().getFirstName(),
                    DAY.format(b.getDay())));
        }
        if (accept) {
            b.setStatus(b.isSurcharged() ? BookingStatus.BOOKED_LATE : BookingStatus.BOOKED);
            b.decided();
        } else {
            b.refuse(why);
            charges.statusChanged(b);
            seats.release(b.getUnit(), b.getDay(), booked);
        }
        // who decided, in the family's journal (as a registration's or a certificate's decision is)
        em.persist(new fr.portailfamille.platform.family.AuditEntry(agent, accept ? "VALIDATION_RESERVATION"
                : "REFUS_RESERVATION", b.getChild().getFamily().getId(), b.getChild().getId(),
                b.getUnit().getActivity().getName() + " " + b.getUnit().getLabel() + " du " + DAY.format(b.getDay())
                        + (accept ? "" : " : " + why)));
        mails.validation(b, accept, why);
    }
}
