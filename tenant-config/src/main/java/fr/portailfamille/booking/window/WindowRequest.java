package fr.portailfamille.booking.window;

import fr.portailfamille.booking.MonthPlan;
import java.util.List;

/**
 * A family's request to an opening window (one per family and window): the unit-days each of its
 * children asks for, and the facts its priority is weighed on. Its arrival time is not part of it.
 */
public record WindowRequest(long familyId, PriorityFacts facts, List<Wish> wishes) {

    public WindowRequest {
        wishes = List.copyOf(wishes);
    }

    /** One child asking for one unit-day. */
    public record Wish(long childId, MonthPlan.UnitDay unitDay) {
    }
}
