package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.BookingStatus;
import java.time.LocalDate;

/** One child expected on one unit-day, as exported for the attendance of a period (no health data). */
public record AttendanceRow(LocalDate day, String activity, String unit, String lastName, String firstName,
                            String school, BookingStatus status) {
}
