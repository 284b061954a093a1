package fr.portailfamille.platform.billing.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.platform.kernel.Refused;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** An export's period: both days given, in order, a year at most; each refusal on its field, in French and English. */
class RegieExportsTest {

    static final LocalDate DAY = LocalDate.of(2026, 9, 1);

    @Test
    void aPeriodIsRefusedOnItsFieldInEachLanguage() {
        RegieExports.requirePeriod(DAY, DAY.plusDays(RegieExports.MAX_DAYS - 1));
        Refused from = assertThrows(Refused.class, () -> RegieExports.requirePeriod(null, DAY));
        assertEquals("du", from.field());
        assertEquals("Indiquez le premier jour de la période (JJ/MM/AAAA).", from.getMessage());
        assertEquals("Enter the first day of the period (DD/MM/YYYY).", from.text().in(Locale.ENGLISH));
        Refused order = assertThrows(Refused.class, () -> RegieExports.requirePeriod(DAY, DAY.minusDays(1)));
        assertEquals("Le dernier jour de la période précède le premier.", order.getMessage());
        Refused tooLong = assertThrows(Refused.class, () -> RegieExports.requirePeriod(DAY, DAY.plusDays(RegieExports.MAX_DAYS)));
        assertEquals("au", tooLong.field());
        assertEquals("La période ne peut dépasser 366 jours : exportez-la en plusieurs fois.", tooLong.getMessage());
        assertEquals("The period cannot be longer than 366 days: export it in several parts.", tooLong.text().in(Locale.ENGLISH));
    }

    @Test
    void anUnknownDatasetIsRefused() {
        Refused e = assertThrows(Refused.class, () -> RegieExports.Dataset.of("nope"));
        assertEquals("donnees", e.field());
        assertEquals("Choose the data to export: invoices, payments, CAF or journal.", e.text().in(Locale.ENGLISH));
    }
}
