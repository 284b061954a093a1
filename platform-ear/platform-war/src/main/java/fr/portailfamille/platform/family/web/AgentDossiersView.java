package fr.portailfamille.platform.family.web;

import fr.portailfamille.tenancy.RealmProvisioner;
import fr.portailfamille.platform.family.FileQueue;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.Urls;
import fr.portailfamille.platform.web.QueuePage;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.family.AccountUnavailable;
import fr.portailfamille.platform.family.FamilyCounter;
import fr.portailfamille.platform.family.FamilyDesk;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Page agent/dossiers: the family files sent for validation (a lazy table, validate or refuse with a
 * reason in the decision dialog, validate the checked ones at once), the search and the file created
 * at the counter. Change requests, bookings and registrations have their own pages.
 */
@Named
@ViewScoped
public class AgentDossiersView extends QueuePage<FileQueue.FileToValidate> {

    @Inject
    FamilyDesk desk;

    @Inject
    FamilyCounter counter;

    @Inject
    FileQueue queue;

    private String query;
    /** The families the search found, by id, label and e-mail only (never their files: their children's health). */
    private List<Found> found;
    private String counterFirstName;
    private String counterLastName;
    private String counterEmail;

    @Override
    protected long count(SignedInUser agent) {
        return queue.count(agent);
    }

    @Override
    protected List<FileQueue.FileToValidate> page(SignedInUser agent, int offset, int limit, Sort sort) {
        return queue.page(agent, offset, limit, sort);
    }

    @Override
    protected long key(FileQueue.FileToValidate row) {
        return row.id();
    }

    @Override
    protected List<FieldError> decide(SignedInUser agent, FileQueue.FileToValidate row, boolean accept, String reason) {
        if (accept) {
            queue.validate(agent, row.id());
            return List.of();
        }
        return queue.refuse(agent, row.id(), reason, Urls.base() + "/espace/foyer.xhtml");
    }

    @Override
    protected String decided(boolean accept) {
        return Texts.of(accept ? "agent.dossiers.decided.validated" : "agent.dossiers.decided.refused");
    }

    @Override
    protected int acceptAll(SignedInUser agent, List<Long> keys) {
        return queue.validateAll(agent, keys);
    }

    @Override
    protected String acceptedAll(int count) {
        return Texts.of(count > 1 ? "agent.dossiers.acceptedAll.many" : "agent.dossiers.acceptedAll.one",
                String.valueOf(count));
    }

    public void search() {
        found = desk.search(agent(), query).stream().map(f -> new Found(f.getId(), f.getLabel(), f.getEmail())).toList();
    }

    public void createAtCounter() {
        List<FieldError> errors;
        try {
            errors = counter.createAtCounter(agent(), counterFirstName, counterLastName, counterEmail,
                    Urls.base() + RealmProvisioner.FAMILY_INVITATION_LANDING);
        } catch (AccountUnavailable e) {
            errors = List.of(new FieldError("", e.text()));
        }
        if (errors.isEmpty()) {
            FormErrors.info(Texts.of("agent.dossiers.counter.created", counterEmail));
            counterFirstName = null;
            counterLastName = null;
            counterEmail = null;
        } else {
            FormErrors.show("guichet", errors);
        }
    }

    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public List<Found> getFound() { return found; }

    /** A family the search found, as the list shows it. */
    public record Found(Long id, String label, String email) implements java.io.Serializable {
        public Long getId() { return id; }
        public String getLabel() { return label; }
        public String getEmail() { return email; }
    }
    public String getCounterFirstName() { return counterFirstName; }
    public void setCounterFirstName(String v) { counterFirstName = v; }
    public String getCounterLastName() { return counterLastName; }
    public void setCounterLastName(String v) { counterLastName = v; }
    public String getCounterEmail() { return counterEmail; }
    public void setCounterEmail(String v) { counterEmail = v; }
}
