package fr.portailfamille.platform.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.archive.ArchiveCipher;
import fr.portailfamille.archive.ImportStep;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.tenancy.CommuneSpec;
import fr.portailfamille.tenancy.ProvisioningStep;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A console job of either kind: an onboarding's steps, an import's (the archive received, decrypted and checked, the
 * provisioner's, the accounts, the data), each told as it runs; the field an import that failed at its decryption
 * gives back (a wrong passphrase, a damaged archive); the import's new commune kept as JSON without any passphrase; the
 * temporary files of imports interrupted a day ago swept, those of today's kept.
 */
class OnboardingJobTest {

    static final CommuneSpec SPEC = new CommuneSpec("copie", "Copie", "https://www.copie.fr", "#1d4f91", "#f2a900",
            null, List.of("familles.copie.fr"));

    @Test
    void anImportHasTheStepsOfTheArchiveAroundTheProvisionersAllWaiting() {
        OnboardingJob job = OnboardingJob.importing(SPEC);
        assertEquals(OnboardingJob.IMPORT, job.getKind());
        assertTrue(job.isImport() && job.isRunning());
        assertEquals(List.of("ARCHIVE Archive reçue", "DECRYPTION Archive vérifiée et déchiffrée",
                "SCHEMA Schéma PostgreSQL de la commune", "MIGRATIONS Migrations du schéma",
                "CONFIGURATION Configuration par défaut", "REALM Royaume Keycloak", "CLIENT Client OIDC du portail",
                "THEME Thème de connexion et des courriels", "ACTIVATION Activation",
                "ACCOUNTS Comptes recréés dans le royaume", "DATA Données chargées"),
                job.getSteps().stream().map(s -> s.getCode() + " " + s.getLabel()).toList());
        assertTrue(job.getSteps().stream().allMatch(s -> "EN_ATTENTE".equals(s.getState())));
        assertEquals("copie", job.getSlug());
        assertEquals("Copie", job.getCommuneName());
        assertNull(job.onboarding().administratorEmail(), "the accounts come from the archive");
        assertEquals(SPEC, job.onboarding().spec());

        OnboardingJob onboarding = new OnboardingJob(job.onboarding());
        assertEquals(OnboardingJob.ONBOARDING, onboarding.getKind());
        assertFalse(onboarding.isImport());
        assertEquals(List.of("SCHEMA", "MIGRATIONS", "CONFIGURATION", "REALM", "CLIENT", "THEME", "ACTIVATION",
                "ADMINISTRATOR"), onboarding.getSteps().stream().map(OnboardingJob.Step::getCode).toList());
    }

    @Test
    void eachStepIsToldAsItRunsAndAWrongPassphraseIsGivenBackToItsField() {
        OnboardingJob job = OnboardingJob.importing(SPEC);
        job.done(OnboardingJob.ARCHIVE, "copie.pfarchive, 12 Kio");
        job.started(ImportStep.DECRYPTION);
        assertEquals("EN_COURS", job.getSteps().get(1).getState());
        assertEquals(Optional.empty(), OperatorCommunes.archiveError(job), "still running");
        job.failed(ImportStep.DECRYPTION, ArchiveCipher.WRONG_PASSPHRASE);
        job.finished(false, "ignored: the step's reason is kept", 42);
        assertTrue(job.isFailed());
        assertEquals("DECRYPTION", job.getFailedStep());
        assertEquals(ArchiveCipher.WRONG_PASSPHRASE, job.getError());
        assertEquals(42, job.getMillis());
        assertEquals(List.of("FAITE", "ECHEC", "EN_ATTENTE"),
                job.getSteps().stream().limit(3).map(OnboardingJob.Step::getState).toList());
        assertEquals(Optional.of(new FieldError("passphrase", ArchiveCipher.WRONG_PASSPHRASE)),
                OperatorCommunes.archiveError(job));

        OnboardingJob tampered = OnboardingJob.importing(SPEC);
        tampered.failed(ImportStep.DECRYPTION, ArchiveCipher.TAMPERED);
        tampered.finished(false, null, 1);
        assertEquals(Optional.of(new FieldError("archive", ArchiveCipher.TAMPERED)), OperatorCommunes.archiveError(tampered));
    }

    @Test
    void onlyAnImportThatFailedAtItsDecryptionGivesAFieldBack() {
        OnboardingJob loadFailed = OnboardingJob.importing(SPEC);
        loadFailed.started(ProvisioningStep.SCHEMA);
        loadFailed.done(ProvisioningStep.SCHEMA, "commune_copie");
        loadFailed.failed(ImportStep.DATA, "Les tables de l'archive ne sont pas celles du schéma de la commune.");
        loadFailed.finished(false, null, 5);
        assertEquals("DATA", loadFailed.getFailedStep());
        assertEquals(Optional.empty(), OperatorCommunes.archiveError(loadFailed));

        OnboardingJob onboarding = new OnboardingJob(new Onboarding("est", "Est", "https://est.fr", "#1d4f91", "#f2a900",
                null, List.of(), "admin@est.fr"));
        onboarding.finished(false, ArchiveCipher.WRONG_PASSPHRASE, 1);
        assertEquals("VALIDATION", onboarding.getFailedStep(), "refused before any step");
        assertEquals(Optional.empty(), OperatorCommunes.archiveError(onboarding));

        OnboardingJob done = OnboardingJob.importing(SPEC);
        done.finished(true, null, 3);
        assertTrue(done.isDone());
        assertEquals(Optional.empty(), OperatorCommunes.archiveError(done));
    }

    @Test
    void anImportsNewCommuneIsKeptAsJsonWithoutAdministrator() {
        Onboarding kept = OnboardingJob.importing(SPEC).onboarding();
        String json = OnboardingJobs.json(kept);
        assertFalse(json.contains("administratorEmail"), json);
        assertEquals(kept, OnboardingJobs.onboarding(json));
    }

    @Test
    void aSizeIsSaidForPeople() {
        assertEquals("1 Kio", OperatorArchive.sizeText(0));
        assertEquals("2 Kio", OperatorArchive.sizeText(1025));
        assertEquals("12,5 Mio", OperatorArchive.sizeText(12L * 1024 * 1024 + 512 * 1024));
    }

    @Test
    void onlyTheImportsFilesOlderThanTheLimitAreSwept() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sweep");
        try {
            java.time.Instant now = java.time.Instant.now();
            java.nio.file.Path orphan = java.nio.file.Files.createFile(dir.resolve("pf-import-1234-5.pfarchive"));
            java.nio.file.Files.setLastModifiedTime(orphan, java.nio.file.attribute.FileTime.from(now.minusSeconds(90_000)));
            java.nio.file.Path running = java.nio.file.Files.createFile(dir.resolve("pf-import-5678-9.pfarchive"));
            java.nio.file.Path other = java.nio.file.Files.createFile(dir.resolve("pf-archive-1.pfarchive"));
            java.nio.file.Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.from(now.minusSeconds(90_000)));
            assertEquals(1, OperatorCommunes.sweepImportFiles(dir, now.minus(OperatorCommunes.ORPHAN_AFTER)));
            assertFalse(java.nio.file.Files.exists(orphan));
            assertTrue(java.nio.file.Files.exists(running), "an import of today may be running");
            assertTrue(java.nio.file.Files.exists(other), "not an import's file");
            assertEquals(0, OperatorCommunes.sweepImportFiles(dir.resolve("absent"), now), "an unreadable folder: nothing");
        } finally {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path f : files.toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
            java.nio.file.Files.delete(dir);
        }
    }
}
