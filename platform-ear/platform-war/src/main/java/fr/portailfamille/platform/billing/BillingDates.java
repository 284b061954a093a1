package fr.portailfamille.platform.billing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as French billing documents print them (31/12/2026). */
public final class BillingDates {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private BillingDates() {
    }

    public static String text(LocalDate day) {
        return day == null ? "" : FRENCH.format(day);
    }
}
