/**
 * Booking rules of the family portal, as pure domain code (JDK only, no I/O, no clock).
 *
 * <ul>
 *   <li>{@link fr.portailfamille.booking.CommuneCalendar}: a commune's public holidays, closures and
 *       school holidays; {@link fr.portailfamille.booking.FrenchPublicHolidays} computes the eleven
 *       national public holidays of a year.</li>
 *   <li>{@link fr.portailfamille.booking.Deadline}: the three deadline forms communes use (J-n,
 *       J-n working days, weekly cut-off).</li>
 *   <li>{@link fr.portailfamille.booking.BookingRules}: what a booking or a cancellation request
 *       becomes ({@link fr.portailfamille.booking.BookingDecision},
 *       {@link fr.portailfamille.booking.CancellationDecision}).</li>
 *   <li>{@link fr.portailfamille.booking.LegendState}: the state of one day/unit in a child's month
 *       calendar, and {@link fr.portailfamille.booking.Legend} the commune's labels and colours for
 *       these states.</li>
 * </ul>
 *
 * <p>All date-times are {@link java.time.LocalDateTime local date-times in the commune's time zone}
 * (Europe/Paris in mainland France, but overseas communes have their own): the caller converts the
 * current instant to the commune's zone before asking. User-facing texts are in French.
 */
package fr.portailfamille.booking;
