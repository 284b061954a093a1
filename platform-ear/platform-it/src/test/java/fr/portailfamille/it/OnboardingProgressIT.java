package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.platform.operator.Onboarding;
import fr.portailfamille.platform.operator.OnboardingJob;
import fr.portailfamille.platform.operator.OnboardingJobs;
import fr.portailfamille.platform.operator.OperatorCommunes;
import fr.portailfamille.platform.security.OperatorUser;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator console's onboardings live in the platform schema, not in the memory of the replica that runs them: a
 * reader of its own ({@link OnboardingJobs} over the same database, as another replica's console) sees the steps of an
 * onboarding while it runs, then done; an onboarding whose replica went away (its row unchanged for minutes) reads as
 * interrupted at its running step, and is resumed with what the operator gave, though this replica never ran it.
 */
@ExtendWith(ArquillianExtension.class)
class OnboardingProgressIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    OperatorCommunes communes;

    @Inject
    CommuneDirectory directory;

    @Resource(lookup = "java:app/jdbc/portail")
    DataSource dataSource;

    static final OperatorUser OPERATOR = new OperatorUser(UUID.randomUUID().toString(), "Opératrice IT",
            "operatrice@operateurs.test", List.of(OperatorUser.ROLE), null);

    static Onboarding onboarding(String slug) {
        return new Onboarding(slug, "Commune " + slug, "https://www." + slug + ".example/", "#2f4b7c", "#f2a900", null,
                List.of(), "admin@" + slug + ".test");
    }

    OnboardingJob await(OnboardingJobs reader, String id) throws InterruptedException {
        long until = System.nanoTime() + 90_000_000_000L;
        OnboardingJob job = reader.find(id).orElseThrow();
        while (job.isRunning() && System.nanoTime() < until) {
            Thread.sleep(100);
            job = reader.find(id).orElseThrow();
        }
        return job;
    }

    @Test
    void anotherReaderSeesTheStepsWhileTheyRunThenDone() throws Exception {
        String slug = "progres" + UUID.randomUUID().toString().substring(0, 4);
        OnboardingJobs otherReplica = new OnboardingJobs(dataSource);
        String id = communes.start(onboarding(slug), OPERATOR, "http", "").getId();
        OnboardingJob first = otherReplica.find(id).orElseThrow();
        assertTrue(first.isRunning(), "lu en base pendant qu'il tourne : " + first.getState());
        assertEquals(slug, first.getSlug());
        assertTrue(first.getSteps().stream().anyMatch(s -> !"FAITE".equals(s.getState())), "des étapes restent à faire");
        OnboardingJob done = await(otherReplica, id);
        assertTrue(done.isDone(), done.getState() + " " + done.getError());
        assertEquals(8, done.getSteps().size());
        assertTrue(done.getSteps().stream().allMatch(s -> "FAITE".equals(s.getState())),
                done.getSteps().stream().map(s -> s.getCode() + "=" + s.getState()).toList().toString());
        assertTrue(done.getMillis() > 0);
        assertTrue(directory.bySlug(slug).isPresent(), "commune active");
        assertTrue(communes.job("pas-un-uuid").isEmpty());
        assertTrue(communes.job(UUID.randomUUID().toString()).isEmpty());
    }

    @Test
    void anOnboardingWhoseReplicaWentAwayReadsInterruptedAndIsResumedElsewhere() throws Exception {
        String slug = "reprise" + UUID.randomUUID().toString().substring(0, 4);
        OnboardingJobs otherReplica = new OnboardingJobs(dataSource);
        // a replica wrote the job, then stopped before its first step ended
        String id = otherReplica.create(new OnboardingJob(onboarding(slug)), OPERATOR.actor()).getId();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update platform.onboarding_job_step set state = 'EN_COURS' where job_id = ?::uuid and code = 'SCHEMA'")) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        }
        assertTrue(communes.job(id).orElseThrow().isRunning(), "encore récent : il tourne peut-être");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update platform.onboarding_job set updated_at = now() - interval '10 minutes' where id = ?::uuid")) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        }
        OnboardingJob interrupted = communes.job(id).orElseThrow();
        assertTrue(interrupted.isFailed(), interrupted.getState());
        assertEquals("SCHEMA", interrupted.getFailedStep());
        assertTrue(interrupted.getError().startsWith("Provisionnement interrompu"), interrupted.getError());

        String resumed = communes.resume(id, OPERATOR, "http", "").getId();
        assertNotEquals(id, resumed);
        OnboardingJob done = await(otherReplica, resumed);
        assertTrue(done.isDone(), done.getState() + " " + done.getError());
        assertEquals(slug, done.getSlug());
        assertEquals("admin@" + slug + ".test", done.onboarding().administratorEmail(), "ce que l'opérateur a donné");
        assertTrue(directory.bySlug(slug).isPresent(), "commune active");
    }
}
