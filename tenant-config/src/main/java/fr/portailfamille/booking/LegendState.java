package fr.portailfamille.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/** Computes the {@link DayState} of one day/unit for one child, as shown in the month calendar. */
public final class LegendState {

    private LegendState() {
    }

    /**
     * The state of {@code day} for one unit and one child, seen at {@code now}. The first rule that
     * applies wins:
     * <ol>
     *   <li>recorded attendance: {@link BookingStatus#PRESENT} → {@link DayState#PRESENT},
     *       {@link BookingStatus#ABSENT_EXCUSED} → {@link DayState#ABSENT_EXCUSE},
     *       {@link BookingStatus#ABSENT_BILLED} → {@link DayState#ABSENT_FACTURE},
     *       {@link BookingStatus#ABSENT_PENDING} → {@link DayState#ABSENCE_EN_VERIFICATION} (certificate
     *       not reviewed yet), {@link BookingStatus#REFUSED} → {@link DayState#REFUSEE} (what happened
     *       is shown even if the calendar changed afterwards);</li>
     *   <li>public holiday → {@link DayState#FERIE};</li>
     *   <li>school holidays, when the activity does not run during them → {@link DayState#VACANCES};</li>
     *   <li>closure, or the unit does not run that day → {@link DayState#FERME} (a booking on such a
     *       day is void and not shown);</li>
     *   <li>the child's booking: {@link BookingStatus#CANCELLED_FREE} → {@link DayState#ANNULE_SANS_FRAIS},
     *       {@link BookingStatus#BOOKED} and {@link BookingStatus#BOOKED_LATE} (a booked day says it is
     *       booked; the surcharge is told next to it) → {@link DayState#RESERVE_ANNULABLE} while the cancellation
     *       deadline is not passed (limit minute included), else {@link DayState#RESERVE_NON_ANNULABLE},
     *       {@link BookingStatus#WAITING} → {@link DayState#LISTE_ATTENTE},
     *       {@link BookingStatus#PENDING_VALIDATION} → {@link DayState#EN_ATTENTE_VALIDATION};</li>
     *   <li>no booking: what {@link BookingRules#decideBooking} would answer now, so that the calendar
     *       never promises what the booking would refuse —
     *       refused (past day, or booking deadline passed with late bookings refused) →
     *       {@link DayState#FERME}, as none of the legend states means "no longer bookable";
     *       waiting list → {@link DayState#COMPLET};
     *       late but accepted with a surcharge → {@link DayState#HORS_DELAI_MAJORE} ("l'inscription
     *       sera majorée"); otherwise → {@link DayState#RESERVABLE} (also when bookings need
     *       validation).</li>
     * </ol>
     *
     * @param runsDuringSchoolHolidays whether the activity runs during school holidays (ALSH vacances:
     *     yes; périscolaire, restauration scolaire: no)
     * @param unitRuns whether this unit runs that day (e.g. no SOIR on Wednesdays, no ALSH on school days)
     * @param status the child's booking for that day and unit, {@code null} when there is none
     * @param booked places already taken for that day and unit
     * @param capacity places for that day and unit ({@link Integer#MAX_VALUE} for no limit)
     */
    public static DayState of(LocalDate day, LocalDateTime now, CommuneCalendar cal, BookingRules rules,
            boolean runsDuringSchoolHolidays, boolean unitRuns, BookingStatus status, int booked, int capacity) {
        return of(day, now, cal, rules, runsDuringSchoolHolidays, unitRuns, null, status, booked, capacity);
    }

    /**
     * As above, for a unit starting at {@code start} ({@code null}: no time): a day without a booking
     * whose unit has already started is {@link DayState#FERME}, as
     * {@link BookingRules#decideBooking(LocalDateTime, LocalDate, LocalTime, CommuneCalendar, boolean, int, int)}
     * refuses it.
     */
    public static DayState of(LocalDate day, LocalDateTime now, CommuneCalendar cal, BookingRules rules,
            boolean runsDuringSchoolHolidays, boolean unitRuns, LocalTime start, BookingStatus status, int booked,
            int capacity) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(cal, "cal");
        Objects.requireNonNull(rules, "rules");
        if (status != null) {
            switch (status) {
                case PRESENT:
                    return DayState.PRESENT;
                case ABSENT_EXCUSED:
                    return DayState.ABSENT_EXCUSE;
                case ABSENT_BILLED:
                    return DayState.ABSENT_FACTURE;
                case ABSENT_PENDING:
                    return DayState.ABSENCE_EN_VERIFICATION;
                case REFUSED:
                    return DayState.REFUSEE;
                default:
                    break;
            }
        }
        if ((status == BookingStatus.BOOKED || status == BookingStatus.BOOKED_LATE) && day.isBefore(now.toLocalDate())) {
            // a past day still booked is billed as booked, whatever the calendar or the unit's days say since (holidays
            // moved, a weekday removed: a save undoes bookings from today on only; closures of past days do theirs)
            return DayState.RESERVE_NON_ANNULABLE;
        }
        if (cal.isPublicHoliday(day)) {
            return DayState.FERIE;
        }
        if (!runsDuringSchoolHolidays && cal.isSchoolHoliday(day)) {
            return DayState.VACANCES;
        }
        if (cal.isClosed(day) || !unitRuns) {
            return DayState.FERME;
        }
        if (status != null) {
            return switch (status) {
                case CANCELLED_FREE -> DayState.ANNULE_SANS_FRAIS;
                // as a cancellation would be decided: a unit already started is never cancelled free, whatever a
                // same-day deadline says
                case BOOKED, BOOKED_LATE -> rules.decideCancellation(now, day, cal, start).outcome()
                        == CancellationDecision.Outcome.FREE ? DayState.RESERVE_ANNULABLE : DayState.RESERVE_NON_ANNULABLE;
                case WAITING -> DayState.LISTE_ATTENTE;
                case PENDING_VALIDATION -> DayState.EN_ATTENTE_VALIDATION;
                case PRESENT, ABSENT_EXCUSED, ABSENT_BILLED, ABSENT_PENDING, REFUSED -> throw new AssertionError(status);
            };
        }
        BookingDecision decision = rules.decideBooking(now, day, start, cal, true, booked, capacity);
        return switch (decision.outcome()) {
            case REFUSED -> DayState.FERME;
            case WAITING_LIST -> DayState.COMPLET;
            case ACCEPTED_SURCHARGED -> DayState.HORS_DELAI_MAJORE;
            case PENDING_VALIDATION -> decision.surcharged() ? DayState.HORS_DELAI_MAJORE : DayState.RESERVABLE;
            case ACCEPTED -> DayState.RESERVABLE;
        };
    }
}
