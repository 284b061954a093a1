package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.archive.ArchiveCipher;
import fr.portailfamille.archive.ArchiveInfo;
import fr.portailfamille.archive.CommuneArchives;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.operator.Onboarding;
import fr.portailfamille.platform.operator.OnboardingJob;
import fr.portailfamille.platform.operator.OnboardingJobs;
import fr.portailfamille.platform.operator.OperatorCommunes;
import fr.portailfamille.platform.operator.ProvisioningWiring;
import fr.portailfamille.platform.security.OperatorUser;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneSpec;
import fr.portailfamille.tenancy.ProvisioningException;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator console's jobs live in the platform schema, not in the memory of the replica that runs them: a reader of
 * its own ({@link OnboardingJobs} over the same database, as another replica's console) sees the steps of an onboarding
 * while it runs, then done; an onboarding whose replica went away (its row unchanged for minutes) reads as interrupted
 * at its running step, and is resumed with what the operator gave, though this replica never ran it. An archive's
 * import is a job of the same kind: seen running then done by that other reader, the copy's counts those of the
 * export, its temporary file gone; a wrong passphrase fails it at the decryption with nothing left behind; the new
 * commune's fields are refused before any job; an interrupted import is never resumed from its row (no passphrase).
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

    @Inject
    ProvisioningWiring wiring;

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

    /** Inside Payara, Flyway finds the tenant migrations written in Java (V47) beside the SQL files. */
    @Test
    void theTenantMigrationsWrittenInJavaAreFoundInsidePayara() throws Exception {
        assertTrue(Integer.parseInt(wiring.migrator().codeVersion()) >= 47, wiring.migrator().codeVersion());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from commune_alpha.flyway_schema_history where version = '47' and success and type = 'JDBC'");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next() && rs.getInt(1) == 1, "alpha's schema went through V47");
        }
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

        // the old failed job, resumed once more from a tab left open: the commune is live through another job now, the
        // old one would only invite its administrator into it — refused
        Refused superseded = assertThrows(Refused.class, () -> communes.resume(id, OPERATOR, "http", ""));
        assertTrue(superseded.getMessage().contains("mise en service depuis par une autre création"), superseded.getMessage());
    }

    static final String PASS = "la mairie garde cette phrase";

    static CommuneSpec spec(String slug) {
        return new CommuneSpec(slug, "Commune " + slug, "https://www." + slug + ".example/", "#2f4b7c", "#f2a900", null,
                List.of());
    }

    /** The import's temporary files of this job left in the container's temporary directory. */
    static List<Path> importFiles(String jobId) throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("pf-import-" + jobId)).toList();
        }
    }

    /** Every table of a commune's schema (Flyway's history left out) with its count. */
    Map<String, Long> counts(String schema) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select table_name from information_schema.tables"
                    + " where table_schema = ? and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                for (String t : tables) {
                    try (ResultSet rs = st.executeQuery("select count(*) from \"" + schema + "\".\"" + t + "\"")) {
                        rs.next();
                        counts.put(t, rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    boolean schemaExists(String schema) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select 1 from information_schema.schemata where schema_name = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    boolean registered(String slug) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select 1 from platform.commune where slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Test
    void anImportRunsInTheBackgroundSeenByAnotherReaderThenDoneWithTheExportsCounts() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        String sourceSlug = "imsrc" + suffix;
        String copySlug = "imcop" + suffix;
        Commune source = wiring.provisioner("http", "").provision(spec(sourceSlug));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (int f = 1; f <= 3; f++) {
                st.execute("insert into " + source.schemaName() + ".family (label, email) values ('Famille " + f
                        + "', 'f" + f + "@exemple.test')");
            }
        }
        ArchiveInfo info = new CommuneArchives(dataSource).export(source, PASS.toCharArray(), List.of(), "admin-it");
        byte[] archive;
        try (InputStream in = new CommuneArchives(dataSource).open(info.id())) {
            archive = in.readAllBytes();
        }
        OnboardingJobs otherReplica = new OnboardingJobs(dataSource);

        String id = communes.startImport(spec(copySlug), new ByteArrayInputStream(archive), "C:\\exports\\copie.pfarchive",
                PASS.toCharArray(), OPERATOR, "http", "").getId();
        OnboardingJob first = otherReplica.find(id).orElseThrow();
        assertTrue(first.isRunning(), "lu en base pendant qu'il tourne : " + first.getState());
        assertTrue(first.isImport(), first.getKind());
        assertEquals(copySlug, first.getSlug());
        OnboardingJob.Step received = first.getSteps().get(0);
        assertEquals(OnboardingJob.ARCHIVE + " FAITE", received.getCode() + " " + received.getState());
        assertTrue(received.getDetail().startsWith("copie.pfarchive, "), received.getDetail());
        assertTrue(first.getSteps().stream().anyMatch(s -> !"FAITE".equals(s.getState())), "des étapes restent à faire");

        OnboardingJob done = await(otherReplica, id);
        assertTrue(done.isDone(), done.getState() + " " + done.getError() + " " + done.getFailedStep());
        assertEquals(List.of("ARCHIVE", "DECRYPTION", "SCHEMA", "MIGRATIONS", "CONFIGURATION", "REALM", "CLIENT", "THEME",
                "ACTIVATION", "ACCOUNTS", "DATA"), done.getSteps().stream().map(OnboardingJob.Step::getCode).toList());
        assertTrue(done.getSteps().stream().allMatch(s -> "FAITE".equals(s.getState())),
                done.getSteps().stream().map(s -> s.getCode() + "=" + s.getState()).toList().toString());
        Map<String, Long> before = counts(source.schemaName());
        Map<String, Long> after = counts(spec(copySlug).schemaName());
        assertEquals(before, after, "the copy's counts, table by table, are the export's");
        assertEquals(3L, after.get("family"));
        long rows = before.values().stream().mapToLong(Long::longValue).sum();
        String data = done.getSteps().get(10).getDetail();
        assertTrue(data.startsWith(before.size() + " tables, " + rows + " lignes (dont 3 familles)"), data);
        assertTrue(done.getSteps().get(1).getDetail().contains("« " + sourceSlug + " »"), done.getSteps().get(1).getDetail());
        assertTrue(importFiles(id).isEmpty(), "temporary file deleted: " + importFiles(id));
        assertTrue(directory.bySlug(copySlug).isPresent(), "commune active");
        assertTrue(communes.job(id).orElseThrow().isDone());

        for (String slug : List.of(copySlug, sourceSlug)) {
            wiring.provisioner("http", "").suspend(slug, "operateur-it");
            wiring.provisioner("http", "").delete(slug, slug, "operateur-it");
        }
    }

    @Test
    void aWrongPassphraseFailsTheImportAtItsDecryptionLeavingNothingBehind() throws Exception {
        String slug = "imfau" + UUID.randomUUID().toString().substring(0, 4);
        // an archive sealed with PASS (its content is never reached: the passphrase is checked on the header)
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = ArchiveCipher.encrypt(sealed, PASS.toCharArray())) {
            out.write("le contenu d'une archive".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        OnboardingJobs otherReplica = new OnboardingJobs(dataSource);
        String id = communes.startImport(spec(slug), new ByteArrayInputStream(sealed.toByteArray()), "copie.pfarchive",
                "pas la bonne phrase".toCharArray(), OPERATOR, "http", "").getId();
        OnboardingJob failed = await(otherReplica, id);
        assertTrue(failed.isFailed(), failed.getState());
        assertEquals("DECRYPTION", failed.getFailedStep());
        assertEquals(ArchiveCipher.WRONG_PASSPHRASE, failed.getError());
        OnboardingJob.Step decryption = failed.getSteps().get(1);
        assertEquals("ECHEC " + ArchiveCipher.WRONG_PASSPHRASE, decryption.getState() + " " + decryption.getDetail());
        assertTrue(failed.getSteps().stream().skip(2).allMatch(s -> "EN_ATTENTE".equals(s.getState())),
                "nothing ran after the decryption");
        assertEquals(new FieldError("passphrase", ArchiveCipher.WRONG_PASSPHRASE),
                OperatorCommunes.archiveError(failed).orElseThrow());
        assertFalse(registered(slug), "no registry row");
        assertFalse(schemaExists(spec(slug).schemaName()), "no schema");
        assertTrue(wiring.realms().realmEnabled(spec(slug).realmName()).isEmpty(), "no realm");
        assertTrue(importFiles(id).isEmpty(), "temporary file deleted: " + importFiles(id));
        // an import is given again, never resumed from its row: its passphrase was never kept
        assertThrows(Refused.class, () -> communes.resume(id, OPERATOR, "http", ""));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from platform.onboarding_job where id = ?::uuid and (onboarding like ? or onboarding like ?)")) {
            ps.setString(1, id);
            ps.setString(2, "%" + PASS + "%");
            ps.setString(3, "%pas la bonne phrase%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no passphrase in the job's row");
            }
        }
    }

    @Test
    void theNewCommunesFieldsAreRefusedBeforeAnyJob() throws Exception {
        java.util.Set<Path> before;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            before = files.filter(f -> f.getFileName().toString().startsWith("pf-import-")).collect(java.util.stream.Collectors.toSet());
        }
        ProvisioningException refused = assertThrows(ProvisioningException.class, () -> communes.startImport(
                new CommuneSpec("alpha", " ", "pas un site", "#ffff00", "#f2a900", null, List.of()), null, null, null,
                OPERATOR, "http", ""));
        assertEquals(List.of("archive", "name", "passphrase", "primaryColor", "slug", "websiteUrl"),
                refused.errors().stream().map(FieldError::field).distinct().sorted().toList(), refused.errors()::toString);
        ProvisioningException empty = assertThrows(ProvisioningException.class, () -> communes.startImport(
                spec("imvid" + UUID.randomUUID().toString().substring(0, 4)), new ByteArrayInputStream(new byte[0]),
                "vide.pfarchive", PASS.toCharArray(), OPERATOR, "http", ""));
        assertEquals("archive", empty.errors().get(0).field());
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(before, files.filter(f -> f.getFileName().toString().startsWith("pf-import-"))
                    .collect(java.util.stream.Collectors.toSet()), "no temporary file left");
        }
    }

    @Test
    void anInterruptedImportSaysSoAndIsNotResumedFromItsRow() throws Exception {
        String slug = "imint" + UUID.randomUUID().toString().substring(0, 4);
        OnboardingJobs otherReplica = new OnboardingJobs(dataSource);
        String id = otherReplica.create(OnboardingJob.importing(spec(slug)), OPERATOR.actor()).getId();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update platform.onboarding_job_step set state = 'EN_COURS' where job_id = ?::uuid and code = 'DECRYPTION'")) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update platform.onboarding_job set updated_at = now() - interval '10 minutes' where id = ?::uuid")) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        }
        OnboardingJob interrupted = communes.job(id).orElseThrow();
        assertTrue(interrupted.isFailed() && interrupted.isImport(), interrupted.getState() + " " + interrupted.getKind());
        assertEquals("DECRYPTION", interrupted.getFailedStep());
        assertTrue(interrupted.getError().startsWith("Import interrompu"), interrupted.getError());
        assertTrue(interrupted.getError().contains("relancez ensuite l'import avec l'archive et sa phrase secrète"),
                interrupted.getError());
        assertTrue(OperatorCommunes.archiveError(interrupted).isEmpty(), "neither the passphrase nor the file in cause");
        Refused refused = assertThrows(Refused.class, () -> communes.resume(id, OPERATOR, "http", ""));
        assertTrue(refused.getMessage().contains("relancez-le avec l'archive et sa phrase secrète"), refused.getMessage());
    }
}
