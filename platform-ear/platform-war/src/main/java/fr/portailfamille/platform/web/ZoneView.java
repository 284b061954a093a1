package fr.portailfamille.platform.web;

import fr.portailfamille.platform.kernel.PlatformTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The platform's time zone for the pages' dates and hours: {@code <f:convertDateTime type="offsetDateTime"
 * timeZone="#{platformZone.id}"/>} writes an instant in Europe/Paris ({@link PlatformTime#ZONE}), whatever offset
 * the value was read with (a timestamp read from PostgreSQL may carry UTC's) or the process's zone.
 */
@Named("platformZone")
@ApplicationScoped
public class ZoneView {

    /** The zone's id, "Europe/Paris". */
    public String getId() {
        return PlatformTime.ZONE.getId();
    }
}
