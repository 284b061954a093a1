package fr.portailfamille.platform.profile;

import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Each morning, mails every commune's usual bookers whose coming week closes within three days (once each). */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BookingReminderJob {

    private static final Logger LOG = Logger.getLogger(BookingReminderJob.class.getName());

    @Inject
    CommuneDirectory directory;

    @Inject
    BookingReminders reminders;

    @Schedule(hour = "8", minute = "10", persistent = false, info = "rappels avant la clôture des réservations")
    public void daily() {
        directory.forEachActive(LOG, "Rappels de réservation impossibles", commune -> {
            int sent = reminders.send(PlatformTime.now());
            LOG.info(() -> "Commune " + commune.slug() + " : " + sent + " rappel(s) de réservation envoyé(s)");
        });
    }
}
