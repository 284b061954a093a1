package fr.portailfamille.platform.booking;

import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Rows;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accueil's "prochaines journées": for each child of the signed-in family, its next booked days (booked, awaiting
 * validation or on the waiting list) with each unit's activity and status, read in one statement for all children.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class NextBookings {

    /** How far ahead Accueil looks. */
    static final int HORIZON_DAYS = 62;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    Clock clock = PlatformTime.clock();

    /** One booked unit of a day. */
    public static final class Unit {
        private final LocalDate day;
        private final long activityId;
        private final String activity;
        private final String unit;
        private final String status;

        Unit(LocalDate day, long activityId, String activity, String unit, String status) {
            this.day = day;
            this.activityId = activityId;
            this.activity = activity;
            this.unit = unit;
            this.status = status;
        }

        public LocalDate getDay() { return day; }
        public long getActivityId() { return activityId; }
        public String getActivity() { return activity; }
        public String getUnit() { return unit; }
        /** A {@code BookingStatus} name: BOOKED, BOOKED_LATE, PENDING_VALIDATION or WAITING. */
        public String getStatus() { return status; }
    }

    /** A child (its position in the file, as Mon planning's {@code enfant}) and its next booked units, in order. */
    public static final class ChildDays {
        private final int position;
        private final String firstName;
        private final List<Unit> units = new ArrayList<>();

        ChildDays(int position, String firstName) {
            this.position = position;
            this.firstName = firstName;
        }

        public int getPosition() { return position; }
        public String getFirstName() { return firstName; }
        public List<Unit> getUnits() { return units; }
    }

    /** Each child of the family with its next {@code days} booked days from today (none for staff or without a file). */
    public List<ChildDays> of(SignedInUser user, int days) {
        if (FamilyFileService.isStaff(user)) {
            return List.of();
        }
        var file = files.fileOf(user);
        Long family = file.getId();
        // a file not validated yet books nothing: no « Planning de Léa » link to a page that would only say so
        if (family == null || file.getStatus() != fr.portailfamille.platform.family.FamilyStatus.VALIDATED) {
            return List.of();
        }
        LocalDate today = PlatformTime.today(clock);
        List<?> rows = em.createNativeQuery("with kids(id, first_name, position) as (select c.id, c.first_name,"
                        + " row_number() over (order by c.id) from child c where c.family_id = ?1),"
                        + " next(child_id, day, activity_id, activity, unit, status, start_time, rk) as ("
                        + " select b.child_id, b.day, a.id, a.name, u.label, b.status, u.start_time,"
                        + " dense_rank() over (partition by b.child_id order by b.day)"
                        + " from booking b join activity_unit u on u.id = b.unit_id join activity a on a.id = u.activity_id"
                        + " where b.child_id in (select id from kids) and b.day >= ?2 and b.day < ?3"
                        + " and b.status in ('BOOKED', 'BOOKED_LATE', 'PENDING_VALIDATION', 'WAITING'))"
                        + " select k.position, k.first_name, n.day, n.activity_id, n.activity, n.unit, n.status"
                        + " from kids k left join next n on n.child_id = k.id and n.rk <= ?4"
                        + " order by k.position, n.day, n.start_time nulls last, n.activity, n.unit")
                .setParameter(1, family).setParameter(2, today).setParameter(3, today.plusDays(HORIZON_DAYS))
                .setParameter(4, Math.max(1, days)).getResultList();
        Map<Integer, ChildDays> children = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            ChildDays child = children.computeIfAbsent(((Number) r[0]).intValue(), p -> new ChildDays(p, (String) r[1]));
            if (r[2] != null) {
                child.units.add(new Unit(Rows.day(r[2]), Rows.id(r[3]), (String) r[4], (String) r[5], (String) r[6]));
            }
        }
        return List.copyOf(children.values());
    }
}
