package fr.portailfamille.platform.profile;

import fr.portailfamille.platform.kernel.PlatformTime;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * A child's booked days as an iCalendar document (ical4j): the VTIMEZONE of Europe/Paris, one event per booked
 * unit-day — at the unit's times when it has them, else all day —, with a UID made of the commune, child, unit and
 * day, so that a phone refreshing the feed updates its events instead of duplicating them. Only the child's first
 * name, the activity and the unit: no health data.
 */
public final class ChildCalendarIcs {

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private ChildCalendarIcs() {
    }

    /**
     * @param communeSlug the commune, part of every UID
     * @param communeName shown as the calendar's name with the child's first name
     * @param now         the DTSTAMP of every event
     */
    public static String write(String communeSlug, String communeName, ChildCalendars.Opened feed, Instant now) {
        VTimeZone paris = ZONES.getTimeZone(PlatformTime.ZONE.getId()).getVTimeZone();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Portail Famille//Calendrier des reservations//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", feed.firstName() + " – " + communeName));
        calendar.add(new XProperty("X-WR-TIMEZONE", PlatformTime.ZONE.getId()));
        calendar.add(paris);
        DtStamp stamp = new DtStamp(now);
        for (ChildCalendars.Day d : feed.days()) {
            String summary = d.activity() + " – " + d.unit() + " (" + feed.firstName() + ")";
            VEvent event;
            if (d.start() != null && d.end() != null && d.end().isAfter(d.start())) {
                event = new VEvent(ZonedDateTime.of(d.day(), d.start(), PlatformTime.ZONE),
                        ZonedDateTime.of(d.day(), d.end(), PlatformTime.ZONE), summary);
            } else {
                event = new VEvent(d.day(), d.day().plusDays(1), summary);
            }
            event.add(new Uid(uid(communeSlug, d)));
            event.replace(stamp); // the constructor stamps the event with "now": the feed's own stamp keeps it stable
            event.add(new Description("Réservation confirmée – " + communeName));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("Calendrier non écrit : " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** {@code 12-5-2026-12-09@alpha.portail-famille}: the same unit-day of the same child keeps its UID. */
    static String uid(String communeSlug, ChildCalendars.Day d) {
        return d.childId() + "-" + d.unitId() + "-" + d.day() + "@" + communeSlug + ".portail-famille";
    }
}
