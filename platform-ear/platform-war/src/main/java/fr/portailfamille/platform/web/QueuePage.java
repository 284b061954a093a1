package fr.portailfamille.platform.web;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.problems.FieldError;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * What every agents' queue page does: a lazy table over the queue's service, a decision dialog
 * (accept, or refuse with a reason shown next to its field when missing) and, where the queue allows
 * it, the bulk acceptance of the selected rows. Each decision is one call to the queue's service, which
 * checks the agent's roles; the dialog closes once the decision is taken (callback parameter
 * {@code done}), and stays open with the message next to the reason otherwise.
 *
 * @param <T> the queue's record
 */
public abstract class QueuePage<T> implements Serializable {

    /** The form of the decision dialog; its reason field is {@code decision:reason}. */
    public static final String DECISION_FORM = "decision";

    @Inject
    UserView user;

    private QueueModel<T> model;
    private List<T> selected = new ArrayList<>();
    private T current;
    private String reason;

    protected abstract long count(SignedInUser agent);

    protected abstract List<T> page(SignedInUser agent, int offset, int limit, Sort sort);

    protected abstract long key(T row);

    /** The decision on one row; field errors (the reason) are returned or thrown as {@link Refused}. */
    protected abstract List<FieldError> decide(SignedInUser agent, T row, boolean accept, String reason);

    /** The text shown once a decision is taken. */
    protected abstract String decided(boolean accept);

    /** Accepts the rows of these keys at once (all or none); only queues where it is safe override it. */
    protected int acceptAll(SignedInUser agent, List<Long> keys) {
        throw new UnsupportedOperationException("pas de décision groupée pour cette file");
    }

    /**
     * Whether this agent may decide the row (its decision button and tick are offered); the service checks it again.
     * A row it may not decide stays listed, with {@link #notDecidable} in the decision's column.
     */
    public boolean mayDecide(T row) {
        return true;
    }

    /** Why a row the agent may not decide is not offered, in the decision's column. */
    public String notDecidable(T row) {
        return "";
    }

    /** The text shown once {@code count} rows were accepted at once. */
    protected String acceptedAll(int count) {
        return Texts.of("agent.queue.acceptedAll", String.valueOf(count));
    }

    public QueueModel<T> getModel() {
        if (model == null) {
            model = new QueueModel<>(() -> count(agent()), (offset, limit, sort) -> page(agent(), offset, limit, sort),
                    this::key);
        }
        return model;
    }

    /** Opens the decision dialog on a row. */
    public void open(T row) {
        current = row;
        reason = null;
    }

    public void accept() {
        decideCurrent(true);
    }

    public void refuse() {
        decideCurrent(false);
    }

    private void decideCurrent(boolean accept) {
        if (current == null) {
            FormErrors.error(Texts.of("agent.queue.noRow"));
            done();
            return;
        }
        List<FieldError> errors;
        try {
            errors = decide(agent(), current, accept, reason);
        } catch (Refused e) {
            errors = List.of(new FieldError("reason".equals(e.field()) ? "reason" : "", e.text()));
        } catch (SecurityException | IllegalStateException | IllegalArgumentException e) {
            errors = List.of(new FieldError("", Texts.text(e)));
        }
        if (errors.isEmpty()) {
            FormErrors.info(decided(accept));
            selected.removeIf(r -> key(r) == key(current));
            current = null;
            reason = null;
            done();
        } else if (errors.stream().allMatch(e -> e.field().isEmpty())) {
            // nothing to correct in the dialog (already decided, not allowed): it closes on the message
            errors.forEach(e -> FormErrors.error(Texts.of(e.text())));
            current = null;
            done();
        } else {
            FormErrors.show(DECISION_FORM, errors.stream()
                    .map(e -> e.field().isEmpty() ? e : new FieldError("reason", e.text())).toList());
        }
    }

    /** Accepts the selected rows at once, in one transaction: all, or none with the reason. */
    public void acceptSelected() {
        if (selected == null || selected.isEmpty()) {
            FormErrors.error(Texts.of("agent.queue.noneTicked"));
            return;
        }
        try {
            int n = acceptAll(agent(), selected.stream().map(this::key).toList());
            FormErrors.info(acceptedAll(n));
            selected = new ArrayList<>();
        } catch (Refused | SecurityException | IllegalStateException | IllegalArgumentException e) {
            FormErrors.error(Texts.of("agent.queue.nothingAccepted", Texts.of(e)));
        }
    }

    private static void done() {
        PrimeFaces.current().ajax().addCallbackParam("done", true);
    }

    protected SignedInUser agent() {
        return user.require();
    }

    public List<T> getSelected() { return selected; }
    public void setSelected(List<T> selected) { this.selected = selected == null ? new ArrayList<>() : selected; }
    public T getCurrent() { return current; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
