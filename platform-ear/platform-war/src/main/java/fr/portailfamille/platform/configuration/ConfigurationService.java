package fr.portailfamille.platform.configuration;

import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.configuration.ConfigurationChanges;
import fr.portailfamille.configuration.CommuneSetup;
import fr.portailfamille.configuration.ConfigurationException;
import fr.portailfamille.configuration.ConfigurationGuards;
import fr.portailfamille.configuration.ConfigurationJson;
import fr.portailfamille.configuration.ConfigurationReader;
import fr.portailfamille.configuration.ConfigurationStore;
import fr.portailfamille.configuration.DefaultConfiguration;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The current commune's whole configuration, read through tenant-config's {@link ConfigurationReader}
 * and written through its {@link ConfigurationStore} (the format of the export / import file): every
 * save is validated as a whole and written in one transaction, or refused with every problem and
 * nothing written.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class ConfigurationService {

    private static final Logger LOG = Logger.getLogger(ConfigurationService.class.getName());

    @Resource(lookup = "java:app/jdbc/portail")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry registry;

    @Inject
    Event<ClosuresAdded> closuresAdded;

    @Inject
    Event<ScheduleChanged> scheduleChanges;

    @Inject
    Event<CapacitiesRaised> capacitiesRaised;

    /** The commune's configuration as it is now. */
    public CommuneConfiguration current() {
        String schema = TenantContext.require().schemaName();
        try (Connection c = dataSource.getConnection()) {
            return ConfigurationReader.of(c, schema).configuration();
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture de la configuration impossible", e);
        }
    }

    /**
     * Replaces the commune's configuration.
     *
     * @throws fr.portailfamille.configuration.ConfigurationException with every problem, nothing written
     */
    public void save(String agent, CommuneConfiguration conf) {
        // waits for the bookings in progress on the calendar as it is (CommuneSettings.calendarToBookOn), and holds
        // the next ones until it commits
        lockForChange();
        String schema = TenantContext.require().schemaName();
        Map<LocalDate, String> added = new HashMap<>();
        boolean scheduleChanged;
        CapacitiesRaised raised;
        try (Connection c = dataSource.getConnection()) {
            CommuneConfiguration before = ConfigurationReader.of(c, schema).configuration();
            Set<LocalDate> closedBefore = before.closures().stream()
                    .map(CommuneConfiguration.Closure::day).collect(Collectors.toSet());
            scheduleChanged = ScheduleChanged.between(before, conf);
            raised = CapacitiesRaised.between(before, conf);
            ConfigurationStore.importInto(c, schema, conf);
            // what the commune holds now, not the file as typed: a file without billing, document types or services
            // leaves the commune's as they are (ConfigurationStore), which the journal must not call removed
            journal(c, schema, agent, ConfigurationChanges.between(before, ConfigurationReader.of(c, schema).configuration()));
            conf.closures().stream().filter(closure -> !closedBefore.contains(closure.day()))
                    .forEach(closure -> added.put(closure.day(), closure.label()));
            PerTransaction.forget(registry);
        } catch (SQLException e) {
            throw new IllegalStateException("Enregistrement de la configuration impossible", e);
        }
        if (!added.isEmpty()) {
            // what families booked on the days now closed is undone with the save (booking.ClosedDays)
            closuresAdded.fire(new ClosuresAdded(added));
        }
        if (scheduleChanged) {
            // and what they booked on days that no longer run (holidays moved, a weekday removed)
            scheduleChanges.fire(new ScheduleChanged());
        }
        if (!raised.units().isEmpty()) {
            // the new seats go to the children waiting for them, not to the next family to open Mon planning
            capacitiesRaised.fire(raised);
        }
        String slug = TenantContext.require().slug();
        registry.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before
            }

            @Override
            public void afterCompletion(int status) {
                // a trial save (bookingsUndoneBy) is rolled back: only a save that holds is logged
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    LOG.info(() -> "Configuration de " + slug + " enregistrée par " + agent);
                }
            }
        });
    }

    /**
     * How many families' bookings saving {@code change} would undo (closure days added, days that would no longer run:
     * a unit's weekday removed, holidays moved) and leave billed on the days it closes ({@link Impact}), told to the
     * agent before the save: the save is made in a transaction of its own, as it would be — every rule, the observers
     * that undo the bookings —, counted, then rolled back, nothing kept and nobody mailed. {@link Impact#NONE} without a
     * trial when the change adds no closure and changes no schedule.
     *
     * @throws SecurityException for anyone but an agent of this commune
     * @throws fr.portailfamille.configuration.ConfigurationException with every problem of the change, as the save
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Impact bookingsUndoneBy(SignedInUser user, UnaryOperator<CommuneConfiguration> change) {
        StaffRoles.requireAgent(user);
        CommuneConfiguration before = current();
        CommuneConfiguration after = change.apply(before);
        Set<LocalDate> closed = before.closures().stream().map(CommuneConfiguration.Closure::day).collect(Collectors.toSet());
        if (!ScheduleChanged.between(before, after) && after.closures().stream().allMatch(c -> closed.contains(c.day()))) {
            return Impact.NONE;
        }
        update(user, change);
        Impact impact = new Impact(BookingsUndone.count(registry), BookingsUndone.billed(registry));
        registry.setRollbackOnly();
        return impact;
    }

    /**
     * What a save would do to families' bookings, told to the agent before it is saved: bookings it undoes (closed days,
     * days that no longer run), and bookings on the days it closes that an invoice already billed (left on it: a credit
     * note is the régie's to decide).
     */
    public record Impact(int undone, int billedLeft) implements java.io.Serializable {
        /** Nothing to tell. */
        public static final Impact NONE = new Impact(0, 0);

        /** Whether the agent is told first. */
        public boolean any() {
            return undone > 0 || billedLeft > 0;
        }
    }

    /**
     * {@link #bookingsUndoneBy(SignedInUser, UnaryOperator)} for a configuration file about to be imported, tried as
     * {@link #importJson(SignedInUser, String)} saves it (the commune's own accounts kept).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Impact bookingsUndoneByImport(SignedInUser user, String json) {
        StaffRoles.requireAgent(user); // before the file is read: nothing of it is said to anyone else
        CommuneConfiguration read = ConfigurationJson.read(json);
        return bookingsUndoneBy(user, before -> fr.portailfamille.configuration.ConfigurationImports.keepOwnAccounts(before, read));
    }

    /**
     * Writes a save into the configuration's journal (tenant V45): who, and the sections it changed with their values
     * before and after; a save that changed nothing is not written.
     */
    private static void journal(Connection c, String schema, String agent, List<ConfigurationChanges.SectionChange> changes)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        String sections = changes.stream().map(ConfigurationChanges.SectionChange::section).collect(Collectors.joining(", "));
        try (var st = c.prepareStatement("insert into " + ConfigurationReader.qualifier(schema)
                + "configuration_change (agent, sections, changes) values (?, ?, ?)")) {
            st.setString(1, agent == null || agent.isBlank() ? "?" : agent);
            st.setString(2, sections.length() > 1000 ? sections.substring(0, 1000) : sections);
            st.setString(3, ConfigurationChanges.toJson(changes));
            st.executeUpdate();
        }
    }

    /**
     * One section of a configuration screen saved: {@code change} applied to the configuration as it is
     * now, read and written in the same transaction (another agent's save of another section is kept).
     *
     * @throws fr.portailfamille.configuration.ConfigurationException with every problem, nothing written
     */
    public void update(String agent, UnaryOperator<CommuneConfiguration> change) {
        lockForChange();
        save(agent, change.apply(current()));
    }

    /**
     * {@link #update(String, UnaryOperator)} for the agent {@code user} of this commune: the screens' saves
     * go through here, so that nobody else (a parent, an agent of another commune) changes the configuration
     * even by posting the form.
     *
     * @throws SecurityException for anyone but an agent of this commune ({@link StaffRoles#requireAgent})
     * @throws fr.portailfamille.configuration.ConfigurationException with every problem, nothing written; among them
     *         the changes the agent's roles do not allow ({@link #guard})
     */
    public void update(SignedInUser user, UnaryOperator<CommuneConfiguration> change) {
        StaffRoles.requireAgent(user);
        lockForChange();
        CommuneConfiguration before = current();
        CommuneConfiguration after = change.apply(before);
        guard(user, before, after, plannedDebitRegies());
        save(user.email(), after);
    }

    /**
     * Refuses the changes only some agents may make ({@link ConfigurationGuards}): what makes a document health data
     * ({@code agent-sante}), where a régie's money goes ({@code regisseur}); and, for everyone, an activity's last day
     * moved into the past ({@link ConfigurationGuards#lastDaysInThePast}), an establishment removed while an activity
     * takes place there ({@link ConfigurationGuards#establishmentsInUse}), a SEPA creditor removed or given another ICS
     * while debits of its régie are planned ({@link ConfigurationGuards#sepaCreditorsInUse}; {@code plannedDebits}: the
     * codes of those régies).
     *
     * @throws ConfigurationException on the fields the agent may not change so
     */
    static void guard(SignedInUser user, CommuneConfiguration before, CommuneConfiguration after, Set<String> plannedDebits) {
        List<FieldError> refused = new ArrayList<>();
        if (!StaffRoles.mayReadHealth(user)) {
            refused.addAll(ConfigurationGuards.healthChanges(before, after));
        }
        if (!user.hasRole(StaffRoles.REGISSEUR)) {
            refused.addAll(ConfigurationGuards.moneyChanges(before, after));
        }
        refused.addAll(ConfigurationGuards.lastDaysInThePast(before, after, PlatformTime.today()));
        refused.addAll(ConfigurationGuards.establishmentsInUse(before, after));
        refused.addAll(ConfigurationGuards.sepaCreditorsInUse(before, after, plannedDebits));
        if (!refused.isEmpty()) {
            throw new ConfigurationException(refused);
        }
    }

    /** The codes of the régies some of whose direct debits are planned, not yet in a file. */
    private Set<String> plannedDebitRegies() {
        String schema = TenantContext.require().schemaName();
        try (Connection c = dataSource.getConnection(); var st = c.prepareStatement("select distinct r.code from " + schema
                + ".sepa_debit d join " + schema + ".invoice i on i.id = d.invoice_id join " + schema + ".regie r"
                + " on r.id = i.regie_id where d.state = 'PLANNED'"); var rs = st.executeQuery()) {
            Set<String> codes = new java.util.HashSet<>();
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
            return codes;
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture des prélèvements prévus impossible", e);
        }
    }

    /**
     * What the commune still has to set up for its families ({@link CommuneSetup}: the model's placeholders a new
     * commune starts with), for an agent of this commune.
     *
     * @throws SecurityException for anyone but an agent of this commune
     */
    public List<CommuneSetup.Step> setup(SignedInUser user) {
        StaffRoles.requireAgent(user);
        LocalDate today = PlatformTime.today();
        return CommuneSetup.steps(current(), DefaultConfiguration.get(today), today);
    }

    /**
     * Makes the other changes of this commune's configuration wait until this transaction ends (a PostgreSQL advisory
     * lock of the transaction), taken before the configuration is read: a section saved is a change of the whole
     * configuration, which would otherwise write back what another agent's save, committed meanwhile, had just
     * changed (a closure whose bookings were already cancelled reopened, for one).
     */
    private void lockForChange() {
        String schema = TenantContext.require().schemaName();
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            st.setString(1, CommuneSettings.lockKey(schema));
            st.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Verrou de la configuration impossible", e);
        }
    }

    /**
     * A save of the configuration as its journal keeps it: when, by whom, and what it changed
     * ({@link ConfigurationChanges}, read from the stored text when asked).
     */
    public record JournalEntry(long id, java.time.OffsetDateTime at, String agent, String changesJson)
            implements java.io.Serializable {

        public List<ConfigurationChanges.SectionChange> changes() {
            return ConfigurationChanges.fromJson(changesJson);
        }
    }

    /** How many saves the configuration's journal holds, for an agent of this commune. */
    public long journalCount(SignedInUser user) {
        StaffRoles.requireAgent(user);
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement("select count(*) from " + journalTable());
             var rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture du journal de la configuration impossible", e);
        }
    }

    private static String journalTable() {
        return ConfigurationReader.qualifier(TenantContext.require().schemaName()) + "configuration_change";
    }

    /** One page of the configuration's journal, latest first, for an agent of this commune. */
    public List<JournalEntry> journal(SignedInUser user, int offset, int limit) {
        StaffRoles.requireAgent(user);
        List<JournalEntry> page = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement("select id, changed_at, agent, changes from " + journalTable()
                     + " order by changed_at desc, id desc offset ? limit ?")) {
            st.setInt(1, fr.portailfamille.platform.kernel.Sort.offset(offset));
            st.setInt(2, fr.portailfamille.platform.kernel.Sort.limit(limit));
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    page.add(new JournalEntry(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class),
                            rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture du journal de la configuration impossible", e);
        }
        return page;
    }

    /**
     * The configuration file of the commune (JSON, tenant-config's format), for its agents.
     *
     * @throws SecurityException for anyone but an agent of the commune
     */
    public String exportJson(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        return ConfigurationJson.write(current());
    }

    /** Imports a configuration file exported by this or another commune. */
    public void importJson(String agent, String json) {
        save(agent, ConfigurationJson.read(json));
    }

    /**
     * {@link #importJson(String, String)} for the agent {@code user} of this commune (the "Fichier" screen), within
     * what the agent's roles allow ({@link #guard}).
     *
     * @throws SecurityException for anyone but an agent of this commune
     */
    public void importJson(SignedInUser user, String json) {
        StaffRoles.requireAgent(user);
        CommuneConfiguration read = ConfigurationJson.read(json);
        lockForChange();
        CommuneConfiguration before = current();
        // another commune's file brings its activities and tariffs, not its régies' accounts nor its mailboxes
        CommuneConfiguration imported = fr.portailfamille.configuration.ConfigurationImports.keepOwnAccounts(before, read);
        guard(user, before, imported, plannedDebitRegies());
        save(user.email(), imported);
    }
}
