package fr.portailfamille.platform.family.documents.web;

import fr.portailfamille.documents.DocumentType;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.family.documents.FamilyDocuments.Filter;
import fr.portailfamille.platform.family.documents.FamilyDocuments.Row;
import fr.portailfamille.platform.family.documents.FamilyDocuments.State;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.web.QueuePage;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Page agent/documents ("Documents à valider"): the family documents by type, state (waiting first) and expiry,
 * downloaded and decided in the queue's dialog; health documents are listed and decided for agent-sante only
 * (the service filters and refuses).
 */
@Named
@ViewScoped
public class AgentDocumentsView extends QueuePage<Row> {

    @Inject
    FamilyDocuments documents;

    private String type;
    private String state = State.PENDING.name();
    private LocalDate expiringBy;
    private List<SelectItem> types;

    private Filter filter() {
        return new Filter(type == null || type.isBlank() ? null : type,
                state == null || state.isBlank() ? null : State.valueOf(state), expiringBy);
    }

    @Override
    protected long count(SignedInUser agent) {
        return documents.count(agent, filter());
    }

    @Override
    protected List<Row> page(SignedInUser agent, int offset, int limit, Sort sort) {
        return documents.search(agent, filter(), offset, limit, sort);
    }

    @Override
    protected long key(Row row) {
        return row.id();
    }

    @Override
    protected List<FieldError> decide(SignedInUser agent, Row row, boolean accept, String reason) {
        documents.review(agent, row.id(), accept, reason);
        return List.of();
    }

    @Override
    protected String decided(boolean accept) {
        return Texts.of(accept ? "agent.documents.decided.validated" : "agent.documents.decided.refused");
    }

    /** Applies the filters (the table reads them on its next load). */
    public void search() {
        // nothing to do: the lazy model counts and reads with the new filter
    }

    public List<SelectItem> getTypes() {
        if (types == null) {
            types = new ArrayList<>();
            for (DocumentType t : documents.types()) {
                types.add(new SelectItem(t.code(), t.label()));
            }
        }
        return types;
    }

    public List<SelectItem> getStates() {
        List<SelectItem> states = new ArrayList<>();
        for (State s : State.values()) {
            states.add(new SelectItem(s.name(), Texts.of("documents.state." + s.name())));
        }
        return states;
    }

    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getState() { return state; }
    public void setState(String v) { state = v; }
    public LocalDate getExpiringBy() { return expiringBy; }
    public void setExpiringBy(LocalDate v) { expiringBy = v; }
}
