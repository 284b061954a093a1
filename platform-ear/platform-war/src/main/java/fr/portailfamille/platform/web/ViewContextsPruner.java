package fr.portailfamille.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Forgets the CDI view-scope bookkeeping of views Mojarra no longer keeps. Mojarra (4.0.11, Payara 6's; unchanged on
 * its master) keeps the session's last {@code com.sun.faces.numberOfActiveViewMaps} view maps and destroys the beans
 * of an evicted one, but leaves that view's entry in its map of view contexts ({@value #CONTEXTS}): one map per view
 * ever opened, for the session's whole life. Payara's session store writes and reads the whole session on every
 * request, so a parent's pages got slower the more of them he had opened (bench 4: after some 300 planning pages a
 * session held 311 such entries, 11,542 of its 11,647 objects). At the end of every Faces request, the entries of
 * views that are no longer among the active view maps are removed; nothing else is touched.
 */
public class ViewContextsPruner implements PhaseListener {

    private static final long serialVersionUID = 1L;

    /** Mojarra's {@code ViewScopeContextManager.ACTIVE_VIEW_CONTEXTS}: view map id → that view's beans' contexts. */
    static final String CONTEXTS = "com.sun.faces.application.view.activeViewContexts";
    /** Mojarra's {@code ViewScopeManager.ACTIVE_VIEW_MAPS}: view map id → view map, the session's last ones. */
    static final String VIEW_MAPS = "com.sun.faces.application.view.activeViewMaps";

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.ANY_PHASE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before a phase
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (event.getPhaseId() != PhaseId.RENDER_RESPONSE && !context.getResponseComplete()) {
            return; // the request goes on: pruned once it ends
        }
        if (context.getExternalContext().getSession(false) != null) {
            prune(context.getExternalContext().getSessionMap());
        }
    }

    /**
     * Removes from {@code session}'s view contexts those of views absent from its active view maps, and sets the
     * attribute again when it did (the session store then writes it as changed). Returns how many were removed.
     */
    static int prune(Map<String, Object> session) {
        if (!(session.get(CONTEXTS) instanceof Map<?, ?> contexts) || !(session.get(VIEW_MAPS) instanceof Map<?, ?> views)) {
            return 0;
        }
        Set<Object> active;
        synchronized (views) { // Collections.synchronizedMap: its views are iterated under its own lock
            active = new HashSet<>(views.keySet());
        }
        int removed;
        synchronized (contexts) { // Mojarra adds entries under this lock
            int before = contexts.size();
            contexts.keySet().retainAll(active);
            removed = before - contexts.size();
        }
        if (removed > 0) {
            session.put(CONTEXTS, contexts);
        }
        return removed;
    }
}
