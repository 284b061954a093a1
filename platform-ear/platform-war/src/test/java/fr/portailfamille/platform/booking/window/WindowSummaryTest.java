package fr.portailfamille.platform.booking.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class WindowSummaryTest {

    static WindowSummary window(OpeningWindow.State state) {
        return new WindowSummary(1, "ALSH été", LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 30),
                LocalDateTime.of(2027, 5, 1, 8, 0), LocalDateTime.of(2027, 5, 31, 23, 59), state, 0, null, 0, 0);
    }

    @Test
    void anOpenWindowIsCalledAsItsFamiliesSeeIt() {
        WindowSummary w = window(OpeningWindow.State.OPEN);
        assertEquals("OPEN_BEFORE", w.phase(LocalDateTime.of(2027, 4, 30, 12, 0)), "requests not open yet");
        assertEquals("OPEN", w.phase(LocalDateTime.of(2027, 5, 1, 8, 0)));
        assertEquals("OPEN", w.phase(LocalDateTime.of(2027, 5, 31, 23, 58)));
        assertEquals("OPEN_OVER", w.phase(LocalDateTime.of(2027, 5, 31, 23, 59)), "closed, to allocate");
        assertEquals("ALLOCATED", window(OpeningWindow.State.ALLOCATED).phase(LocalDateTime.of(2027, 4, 30, 12, 0)));
        assertEquals("PUBLISHED", window(OpeningWindow.State.PUBLISHED).phase(LocalDateTime.of(2027, 6, 30, 12, 0)));
    }
}
