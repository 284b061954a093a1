package fr.portailfamille.platform.configuration;

import java.util.List;

/**
 * Units whose capacity a configuration save raised, fired in the save's transaction so that the children waiting for
 * their days get the new seats before any family booking later ({@code booking.CapacityChanges}).
 *
 * @param units each unit raised, by its activity's code and its own
 */
public record CapacitiesRaised(List<Unit> units) {

    /** A unit of activity {@code activity}, code {@code unit}. */
    public record Unit(String activity, String unit) {
    }

    public CapacitiesRaised {
        units = List.copyOf(units);
    }

    /** The units whose capacity is higher in {@code after} than in {@code before} (a new unit is not raised). */
    public static CapacitiesRaised between(fr.portailfamille.configuration.CommuneConfiguration before,
            fr.portailfamille.configuration.CommuneConfiguration after) {
        java.util.Map<Unit, Integer> was = new java.util.HashMap<>();
        before.activities().forEach(a -> a.units().forEach(u -> was.put(new Unit(a.code(), u.code()), u.capacity())));
        List<Unit> raised = new java.util.ArrayList<>();
        after.activities().forEach(a -> a.units().forEach(u -> {
            Integer old = was.get(new Unit(a.code(), u.code()));
            if (old != null && u.capacity() > old) {
                raised.add(new Unit(a.code(), u.code()));
            }
        }));
        return new CapacitiesRaised(raised);
    }
}
