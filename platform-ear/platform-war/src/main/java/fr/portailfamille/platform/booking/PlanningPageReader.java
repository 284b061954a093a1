package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.Legend;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyChild;
import fr.portailfamille.platform.family.FamilyStatus;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.OneConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything "Mon planning" shows on opening, read in ONE transaction (the services it calls join it, and
 * share its persistence context): the family's status and children, the commune's activities, the
 * activity shown (the one asked for, else the first the child is registered to), its units, whether the
 * child is registered, the month's days and the commune's legend — on one JDBC connection held for the
 * transaction ({@link OneConnection}), the family's status and children in one query (nothing else of its file is
 * loaded), the child's registrations in one query.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class PlanningPageReader {

    @Inject
    PlanningService bookings;

    @Inject
    ActivityCatalog catalog;

    @Inject
    FamilyFileService files;

    @Inject
    CommuneSettings settings;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    /** What the page shows; {@code activite} is the activity shown, {@code null} when the commune has none. */
    public record PlanningPage(boolean validated, List<FamilyChild> children, List<Activity> activities,
                               Long activite, List<ActivityUnit> units, boolean registered, List<PlanningDay> days,
                               Legend legend) {
    }

    /**
     * @param enfant   the child's position in the family's file (1 = first)
     * @param activite the activity asked for, or {@code null} for the first one the child is registered to
     */
    public PlanningPage read(SignedInUser user, int enfant, Long activite, YearMonth month) {
        OneConnection.hold(em);
        // the account's own file, its status and children only: the child shown is one of them, checked here once
        FamilyFileService.Overview family = files.overviewOf(user);
        boolean validated = family.status() == FamilyStatus.VALIDATED;
        List<FamilyChild> children = family.children();
        FamilyChild child = enfant >= 1 && enfant <= children.size() ? children.get(enfant - 1) : null;
        Long childId = validated && child != null ? child.getId() : null;
        List<Long> registeredTo = childId == null ? List.of() : bookings.registeredActivitiesOfOwnChild(childId);
        // the child's own activities first in the select (as the seeds' portals offer only those), the others after
        List<Activity> activities = catalog.activities().stream()
                .sorted(java.util.Comparator.comparing((Activity a) -> !registeredTo.contains(a.getId()))).toList();
        Long shown = activite;
        if (shown == null && !activities.isEmpty()) {
            shown = activities.stream().map(Activity::getId).filter(registeredTo::contains).findFirst()
                    .orElse(activities.get(0).getId());
        }
        List<ActivityUnit> units = shown == null ? List.of() : catalog.unitsOf(shown);
        boolean registered = shown != null && registeredTo.contains(shown);
        List<PlanningDay> days = registered ? bookings.planningOfOwnChild(childId, shown, month, units) : List.of();
        return new PlanningPage(validated, children, activities, shown, units, registered, days, settings.legend());
    }

    /** One activity of a child's month ({@link #childMonth}): its units and the month's days with their states. */
    public record ActivityMonth(Activity activity, List<ActivityUnit> units, List<PlanningDay> days) {
    }

    /**
     * A child's month as Mon planning computes it, for the families' API: the activity asked for, or every activity
     * the child's registration to is validated (one query), each with its units and days ({@link PlanningService#planning}).
     *
     * @throws BookingRefused for a child not in the family's validated file, or an activity the child is not registered to
     */
    public List<ActivityMonth> childMonth(SignedInUser user, long childId, Long activite, YearMonth month) {
        OneConnection.hold(em);
        List<Long> registered = bookings.registeredActivities(user, childId);
        if (activite != null && !registered.contains(activite)) {
            throw new BookingRefused(Refused.text("booking.child.notRegistered"));
        }
        List<ActivityMonth> result = new java.util.ArrayList<>();
        for (Activity a : catalog.activities()) {
            if (activite == null ? registered.contains(a.getId()) : a.getId().equals(activite)) {
                result.add(new ActivityMonth(a, catalog.unitsOf(a.getId()), bookings.planning(user, childId, a.getId(), month)));
            }
        }
        return result;
    }
}
