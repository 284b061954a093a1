package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.family.ChangeRequest;
import fr.portailfamille.platform.family.RequestQueue;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.web.QueuePage;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Page agent/demandes: the families' change requests, current and requested values side by side, to
 * accept or refuse with a reason in the decision dialog (no bulk decision: each request is read).
 * Requests carrying health data are listed and decided by agent-sante agents only (the service
 * filters and refuses); other agents see how many are left to them.
 */
@Named
@ViewScoped
public class AgentDemandesView extends QueuePage<RequestQueue.RequestToDecide> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    RequestQueue queue;

    @Inject
    FamilyDocuments documents;

    private Long hidden;
    /** The request whose proofs {@link #proofs} holds. */
    private Long proofsOf;
    private List<FamilyDocuments.Row> proofs;

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

    /** Whether the request opened changes the family quotient (its proofs are then shown beside it). */
    public boolean isQfProofsAsked() {
        return getCurrent() != null && getCurrent().type() == ChangeRequest.Type.CAF;
    }

    /**
     * The attestations de quotient familial the family sent in Mes documents, newest first, beside a request that
     * changes its quotient: what the agent checks the requested values against.
     */
    public List<FamilyDocuments.Row> getQfProofs() {
        RequestQueue.RequestToDecide r = getCurrent();
        if (r == null || r.type() != ChangeRequest.Type.CAF) {
            return List.of();
        }
        if (proofs == null || !Objects.equals(proofsOf, r.id())) {
            proofs = documents.qfProofType().map(code -> documents.ofFamily(agent(), r.familyId(), code)).orElse(List.of());
            proofsOf = r.id();
        }
        return proofs;
    }

    /** A proof in words: "bulletin.pdf, datée du 01/10/2026 (en attente)". */
    public String proof(FamilyDocuments.Row d) {
        return Texts.of("agent.demandes.proof", d.getFileName(), DAY.format(d.getIssuedOn()),
                Texts.of("documents.state." + d.getState()));
    }

    public String oldValues(RequestQueue.RequestToDecide r) {
        return r == null ? "" : ChangeDescriptions.describe(r.oldValue(), Texts::of, r.children());
    }

    public String newValues(RequestQueue.RequestToDecide r) {
        return r == null ? "" : ChangeDescriptions.describe(r.newValue(), Texts::of, r.children());
    }
}
