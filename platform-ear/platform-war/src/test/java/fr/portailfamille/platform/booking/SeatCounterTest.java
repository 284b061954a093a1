package fr.portailfamille.platform.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.booking.BookingStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What a request promoted from the waiting list becomes. */
class SeatCounterTest {

    private static Booking waiting(boolean surcharged) {
        return new Booking(null, null, LocalDate.of(2027, 1, 12), BookingStatus.WAITING, surcharged);
    }

    @Test
    void aLateRequestPromotedIsBookedLateSoThatItsSurchargeShows() {
        assertEquals(BookingStatus.BOOKED_LATE, SeatCounter.lateIfSurcharged(BookingStatus.BOOKED, waiting(true)));
    }

    @Test
    void anOnTimeRequestPromotedIsBooked() {
        assertEquals(BookingStatus.BOOKED, SeatCounter.lateIfSurcharged(BookingStatus.BOOKED, waiting(false)));
    }

    @Test
    void aRequestPromotedToAwaitAnAgentsValidationAwaitsItWhateverItsSurcharge() {
        assertEquals(BookingStatus.PENDING_VALIDATION, SeatCounter.lateIfSurcharged(BookingStatus.PENDING_VALIDATION, waiting(true)));
    }
}
