package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyService;
import fr.portailfamille.platform.news.News;
import fr.portailfamille.platform.news.NewsService;
import fr.portailfamille.platform.news.NewsTile;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Payara Micro, against the real PostgreSQL: data written for one commune lands in its schema
 * only, and reading with the other commune's context never sees it — by id, by query, through
 * relations, on reused pooled connections and from concurrent threads.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    FamilyService families;

    @Inject
    NewsService news;

    @Inject
    CommuneDirectory directory;

    @Resource
    ManagedExecutorService pool;

    @Resource
    UserTransaction tx;

    private Commune alpha() {
        return directory.bySlug("alpha").orElseThrow();
    }

    private Commune beta() {
        return directory.bySlug("beta").orElseThrow();
    }

    private <T> T in(Commune c, Callable<T> work) throws Exception {
        return TenantContext.call(c, work);
    }

    @Test
    void eachCommuneUsesItsOwnSchema() throws Exception {
        assertEquals("commune_alpha", in(alpha(), families::currentSchema));
        assertEquals("commune_beta", in(beta(), families::currentSchema));
    }

    @Test
    void familyOfAlphaIsInvisibleFromBeta() throws Exception {
        // a first name no other test gives (the database is shared by the whole run)
        String zoe = "Zoé " + java.util.UUID.randomUUID().toString().substring(0, 8);
        Family created = in(alpha(), () -> {
            Family f = new Family("Famille Isolée", "isolee@alpha.test");
            f.addChild(zoe, "Isolée", LocalDate.of(2018, 3, 4));
            f.addChild("Noé", "Isolée", LocalDate.of(2020, 5, 6));
            return families.create(f);
        });
        long id = created.getId();

        // by id, by query, through the relation
        assertTrue(in(alpha(), () -> families.find(id)).isPresent());
        assertEquals(2, in(alpha(), () -> families.childrenOf(id)).size());
        assertEquals(1, in(alpha(), () -> families.findByChildFirstName(zoe)).size());

        List<Family> seenByBeta = in(beta(), families::findAll);
        assertTrue(seenByBeta.stream().noneMatch(f -> f.getLabel().equals("Famille Isolée")), "beta lit alpha");
        assertTrue(in(beta(), () -> families.find(id)).filter(f -> f.getLabel().equals("Famille Isolée")).isEmpty());
        assertEquals(0, in(beta(), () -> families.childrenOf(id)).stream()
                .filter(c -> c.getLastName().equals("Isolée")).count());
        assertEquals(0, in(beta(), () -> families.findByChildFirstName(zoe)).size());
    }

    @Test
    void sameIdsInBothCommunesStaySeparate() throws Exception {
        Family a = in(alpha(), () -> families.create(new Family("Famille A", "a@alpha.test")));
        Family b = in(beta(), () -> families.create(new Family("Famille B", "b@beta.test")));
        // both schemas have their own sequence: ids may collide, rows never do
        assertEquals("Famille A", in(alpha(), () -> families.find(a.getId())).orElseThrow().getLabel());
        assertEquals("Famille B", in(beta(), () -> families.find(b.getId())).orElseThrow().getLabel());
        assertTrue(in(alpha(), families::findAll).stream().noneMatch(f -> f.getLabel().equals("Famille B")));
    }

    @Test
    void alternatingCommunesOnPooledConnectionsNeverLeak() throws Exception {
        in(alpha(), () -> news.publish(new News("Alpha seulement", "x", TestDays.today())));
        in(beta(), () -> news.publish(new News("Bêta seulement", "y", TestDays.today())));
        {
            List<Future<Boolean>> checks = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Commune c = i % 2 == 0 ? alpha() : beta();
                String own = c.slug().equals("alpha") ? "Alpha seulement" : "Bêta seulement";
                String other = c.slug().equals("alpha") ? "Bêta seulement" : "Alpha seulement";
                checks.add(pool.submit(() -> in(c, () -> {
                    List<String> titles = news.publicTiles(50).stream().map(NewsTile::title).toList();
                    return titles.contains(own) && !titles.contains(other)
                            && families.currentSchema().equals(c.schemaName());
                })));
            }
            for (Future<Boolean> check : checks) {
                assertTrue(check.get());
            }
        }
    }

    @Test
    void withoutCommuneNothingIsReadable() throws Exception {
        // (this test runs inside a request to alpha's host: leave that commune first)
        // the service refuses, and the connection itself points to no schema at all
        assertThrows(IllegalStateException.class, () -> TenantContext.callWithoutCommune(families::findAll));
        assertNull(TenantContext.callWithoutCommune(families::currentSchema));
    }

    @Test
    void switchingCommuneInsideATransactionIsRefused() throws Exception {
        in(alpha(), () -> {
            tx.begin();
            try {
                assertEquals("commune_alpha", families.currentSchema());
                // the transaction's connection is bound to alpha's schema: a switch would be silently ignored
                IllegalStateException refused = assertThrows(IllegalStateException.class,
                        () -> TenantContext.call(beta(), families::findAll));
                assertTrue(refused.getMessage().contains("transaction"), refused.getMessage());
                assertThrows(IllegalStateException.class, () -> TenantContext.callWithoutCommune(families::findAll));
                // staying in the same commune is fine
                assertEquals("commune_alpha", TenantContext.call(alpha(), families::currentSchema));
            } finally {
                tx.rollback();
            }
            return null;
        });
        // once it ended, switching is allowed again
        assertEquals("commune_beta", in(beta(), families::currentSchema));
    }

    @Test
    void backgroundJobsBindEachCommuneEvenWhenCalledInsideATransaction() throws Exception {
        java.util.Map<String, String> schemas = new java.util.concurrent.ConcurrentHashMap<>();
        tx.begin();
        try {
            int failed = directory.forEachActive(java.util.logging.Logger.getLogger(getClass().getName()), "test",
                    commune -> schemas.put(commune.slug(), families.currentSchema()));
            assertEquals(0, failed);
        } finally {
            tx.rollback();
        }
        assertEquals("commune_alpha", schemas.get("alpha"));
        assertEquals("commune_beta", schemas.get("beta"));
        // a commune whose work fails is counted, the others still run
        java.util.List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        int failed = directory.forEachActive(java.util.logging.Logger.getLogger(getClass().getName()), "test", commune -> {
            ran.add(commune.slug());
            if (commune.slug().equals("alpha")) {
                throw new IllegalStateException("échec voulu");
            }
        });
        assertEquals(1, failed);
        assertTrue(ran.containsAll(java.util.List.of("alpha", "beta")), ran.toString());
    }
}
