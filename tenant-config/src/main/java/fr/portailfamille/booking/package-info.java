/**
 * Booking rules of the family portal, as pure domain code (JDK only, no I/O, no clock), and the one
 * piece of SQL they need shared: {@link fr.portailfamille.booking.SeatLedger}, the seat counter of a unit-day
 * over a JDBC connection, run by the platform and by the seat-lock bench alike.
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
 *   <li>{@link fr.portailfamille.booking.TypicalWeek}: the unit-days a "semaine type" asks for;
 *       {@link fr.portailfamille.booking.WaitingList}: who gets a freed seat;
 *       {@link fr.portailfamille.booking.AbsenceRules}: which absences are billed or excused;
 *       {@link fr.portailfamille.booking.AttendanceRules}: who can be pointed, and when.</li>
 * </ul>
 *
 * <p>All date-times are {@link java.time.LocalDateTime local date-times in the commune's time zone}
 * ({@link fr.portailfamille.booking.CommuneZone}: Europe/Paris, mainland France only for now): the caller converts
 * the current instant to that zone before asking. User-facing texts are in French.
 */
package fr.portailfamille.booking;
