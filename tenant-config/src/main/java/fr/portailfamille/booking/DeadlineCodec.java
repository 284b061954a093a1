package fr.portailfamille.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@link Deadline} is written in a commune's configuration (database column, configuration
 * file): {@code J-2@23:59} (calendar days before), {@code JO-2@10:00} (working days before),
 * {@code SEMAINE-TUESDAY@23:59} (weekly cut-off for the following week).
 */
public final class DeadlineCodec {

    private static final Pattern FORM = Pattern.compile("^(J|JO)-(\\d{1,3})@(\\d{2}:\\d{2})$|^SEMAINE-([A-Z]+)@(\\d{2}:\\d{2})$");

    private DeadlineCodec() {
    }

    public static String format(Deadline d) {
        if (d instanceof Deadline.DaysBefore b) {
            return "J-" + b.days() + "@" + b.at();
        }
        if (d instanceof Deadline.WorkingDaysBefore w) {
            return "JO-" + w.days() + "@" + w.at();
        }
        Deadline.WeeklyCutoff c = (Deadline.WeeklyCutoff) d;
        return "SEMAINE-" + c.weekday() + "@" + c.at();
    }

    /** @throws IllegalArgumentException with a French message when the text is not a deadline */
    public static Deadline parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Délai invalide : « " + text + " » (exemples : J-2@23:59, JO-2@10:00,"
                    + " SEMAINE-TUESDAY@23:59).");
        }
        try {
            if (m.group(1) != null) {
                int days = Integer.parseInt(m.group(2));
                LocalTime at = LocalTime.parse(m.group(3));
                return m.group(1).equals("J") ? new Deadline.DaysBefore(days, at) : new Deadline.WorkingDaysBefore(days, at);
            }
            return new Deadline.WeeklyCutoff(DayOfWeek.valueOf(m.group(4)), LocalTime.parse(m.group(5)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Délai invalide : « " + text + " ».", e);
        }
    }
}
