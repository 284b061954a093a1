package fr.portailfamille.platform.booking;

import fr.portailfamille.platform.configuration.CapacitiesRaised;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit's capacity raised by a configuration save: each of its days to come with children waiting gives them the new
 * seats at once, oldest request first, each family mailed ({@link SeatCounter#fill}) — as a seat given up would — in
 * the save's transaction. A capacity lowered below the seats taken keeps them; the waiting list is served again once the
 * unit-day is back within it ({@code WaitingList.release}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@CommuneRequired
public class CapacityChanges {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    SeatCounter seats;

    void raised(@Observes CapacitiesRaised raised) {
        Map<Long, ActivityUnit> units = new HashMap<>();
        for (CapacitiesRaised.Unit u : raised.units()) {
            em.createQuery("select u from ActivityUnit u where u.activity.code = :a and u.code = :u", ActivityUnit.class)
                    .setParameter("a", u.activity()).setParameter("u", u.unit()).getResultList()
                    .forEach(unit -> units.put(unit.getId(), unit)); // read after the save's write, in its transaction
        }
        if (units.isEmpty()) {
            return;
        }
        // days in order, then units, as every other writer takes the unit-days' locks
        @SuppressWarnings("unchecked")
        List<Object[]> days = em.createNativeQuery("select distinct b.day, b.unit_id from booking b where b.status = 'WAITING'"
                        + " and b.day >= ?1 and b.unit_id = any(cast(?2 as bigint[])) order by b.day, b.unit_id")
                .setParameter(1, PlatformTime.today())
                .setParameter(2, "{" + String.join(",", units.keySet().stream().map(String::valueOf).toList()) + "}")
                .getResultList();
        for (Object[] r : days) {
            LocalDate day = r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0];
            seats.fill(units.get(((Number) r[1]).longValue()), day);
        }
    }
}
