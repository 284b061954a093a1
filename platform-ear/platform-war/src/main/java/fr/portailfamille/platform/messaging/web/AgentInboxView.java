package fr.portailfamille.platform.messaging.web;

import fr.portailfamille.messaging.InboxService;
import fr.portailfamille.messaging.ThreadState;
import fr.portailfamille.platform.messaging.Inbox;
import fr.portailfamille.platform.messaging.Inbox.Filter;
import fr.portailfamille.platform.messaging.Inbox.ThreadRow;
import fr.portailfamille.platform.web.QueueModel;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Page agent/messages ("Messages des familles"): the shared inbox of the agent's services as a lazy table paged and
 * counted in SQL, filtered by service, state (à traiter first), assignment and unread.
 */
@Named
@ViewScoped
public class AgentInboxView implements Serializable {

    @Inject
    Inbox inbox;

    @Inject
    UserView user;

    private String service;
    private String state = ThreadState.OPEN.name();
    private String assigned;
    private boolean unreadOnly;
    private QueueModel<ThreadRow> model;
    private List<SelectItem> services;

    private Filter filter() {
        return new Filter(service == null || service.isBlank() ? null : service,
                state == null || state.isBlank() ? null : ThreadState.valueOf(state),
                assigned == null || assigned.isBlank() ? null : assigned, unreadOnly);
    }

    public QueueModel<ThreadRow> getModel() {
        if (model == null) {
            model = new QueueModel<>(() -> inbox.count(user.require(), filter()),
                    (offset, limit, sort) -> inbox.search(user.require(), filter(), offset, limit, sort), ThreadRow::id);
        }
        return model;
    }

    /** Applies the filters (the table reads them on its next load). */
    public void search() {
        // nothing to do: the lazy model counts and reads with the new filter
    }

    /** The agent's services (its groups service-…, else every service). */
    public List<SelectItem> getServices() {
        if (services == null) {
            services = new ArrayList<>();
            Set<String> mine = inbox.servicesOf(user.require());
            for (InboxService s : inbox.services()) {
                if (mine.contains(s.code())) {
                    services.add(new SelectItem(s.code(), s.label()));
                }
            }
        }
        return services;
    }

    public List<SelectItem> getStates() {
        List<SelectItem> states = new ArrayList<>();
        for (ThreadState s : ThreadState.values()) {
            states.add(new SelectItem(s.name(), Texts.of("inbox.state." + s.name())));
        }
        return states;
    }

    public String getService() { return service; }
    public void setService(String v) { service = v; }
    public String getState() { return state; }
    public void setState(String v) { state = v; }
    public String getAssigned() { return assigned; }
    public void setAssigned(String v) { assigned = v; }
    public boolean isUnreadOnly() { return unreadOnly; }
    public void setUnreadOnly(boolean v) { unreadOnly = v; }
}
