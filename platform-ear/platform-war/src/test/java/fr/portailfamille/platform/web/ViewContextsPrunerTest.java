package fr.portailfamille.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The session as Mojarra 4.0 leaves it after views were evicted: their view-scope contexts go, the others stay. */
class ViewContextsPrunerTest {

    /** A session map that records which attributes were set again (what the session store replicates). */
    static final class Session extends HashMap<String, Object> {
        final List<String> puts = new ArrayList<>();

        @Override
        public Object put(String key, Object value) {
            puts.add(key);
            return super.put(key, value);
        }
    }

    /** Mojarra's two attributes: view maps kept (the last {@code kept} of {@code opened}), contexts of all opened. */
    static Session session(int opened, int kept) {
        Map<String, Object> views = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true));
        Map<String, Map<String, Object>> contexts = new ConcurrentHashMap<>();
        for (int i = 1; i <= opened; i++) {
            Map<String, Object> beans = new ConcurrentHashMap<>();
            beans.put("fr.portailfamille.platform.booking.web.PlanningView", "planningView");
            contexts.put("view-" + i, beans);
            if (i > opened - kept) {
                views.put("view-" + i, new HashMap<String, Object>());
            }
        }
        Session session = new Session();
        session.putAll(Map.of(ViewContextsPruner.CONTEXTS, contexts, ViewContextsPruner.VIEW_MAPS, views));
        session.puts.clear();
        return session;
    }

    @Test
    void theContextsOfEvictedViewsGoAndTheAttributeIsSetAgain() {
        Session session = session(311, 6);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> contexts = (Map<String, Map<String, Object>>) session.get(ViewContextsPruner.CONTEXTS);
        Map<String, Object> kept = contexts.get("view-311");

        assertEquals(305, ViewContextsPruner.prune(session));

        assertEquals(Set.of("view-306", "view-307", "view-308", "view-309", "view-310", "view-311"), contexts.keySet());
        assertSame(kept, contexts.get("view-311"), "an active view's beans' contexts are left as they are");
        assertSame(contexts, session.get(ViewContextsPruner.CONTEXTS));
        assertEquals(List.of(ViewContextsPruner.CONTEXTS), session.puts, "set again, so that the store writes it");
    }

    @Test
    void aSessionWithNothingStaleIsLeftUntouched() {
        Session session = session(4, 6);

        assertEquals(0, ViewContextsPruner.prune(session));

        assertEquals(4, ((Map<?, ?>) session.get(ViewContextsPruner.CONTEXTS)).size());
        assertTrue(session.puts.isEmpty());
    }

    @Test
    void aSessionWithoutMojarrasMapsIsLeftUntouched() {
        Session noViews = session(3, 3);
        noViews.remove(ViewContextsPruner.VIEW_MAPS);
        Session noContexts = session(3, 3);
        noContexts.remove(ViewContextsPruner.CONTEXTS);

        assertEquals(0, ViewContextsPruner.prune(noViews));
        assertEquals(0, ViewContextsPruner.prune(noContexts));
        assertEquals(0, ViewContextsPruner.prune(new Session()));

        assertEquals(3, ((Map<?, ?>) noViews.get(ViewContextsPruner.CONTEXTS)).size());
        assertTrue(noViews.puts.isEmpty() && noContexts.puts.isEmpty());
    }
}
