package fr.portailfamille.platform.profile;

import fr.portailfamille.booking.BookingReminder;
import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DateRange;
import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.platform.booking.ActivityUnit;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.kernel.Rows;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Booking-deadline reminders of the current commune ({@link BookingReminder} decides): each family who usually
 * books an activity and has not booked the coming week is mailed before its deadline, once per family, activity and
 * week (recorded in {@code booking_reminder}), unless an account of the family opted out on Mon profil. The mail
 * names the activity and the deadline, never a child. One transaction per run and commune.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class BookingReminders {

    static final String PAGE = "/espace/planning.xhtml";
    /** Bookings that show a family books the activity (a cancelled day does not; a waiting one only to come). */
    private static final String KEPT = "('BOOKED', 'BOOKED_LATE', 'PENDING_VALIDATION', 'PRESENT', 'ABSENT_EXCUSED', 'ABSENT_BILLED')";

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    CommuneSettings settings;

    @Inject
    FamilyMails mails;

    /** Sends the reminders due at {@code now} (the commune's local time); returns how many were mailed. */
    public int send(LocalDateTime now) {
        CommuneCalendar cal = settings.calendar();
        List<DateRange> schoolYears = settings.schoolYears();
        Set<Long> optedOut = new HashSet<>();
        // the choice of the account the file is linked to now: an account the commune detached from it (its file
        // linked since by another account of its address) no longer silences the family
        for (Object id : em.createNativeQuery("select distinct f.id from family f join account_preference p"
                + " on p.subject = f.subject where p.reminders_opt_out").getResultList()) {
            optedOut.add(Rows.id(id));
        }
        LocalDate today = now.toLocalDate();
        LocalDate from = today.minusWeeks(BookingReminder.LOOKBACK_WEEKS + 1);
        LocalDate to = today.plusWeeks(4);
        int sent = 0;
        for (Activity activity : em.createQuery("select a from Activity a order by a.id", Activity.class).getResultList()) {
            List<MonthPlan.Unit> units = em.createQuery("select u from ActivityUnit u where u.activity = :a", ActivityUnit.class)
                    .setParameter("a", activity).getResultList().stream().map(ActivityUnit::plan).toList();
            if (units.isEmpty()) {
                continue;
            }
            Predicate<LocalDate> runsOn = day -> units.stream().anyMatch(u -> MonthPlan.runsOn(u, day, cal, schoolYears));
            Map<Long, List<LocalDate>> daysByFamily = new LinkedHashMap<>();
            for (Object o : em.createNativeQuery("select c.family_id, b.day from booking b join child c on c.id = b.child_id"
                            + " join activity_unit u on u.id = b.unit_id where u.activity_id = ?1 and (b.status in " + KEPT
                            // a day to come on the waiting list is asked for already: its family is not told to book it
                            + " or (b.status = 'WAITING' and b.day >= ?4)) and b.day between ?2 and ?3 order by c.family_id")
                    .setParameter(1, activity.getId()).setParameter(2, from).setParameter(3, to).setParameter(4, today)
                    .getResultList()) {
                Object[] r = (Object[]) o;
                daysByFamily.computeIfAbsent(Rows.id(r[0]), k -> new ArrayList<>()).add(Rows.day(r[1]));
            }
            for (Map.Entry<Long, List<LocalDate>> family : daysByFamily.entrySet()) {
                if (optedOut.contains(family.getKey())) {
                    continue;
                }
                var due = BookingReminder.due(now, activity.rules().booking(), cal, runsOn, family.getValue());
                if (due.isEmpty()) {
                    continue;
                }
                int recorded = em.createNativeQuery("insert into booking_reminder (family_id, activity_id, period_start, closes_at)"
                                + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                        .setParameter(1, family.getKey()).setParameter(2, activity.getId())
                        .setParameter(3, due.get().periodStart()).setParameter(4, due.get().closesAt()).executeUpdate();
                if (recorded == 0) {
                    continue; // reminded already
                }
                List<?> email = em.createNativeQuery("select email from family where id = ?1").setParameter(1, family.getKey())
                        .getResultList();
                mails.send(email.isEmpty() ? null : (String) email.get(0), "Réservations : " + activity.getName(),
                        due.get().text() + " pour l'activité « " + activity.getName() + " ».\n"
                                + "Vous réservez habituellement cette activité : pensez à réserver dans Mon planning.\n"
                                + "(Vous pouvez ne plus recevoir ces rappels depuis Mon profil.)", PAGE);
                sent++;
            }
        }
        return sent;
    }
}
