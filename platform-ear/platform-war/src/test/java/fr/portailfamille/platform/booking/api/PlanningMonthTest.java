package fr.portailfamille.platform.booking.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.platform.api.ApiException;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The month the families' API opens a planning on: as Mon planning, never past what may be booked. */
class PlanningMonthTest {

    static final YearMonth NOW = YearMonth.of(2026, 12);

    @Test
    void aMonthUpToTheBookingHorizonOpensOneAfterItIsRefusedWithItsLastMonth() {
        assertEquals(NOW, PlanningResource.month(null, NOW));
        assertEquals(YearMonth.of(2028, 12), PlanningResource.month("2028-12", NOW), "two years ahead: its last month");
        assertEquals(YearMonth.of(2022, 1), PlanningResource.month("2022-01", NOW), "a past month, as the page");
        ApiException beyond = assertThrows(ApiException.class, () -> PlanningResource.month("2029-01", NOW));
        assertEquals(400, beyond.status());
        assertEquals("mois_invalide", beyond.error().code());
        assertTrue(beyond.getMessage().contains("au plus tard sur 2028-12"), beyond.getMessage());
        assertEquals("mois_invalide", assertThrows(ApiException.class, () -> PlanningResource.month("2031-01", NOW))
                .error().code());
        assertEquals("mois_invalide", assertThrows(ApiException.class, () -> PlanningResource.month("2020-12", NOW))
                .error().code(), "six years back");
    }
}
