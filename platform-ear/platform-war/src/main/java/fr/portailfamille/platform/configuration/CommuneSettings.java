package fr.portailfamille.platform.configuration;

import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DateRange;
import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.Legend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The current commune's configured calendar, legend and texts, read from its schema (tables of
 * migration V5, written by the configuration screens and imports).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
@CommuneRequired
public class CommuneSettings {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    Clock clock = Clock.systemDefaultZone();

    /**
     * The commune's calendar: French public holidays from last year to two years ahead, its closures
     * and the school holidays of its zone.
     */
    public CommuneCalendar calendar() {
        Set<LocalDate> closures = new HashSet<>();
        for (Object d : em.createNativeQuery("select day from closure").getResultList()) {
            closures.add(toLocalDate(d));
        }
        int year = LocalDate.now(clock).getYear();
        return CommuneCalendar.french(year - 1, year + 2, closures, periods("VACANCES"));
    }

    /** The commune's school years (when school-time activities run); empty when none is configured. */
    public List<DateRange> schoolYears() {
        return periods("ANNEE_SCOLAIRE");
    }

    private List<DateRange> periods(String kind) {
        List<DateRange> ranges = new ArrayList<>();
        for (Object row : em.createNativeQuery("select start_day, end_day, label from calendar_period where kind = ?1"
                + " order by start_day").setParameter(1, kind).getResultList()) {
            Object[] r = (Object[]) row;
            ranges.add(new DateRange(toLocalDate(r[0]), toLocalDate(r[1]), (String) r[2]));
        }
        return ranges;
    }

    /** The commune's legend: its own labels and colours over the platform's defaults. */
    public Legend legend() {
        Legend legend = Legend.defaults();
        for (Object row : em.createNativeQuery("select state, label, background, text_color from legend_entry")
                .getResultList()) {
            Object[] r = (Object[]) row;
            try {
                legend = legend.with(DayState.valueOf((String) r[0]),
                        new Legend.LegendEntry((String) r[1], ((String) r[2]).trim(), ((String) r[3]).trim()));
            } catch (IllegalArgumentException unknownState) {
                // a state removed from the platform: ignored
            }
        }
        return legend;
    }

    /** A free setting of the commune (zone, cgu…). */
    public Optional<String> setting(String key) {
        List<?> r = em.createNativeQuery("select value from commune_setting where key = ?1").setParameter(1, key)
                .getResultList();
        return r.isEmpty() ? Optional.empty() : Optional.of((String) r.get(0));
    }

    /** The commune's conditions générales d'utilisation, accepted at every activity registration. */
    public String cgu() {
        return setting("cgu").orElse("Les réservations et annulations respectent les délais fixés par la commune ;"
                + " toute journée réservée et non annulée dans les délais est facturée, sauf absence excusée.");
    }

    static LocalDate toLocalDate(Object sqlDate) {
        return sqlDate instanceof Date d ? d.toLocalDate() : (LocalDate) sqlDate;
    }
}
