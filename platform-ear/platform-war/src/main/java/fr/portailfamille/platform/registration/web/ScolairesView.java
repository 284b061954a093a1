package fr.portailfamille.platform.registration.web;

import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.registration.SchoolQueue;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.web.QueuePage;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Page agent/scolaires: the school pre-registrations for the education service, accepted or refused
 * with a reason in the decision dialog, or accepted several at once; the family is mailed.
 */
@Named
@ViewScoped
public class ScolairesView extends QueuePage<SchoolQueue.SchoolRequestToDecide> {

    @Inject
    SchoolQueue queue;

    @Override
    protected long count(SignedInUser agent) {
        return queue.count(agent);
    }

    @Override
    protected List<SchoolQueue.SchoolRequestToDecide> page(SignedInUser agent, int offset, int limit, Sort sort) {
        return queue.page(agent, offset, limit, sort);
    }

    @Override
    protected long key(SchoolQueue.SchoolRequestToDecide row) {
        return row.id();
    }

    @Override
    protected List<FieldError> decide(SignedInUser agent, SchoolQueue.SchoolRequestToDecide row, boolean accept, String reason) {
        queue.decide(agent, row.id(), accept, reason);
        return List.of();
    }

    @Override
    protected String decided(boolean accept) {
        return Texts.of(accept ? "agent.scolaires.decided.accepted" : "agent.scolaires.decided.refused");
    }

    @Override
    protected int acceptAll(SignedInUser agent, List<Long> keys) {
        return queue.acceptAll(agent, keys);
    }

    @Override
    protected String acceptedAll(int count) {
        return Texts.of(count > 1 ? "agent.scolaires.acceptedAll.many" : "agent.scolaires.acceptedAll.one",
                String.valueOf(count));
    }
}
