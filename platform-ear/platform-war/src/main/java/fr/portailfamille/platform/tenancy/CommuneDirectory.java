package fr.portailfamille.platform.tenancy;

import fr.portailfamille.platform.ops.Outage;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneRules;
import fr.portailfamille.tenancy.CommuneStatus;
import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.tenancy.TenantStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds the commune a host name belongs to: {@code <slug>.<pf.base-domain>} or a custom domain
 * recorded for it. Only ACTIVE communes are served. Answers are cached for a few seconds, so a newly
 * provisioned commune is served at once after that delay and a suspended one stops being served.
 * A commune whose schema lacks a migration of this replica's code is "in maintenance" ({@link #serves}):
 * the filter shows its maintenance page and background jobs leave it alone until its upgrade succeeds.
 */
@ApplicationScoped
public class CommuneDirectory {

    /** How long a host's answer is kept ({@code pf.directory.cache-seconds}, 10 by default). */
    static final Duration TTL = Duration.ofSeconds(Long.getLong("pf.directory.cache-seconds", 10));
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Optional<Commune> commune, long expiresAt) {
    }

    @Resource(lookup = "java:app/jdbc/portail")
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "pf.base-domain", defaultValue = "localhost")
    private String baseDomain;

    private TenantStore store;
    private TenantMigrator migrator;
    private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        store = new TenantStore(dataSource);
        migrator = new TenantMigrator(dataSource);
    }

    /**
     * Whether this replica's code can serve {@code commune}: its schema holds every tenant migration the code
     * carries (recorded by the last upgrade; {@link TenantMigrator#serves}).
     */
    public boolean serves(Commune commune) {
        return TenantMigrator.serves(migrator.codeVersion(), commune.schemaVersion());
    }

    /**
     * The active commune served at this Host header value, if any.
     *
     * @throws Outage.UnavailableException when the database does not answer (the visitor gets the 503 page)
     */
    public Optional<Commune> resolve(String hostHeader) {
        return lookup(hostHeader).filter(Commune::isActive);
    }

    /**
     * The commune an operator suspended at this Host header value, if any (its families get the suspension page;
     * nothing of it is served).
     */
    public Optional<Commune> suspended(String hostHeader) {
        return lookup(hostHeader).filter(c -> c.status() == CommuneStatus.SUSPENDED);
    }

    /** The active or suspended commune at this host (never one still provisioning), cached {@link #TTL}. */
    private Optional<Commune> lookup(String hostHeader) {
        String host = CommuneRules.normalizeHost(hostHeader);
        long now = System.nanoTime();
        Entry e = cache.get(host);
        if (e != null && e.expiresAt() > now) {
            return e.commune();
        }
        Optional<Commune> commune;
        try {
            commune = CommuneRules.slugFromHost(host, baseDomain)
                    .flatMap(store::findBySlug)
                    .or(() -> store.findByDomain(host))
                    .filter(c -> c.status() != CommuneStatus.PROVISIONING);
        } catch (RuntimeException failure) {
            if (Outage.classify(failure).isPresent()) {
                throw new Outage.UnavailableException(Outage.Cause.DATABASE, failure);
            }
            throw failure;
        }
        Outage.recovered(Outage.Cause.DATABASE);
        if (cache.size() > MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(host, new Entry(commune, now + TTL.toNanos()));
        return commune;
    }

    /** Resolves a commune by slug, whatever the host (background work, tests). */
    public Optional<Commune> bySlug(String slug) {
        return store.findBySlug(slug).filter(Commune::isActive);
    }

    /** Every active commune (background jobs). */
    public java.util.List<Commune> allActive() {
        return store.findAll().stream().filter(Commune::isActive).toList();
    }

    /** Some work of a background job for one commune, run bound to it. */
    @FunctionalInterface
    public interface CommuneWork {
        void run(Commune commune) throws Exception;
    }

    /**
     * Runs a background job's {@code work} for every active commune, one after the other, each bound to its commune
     * ({@link TenantContext#call}): a commune whose work fails is logged as {@code failure} with its slug, and the
     * next commune goes on. It runs outside any transaction (a timer's callback may come with one, in which no
     * commune could be bound); each piece of work makes its own.
     *
     * @return how many communes' work failed
     */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.NOT_SUPPORTED)
    public int forEachActive(java.util.logging.Logger log, String failure, CommuneWork work) {
        return forEach(allActive(), log, failure, work);
    }

    /**
     * {@link #forEachActive} over the suspended communes too: work owed to the families whatever the commune's contract
     * (the purge of what has passed its retention), which mails no one. A commune still being made is left out.
     */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.NOT_SUPPORTED)
    public int forEachWithData(java.util.logging.Logger log, String failure, CommuneWork work) {
        return forEach(withData(store.findAll()), log, failure, work);
    }

    /** The communes active or suspended: their schema holds families' data (not one still being made). */
    static java.util.List<Commune> withData(java.util.List<Commune> all) {
        return all.stream().filter(c -> c.isActive() || c.status() == CommuneStatus.SUSPENDED).toList();
    }

    private int forEach(java.util.List<Commune> communes, java.util.logging.Logger log, String failure, CommuneWork work) {
        int failed = 0;
        for (Commune commune : communes) {
            if (!serves(commune)) {
                log.warning(() -> failure + " : commune " + commune.slug() + " laissée de côté, son schéma ("
                        + commune.schemaVersion() + ") attend sa mise à niveau (" + migrator.codeVersion() + ")");
                continue;
            }
            try {
                TenantContext.call(commune, () -> {
                    work.run(commune);
                    return null;
                });
            } catch (Exception e) {
                failed++;
                log.log(java.util.logging.Level.SEVERE, failure + " pour la commune " + commune.slug(), e);
            }
        }
        return failed;
    }
}
