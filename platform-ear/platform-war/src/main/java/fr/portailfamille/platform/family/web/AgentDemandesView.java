package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.family.RequestQueue;
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
 * Page agent/demandes: the families' change requests, current and requested values side by side, to
 * accept or refuse with a reason in the decision dialog (no bulk decision: each request is read).
 * Requests carrying health data are listed and decided by agent-sante agents only (the service
 * filters and refuses); other agents see how many are left to them.
 */
@Named
@ViewScoped
public class AgentDemandesView extends QueuePage<RequestQueue.RequestToDecide> {

    @Inject
    RequestQueue queue;

    private Long hidden;

    @Override
    protected long count(SignedInUser agent) {
        return queue.count(agent);
    }

    @Override
    protected List<RequestQueue.RequestToDecide> page(SignedInUser agent, int offset, int limit, Sort sort) {
        return queue.page(agent, offset, limit, sort);
    }

    @Override
    protected long key(RequestQueue.RequestToDecide row) {
        return row.id();
    }

    @Override
    protected List<FieldError> decide(SignedInUser agent, RequestQueue.RequestToDecide row, boolean accept, String reason) {
        hidden = null;
        if (accept) {
            queue.accept(agent, row.id());
            return List.of();
        }
        return queue.refuse(agent, row.id(), reason);
    }

    @Override
    protected String decided(boolean accept) {
        return Texts.of(accept ? "agent.demandes.decided.accepted" : "agent.demandes.decided.refused");
    }

    /** Pending requests carrying health data that this agent is not shown (no agent-sante role). */
    public long getHiddenHealthRequests() {
        if (hidden == null) {
            hidden = queue.hiddenHealth(agent());
        }
        return hidden;
    }

    public String oldValues(RequestQueue.RequestToDecide r) {
        return r == null ? "" : ChangeDescriptions.describe(r.oldValue(), Texts::of);
    }

    public String newValues(RequestQueue.RequestToDecide r) {
        return r == null ? "" : ChangeDescriptions.describe(r.newValue(), Texts::of);
    }
}
