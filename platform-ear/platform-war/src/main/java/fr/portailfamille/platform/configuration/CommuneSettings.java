package fr.portailfamille.platform.configuration;

import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DateRange;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.configuration.CommuneConfiguration.Closure;
import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.CommuneConfiguration.PeriodKind;
import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.configuration.ConfigurationReader;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The current commune's configured calendar, legend, texts and registration documents, read through
 * tenant-config's {@link ConfigurationReader} (the one reader of the configuration tables) on the
 * persistence unit's connection, so that a read joins the caller's transaction. Within one transaction the
 * calendar and the billing section are read and built once ({@link PerTransaction}); {@link ConfigurationService#save}
 * forgets them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
@CommuneRequired
public class CommuneSettings {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry registry;

    Clock clock = PlatformTime.clock();

    /** How many years before and after this one the calendar knows the public holidays of. */
    static final int HOLIDAY_YEARS = 5;

    /**
     * The commune's calendar: French public holidays from {@value #HOLIDAY_YEARS} years back to as many ahead, its
     * closures and the school holidays of its zone.
     */
    public CommuneCalendar calendar() {
        return PerTransaction.memo(registry, "calendar", () -> {
            ConfigurationReader reader = reader();
            Set<LocalDate> closures = reader.closures().stream().map(Closure::day).collect(Collectors.toSet());
            int year = PlatformTime.today(clock).getYear();
            // the public holidays of every year a page may show (the families' API: five years either way), so that no
            // 15 August of a far month shows bookable, nor a past one as a day that ran
            return CommuneCalendar.french(year - HOLIDAY_YEARS, year + HOLIDAY_YEARS, closures,
                    ranges(periods(reader), PeriodKind.VACANCES));
        });
    }

    /** The key of the commune's configuration lock (a PostgreSQL advisory lock, {@code hashtext} of it). */
    static String lockKey(String schema) {
        return schema + ".configuration";
    }

    /**
     * {@link #calendar()} for a transaction that books on it: a configuration save in progress is waited for (its
     * closures and schedule are read once it committed), and none commits before this transaction ends — a day a save
     * closes never keeps a booking its {@code ClosedDays} did not see (the calendar read, then the closure saved and its
     * bookings undone, then the booking written on the closed day). A shared lock: bookings do not wait for each other.
     */
    public CommuneCalendar calendarToBookOn() {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock_shared(hashtext(?1))) l")
                .setParameter(1, lockKey(TenantContext.require().schemaName())).getSingleResult();
        return calendar();
    }

    /** The commune's school years (when school-time activities run); empty when none is configured. */
    public List<DateRange> schoolYears() {
        return ranges(periods(reader()), PeriodKind.ANNEE_SCOLAIRE);
    }

    /** The calendar periods, read once per transaction (the calendar and the school years both need them). */
    private List<Period> periods(ConfigurationReader reader) {
        return PerTransaction.memo(registry, "periods", reader::periods);
    }

    private static List<DateRange> ranges(List<Period> periods, PeriodKind kind) {
        return periods.stream().filter(p -> p.kind() == kind).map(p -> new DateRange(p.start(), p.end(), p.label()))
                .toList();
    }

    /** The commune's legend: its own labels and colours over the platform's defaults. */
    public Legend legend() {
        return reader().legend();
    }

    /** A free setting of the commune (zone, cgu…). */
    public Optional<String> setting(String key) {
        return reader().setting(key);
    }

    /** The commune's conditions générales d'utilisation, accepted at every activity registration. */
    public String cgu() {
        return setting("cgu").orElse("Les réservations et annulations respectent les délais fixés par la commune ;"
                + " toute journée réservée et non annulée dans les délais est facturée, sauf absence excusée.");
    }

    /** The documents each activity requires at registration, in order, by activity id (none: absent). */
    public Map<Long, List<String>> requiredDocuments() {
        return reader().documentsByActivity();
    }

    /**
     * The billing section (brackets, régies, tariffs); empty when the commune never imported one. Read once per
     * transaction: a counter's absence asks its tariff and its certificate delay several times, a semaine type a
     * hundred days' charges.
     */
    public BillingConfiguration billing() {
        return PerTransaction.memo(registry, "billing", () -> {
            BillingConfiguration billing = reader().billing();
            return billing == null ? BillingConfiguration.empty() : billing;
        });
    }

    private ConfigurationReader reader() {
        return new ConfigurationReader(sql -> em.createNativeQuery(sql).getResultList().stream()
                .map(row -> row instanceof Object[] columns ? columns : new Object[] {row}).toList(),
                TenantContext.require().schemaName());
    }
}
