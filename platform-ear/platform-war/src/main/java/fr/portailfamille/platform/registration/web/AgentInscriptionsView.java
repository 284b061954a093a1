package fr.portailfamille.platform.registration.web;

import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.registration.RegistrationQueue;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.web.QueuePage;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Page agent/inscriptions: the activity registrations with their documents, validated or refused with a
 * reason in the decision dialog, or validated several at once; the family is mailed. School requests
 * (agent/scolaires) and medical certificates (agent/certificats) have their own pages.
 */
@Named
@ViewScoped
public class AgentInscriptionsView extends QueuePage<RegistrationQueue.RegistrationToDecide> {

    @Inject
    RegistrationQueue queue;

    @Override
    protected long count(SignedInUser agent) {
        return queue.count(agent);
    }

    @Override
    protected List<RegistrationQueue.RegistrationToDecide> page(SignedInUser agent, int offset, int limit, Sort sort) {
        return queue.page(agent, offset, limit, sort);
    }

    @Override
    protected long key(RegistrationQueue.RegistrationToDecide row) {
        return row.id();
    }

    @Override
    protected List<FieldError> decide(SignedInUser agent, RegistrationQueue.RegistrationToDecide row, boolean accept,
                                      String reason) {
        queue.decide(agent, row.id(), accept, reason);
        return List.of();
    }

    /** A registration holding a health document is decided by an agent-sante only (the service refuses the others). */
    @Override
    public boolean mayDecide(RegistrationQueue.RegistrationToDecide row) {
        return !row.healthOnly();
    }

    @Override
    public String notDecidable(RegistrationQueue.RegistrationToDecide row) {
        return Texts.of("agent.inscriptions.healthOnly");
    }

    @Override
    protected String decided(boolean accept) {
        return Texts.of(accept ? "agent.inscriptions.decided.validated" : "agent.inscriptions.decided.refused");
    }

    @Override
    protected int acceptAll(SignedInUser agent, List<Long> keys) {
        return queue.acceptAll(agent, keys);
    }

    @Override
    protected String acceptedAll(int count) {
        return Texts.of(count > 1 ? "agent.inscriptions.acceptedAll.many" : "agent.inscriptions.acceptedAll.one",
                String.valueOf(count));
    }
}
