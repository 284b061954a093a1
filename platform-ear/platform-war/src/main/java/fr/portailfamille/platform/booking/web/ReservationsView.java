package fr.portailfamille.platform.booking.web;

import fr.portailfamille.platform.booking.ValidationQueue;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.web.QueuePage;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Page agent/reservations: the bookings of activities that need an agent's validation, validated or
 * refused with a reason (shown to the family as "Refusée", the seat passes on) in the decision dialog,
 * or validated several at once.
 */
@Named
@ViewScoped
public class ReservationsView extends QueuePage<ValidationQueue.BookingToValidate> {

    @Inject
    ValidationQueue queue;

    @Override
    protected long count(SignedInUser agent) {
        return queue.count(agent);
    }

    @Override
    protected List<ValidationQueue.BookingToValidate> page(SignedInUser agent, int offset, int limit, Sort sort) {
        return queue.page(agent, offset, limit, sort);
    }

    @Override
    protected long key(ValidationQueue.BookingToValidate row) {
        return row.id();
    }

    @Override
    protected List<FieldError> decide(SignedInUser agent, ValidationQueue.BookingToValidate row, boolean accept, String reason) {
        queue.decide(agent, row.id(), accept, reason);
        return List.of();
    }

    @Override
    protected String decided(boolean accept) {
        return Texts.of(accept ? "agent.reservations.accepted" : "agent.reservations.refused");
    }

    @Override
    protected int acceptAll(SignedInUser agent, List<Long> keys) {
        return queue.acceptAll(agent, keys);
    }

    @Override
    protected String acceptedAll(int count) {
        return Texts.of(count > 1 ? "agent.reservations.acceptedAll.many" : "agent.reservations.acceptedAll.one",
                String.valueOf(count));
    }
}
