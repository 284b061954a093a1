package fr.portailfamille.booking;

import java.time.ZoneId;

/**
 * The time zone of the communes served, written once: the one their days and hours are read in (a booking's day, a
 * deadline "J-2 à 23:59", today).
 *
 * <p>Europe/Paris: communes of mainland France. Overseas communes (e.g. America/Cayenne, Indian/Reunion) would need a
 * zone per commune; that is not yet supported.
 */
public final class CommuneZone {

    /** Europe/Paris. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private CommuneZone() {
    }
}
