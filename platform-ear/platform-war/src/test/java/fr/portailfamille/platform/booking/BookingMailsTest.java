package fr.portailfamille.platform.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The days a counter booking's mail tells the family: the weekdays asked, in order, so that a misheard one shows. */
class BookingMailsTest {

    static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);

    @Test
    void oneDayIsThatDay() {
        assertEquals("le lundi 4 janvier 2027", BookingMails.days(MONDAY, MONDAY, Set.of(DayOfWeek.MONDAY)));
    }

    @Test
    void aPeriodTellsItsWeekdaysInTheWeeksOrder() {
        assertEquals("les mardis du lundi 4 janvier 2027 au vendredi 29 janvier 2027",
                BookingMails.days(MONDAY, MONDAY.plusDays(25), Set.of(DayOfWeek.TUESDAY)));
        assertEquals("les lundis et jeudis du lundi 4 janvier 2027 au vendredi 29 janvier 2027",
                BookingMails.days(MONDAY, MONDAY.plusDays(25), Set.of(DayOfWeek.THURSDAY, DayOfWeek.MONDAY)));
        assertEquals("les lundis, mardis, jeudis et vendredis du lundi 4 janvier 2027 au vendredi 29 janvier 2027",
                BookingMails.days(MONDAY, MONDAY.plusDays(25), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)));
    }
}
