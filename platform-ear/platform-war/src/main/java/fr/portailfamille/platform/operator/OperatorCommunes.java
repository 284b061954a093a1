package fr.portailfamille.platform.operator;

import fr.portailfamille.tenancy.RealmProvisioner;
import fr.portailfamille.archive.ArchiveCipher;
import fr.portailfamille.archive.ArchiveException;
import fr.portailfamille.archive.CommuneArchives;
import fr.portailfamille.archive.ImportStep;
import fr.portailfamille.configuration.CommuneSetup;
import fr.portailfamille.configuration.ConfigurationReader;
import fr.portailfamille.configuration.DefaultConfiguration;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.OperatorUser;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneProvisioner;
import fr.portailfamille.tenancy.CommuneRules;
import fr.portailfamille.tenancy.CommuneSpec;
import fr.portailfamille.tenancy.CommuneStatus;
import fr.portailfamille.tenancy.ProvisioningException;
import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.tenancy.TenantStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The operators' service: the communes with what operators may know of them (never a family's data: counts only), and
 * their actions — onboard (each step told to an {@link OnboardingJob}, written through to the platform schema by
 * {@link OnboardingJobs} so that any replica shows and resumes it, then the first administrator invited), suspend,
 * resume, re-run one commune's upgrade, download a commune's (encrypted) archive, import an archive into a new commune
 * (a job of the same kind, its steps shown like an onboarding's; the console's in the background), delete a suspended
 * commune — each written to {@code platform.operator_audit} with the operator's name (by the
 * provisioner and {@link CommuneArchives} themselves for suspend, resume, import and delete).
 * The counts read each commune's schema with one SQL statement per commune (fine for a few hundred communes; a
 * platform with thousands would keep them in the registry instead).
 */
@ApplicationScoped
public class OperatorCommunes {

    private static final Logger LOG = Logger.getLogger(OperatorCommunes.class.getName());
    /** The longest first or last name of an administrator (Keycloak's default limit). */
    static final int NAME_MAX = 255;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    @Resource(lookup = "java:app/jdbc/portail")
    private DataSource dataSource;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private ProvisioningWiring wiring;

    @Inject
    private fr.portailfamille.platform.tenancy.OperatorHost operatorHost;

    private OnboardingJobs jobs;

    /** Where the month of the bookings counted is read. */
    Clock clock = PlatformTime.clock();

    @jakarta.annotation.PostConstruct
    void init() {
        jobs = new OnboardingJobs(dataSource);
        // the files of imports whose replica stopped before they ended (a job deletes its own when it ends)
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        int swept = sweepImportFiles(tmp, java.time.Instant.now().minus(ORPHAN_AFTER));
        if (swept > 0) {
            LOG.warning(() -> swept + " copie(s) temporaire(s) d'archive d'imports interrompus supprimée(s) de " + tmp);
        }
    }

    /** How old an import's temporary file must be to be taken for an interrupted import's (none lasts a day). */
    static final java.time.Duration ORPHAN_AFTER = java.time.Duration.ofDays(1);

    /**
     * Deletes the imports' temporary files ({@link #IMPORT_FILE_PREFIX}) in {@code dir} last written before
     * {@code before}; how many. A running import's file is written once, when it is received.
     */
    static int sweepImportFiles(Path dir, java.time.Instant before) {
        int deleted = 0;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(IMPORT_FILE_PREFIX)
                    && f.getFileName().toString().endsWith(".pfarchive")).toList()) {
                try {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(before) && Files.deleteIfExists(f)) {
                        deleted++;
                    }
                } catch (IOException e) {
                    LOG.warning(() -> "Copie temporaire d'archive non supprimée (" + f + ") : " + e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warning(() -> "Dossier temporaire illisible (" + dir + ") : " + e.getMessage());
        }
        return deleted;
    }

    /** The commune asked for does not exist ({@link #getMessage()} in French, {@link #text()} in any language). */
    public static final class UnknownCommune extends RuntimeException {
        private final transient Message text;

        public UnknownCommune(String slug) {
            this(Problems.of("tenancy.commune.unknown", slug));
        }

        private UnknownCommune(Message text) {
            super(text.french());
            this.text = text;
        }

        /** Why, to be read in the page's language. */
        public Message text() {
            return text == null ? Message.literal(getMessage()) : text;
        }
    }

    /** Every commune, by name. */
    public List<CommuneOverview> list(OperatorUser actor) {
        requireOperator(actor);
        TenantStore store = wiring.store();
        Map<String, Registry> registry = registry();
        String code = wiring.migrator().codeVersion();
        List<CommuneOverview> all = new ArrayList<>();
        for (Commune c : store.findAll()) {
            all.add(overview(c, registry.get(c.slug()), code));
        }
        all.sort((a, b) -> a.getName().compareToIgnoreCase(b.getName()));
        return all;
    }

    /** One commune. */
    public Optional<CommuneOverview> find(String slug, OperatorUser actor) {
        requireOperator(actor);
        return find(slug);
    }

    private Optional<CommuneOverview> find(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        return wiring.store().findBySlug(slug).map(c -> overview(c, registry().get(slug), wiring.migrator().codeVersion())
                .withSetup(setup(c)));
    }

    /**
     * What the commune has set up of the model it started from (its configuration, never a family's data); {@code null}
     * while it is provisioned or when its schema cannot be read (its counts say why).
     */
    private List<CommuneSetup.Step> setup(Commune c) {
        if (c.status() == CommuneStatus.PROVISIONING) {
            return null;
        }
        LocalDate today = PlatformTime.today(clock);
        try (Connection conn = dataSource.getConnection()) {
            return CommuneSetup.steps(ConfigurationReader.of(conn, c.schemaName()).configuration(), DefaultConfiguration.get(today),
                    today);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Configuration de " + c.slug() + " illisible pour la mise en route", e);
            return null;
        }
    }

    /** Every problem of an onboarding, before anything is done (the provisioner checks again). */
    public List<FieldError> check(Onboarding o) {
        List<FieldError> errors = new ArrayList<>(CommuneRules.validate(o.spec(), wiring.baseDomain));
        if (o.administratorEmail() == null || !EMAIL.matcher(o.administratorEmail().strip()).matches()
                || o.administratorEmail().length() > 254) {
            errors.add(new FieldError("administratorEmail", Refused.text("operator.administratorEmail.required")));
        }
        if (o.administratorFirstName() != null && o.administratorFirstName().strip().length() > NAME_MAX) {
            errors.add(new FieldError("administratorFirstName", Refused.text("operator.administratorName.tooLong", NAME_MAX)));
        }
        if (o.administratorLastName() != null && o.administratorLastName().strip().length() > NAME_MAX) {
            errors.add(new FieldError("administratorLastName", Refused.text("operator.administratorName.tooLong", NAME_MAX)));
        }
        // Keycloak's own rule on names: refused by it after the commune was made, it went live without its administrator
        fr.portailfamille.platform.kernel.PersonNames.refusal(o.administratorFirstName())
                .ifPresent(m -> errors.add(new FieldError("administratorFirstName", m)));
        fr.portailfamille.platform.kernel.PersonNames.refusal(o.administratorLastName())
                .ifPresent(m -> errors.add(new FieldError("administratorLastName", m)));
        errors.addAll(taken(o.spec(), errors));
        return errors;
    }

    /**
     * Changes a served or suspended commune's name, website, colours, logo (each {@code null}: kept as it is; a blank
     * logo: removed) and custom domains (the whole list) — a domain of its own obtained since, a new logo —, checked as
     * an onboarding is; its realm accepts logins from the new domains (the provisioner's {@code update}, audited). Not
     * while an onboarding, an import or a deletion of it runs.
     *
     * Its realm's return addresses are rewritten with {@code scheme} and {@code portSuffix}, the browser's (or the API
     * caller's) as an onboarding writes them: a platform served on a port keeps its logins working.
     *
     * @throws ProvisioningException the field errors (nothing changed), or without fields when its realm could not be
     *                               brought to it (run it again)
     */
    public CommuneOverview update(String slug, CommuneSpec changed, OperatorUser actor, String scheme, String portSuffix) {
        requireOperator(actor);
        Commune commune = require(slug);
        // a text not given is kept (the API's body may give only the domains)
        CommuneSpec spec = normalized(new CommuneSpec(commune.slug(), or(changed.name(), commune.name()),
                or(changed.websiteUrl(), commune.websiteUrl()), or(changed.primaryColor(), commune.branding().primaryColor()),
                or(changed.accentColor(), commune.branding().accentColor()), or(changed.logoSvg(), commune.branding().logoSvg()),
                changed.domains()));
        List<FieldError> errors = new ArrayList<>(CommuneRules.validate(spec, wiring.baseDomain));
        errors.addAll(operatorHostTaken(spec, errors));
        if (!errors.isEmpty()) {
            throw new ProvisioningException(errors);
        }
        try (SlugLock lock = SlugLock.take(dataSource, slug)) {
            wiring.provisioner(scheme, portSuffix).update(spec, actor.actor());
        }
        return find(slug, actor).orElseThrow(() -> new UnknownCommune(slug));
    }

    private static String or(String given, String kept) {
        return given == null ? kept : given;
    }

    /** A domain of {@code spec} that is the operators' own host (fields already refused are not looked at). */
    private List<FieldError> operatorHostTaken(CommuneSpec spec, List<FieldError> already) {
        String operators = operatorHost.host();
        if (already.stream().noneMatch(e -> e.field().equals("domains"))
                && spec.domains().stream().map(CommuneRules::normalizeHost).anyMatch(operators::equals)) {
            return List.of(Problems.error("domains", "tenancy.domain.taken", operators));
        }
        return List.of();
    }

    /** The slug or domains of {@code spec} another commune already uses (fields already refused are not looked at). */
    private List<FieldError> taken(CommuneSpec spec, List<FieldError> already) {
        List<FieldError> errors = new ArrayList<>();
        TenantStore store = wiring.store();
        if (already.stream().noneMatch(e -> e.field().equals("slug")) && store.findBySlug(spec.slug())
                .filter(c -> c.status() != CommuneStatus.PROVISIONING).isPresent()) {
            errors.add(Problems.error("slug", "tenancy.slug.taken", spec.slug()));
        }
        // the operator host (pf.operator-host, admin.<base> by default) is the operators' own: no commune is served there
        String operators = operatorHost.host();
        if (already.stream().noneMatch(e -> e.field().equals("slug"))
                && operators.equals(CommuneRules.normalizeHost(spec.slug() + "." + wiring.baseDomain))) {
            errors.add(Problems.error("slug", "tenancy.slug.reserved", spec.slug()));
        }
        errors.addAll(operatorHostTaken(spec, already));
        if (already.stream().noneMatch(e -> e.field().equals("domains"))) {
            for (String used : store.domainsUsedElsewhere(spec.domains(), spec.slug())) {
                errors.add(Problems.error("domains", "tenancy.domain.taken", used));
            }
        }
        return errors;
    }

    private CommuneArchives archives() {
        return new CommuneArchives(dataSource);
    }

    /**
     * The archives made of the communes with this slug, newest first (those of a deleted commune included: they stay
     * for an import elsewhere).
     *
     * @throws UnknownCommune when no commune has this slug and no archive was made under it
     */
    public List<OperatorArchive> archives(String slug, OperatorUser actor) {
        requireOperator(actor);
        List<OperatorArchive> list = slug == null ? List.of()
                : archives().list(slug).stream().map(OperatorArchive::new).toList();
        if (list.isEmpty() && (slug == null || wiring.store().findBySlug(slug).isEmpty())) {
            throw new UnknownCommune(slug);
        }
        return list;
    }

    /** An archive to download: what it is, and its encrypted bytes (close them). */
    public record Download(OperatorArchive archive, InputStream bytes) {
    }

    /**
     * One archive's ENCRYPTED bytes, as stored (operators move an archive; only the commune's passphrase opens it);
     * the download is audited ({@code ARCHIVE_DOWNLOAD}). Empty for an unknown id.
     */
    public Optional<Download> archive(long id, OperatorUser actor) {
        requireOperator(actor);
        CommuneArchives archives = archives();
        return archives.find(id).map(info -> {
            wiring.store().audit(actor.actor(), "ARCHIVE_DOWNLOAD", info.slug(), "archive n° " + info.id() + " ("
                    + info.size() + " octets, SHA-256 " + info.sha256() + ")");
            return new Download(new OperatorArchive(info), archives.open(info.id()));
        });
    }

    /**
     * Starts importing an archive into a NEW commune in the background (the console): {@link #prepareImport} (the
     * new commune checked — field errors, nothing done —, the archive received into a temporary file, the job
     * written), then {@link CommuneArchives#importInto} on the executor, each step told to the job; the temporary file
     * is deleted and the passphrase wiped when the job ends. The caller's {@code passphrase} is not kept (wipe it).
     *
     * @throws ProvisioningException with field errors ({@code slug}, {@code name}…, {@code passphrase},
     *                               {@code archive}) when refused before any job
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public OnboardingJob startImport(CommuneSpec spec, InputStream archive, String fileName, char[] passphrase,
                                     OperatorUser actor, String scheme, String portSuffix) {
        PreparedImport p = prepareImport(spec, archive, fileName, passphrase, actor);
        try {
            executor.execute(() -> runImport(p, actor, scheme, portSuffix));
        } catch (RuntimeException e) { // refused by the executor: nothing ran
            LOG.log(Level.SEVERE, "Import non lancé", e);
            end(p);
            p.job().finished(false, "L'import n'a pas pu être lancé : " + e.getMessage(), 0);
        }
        return p.job();
    }

    /**
     * Imports an archive into a NEW commune now (the API): as {@link #startImport}, in the calling thread; the job
     * returned has ended ({@code FAITE}, or {@code ECHEC} at its failed step — {@link #archiveError} tells a wrong
     * passphrase or a damaged archive).
     *
     * @throws ProvisioningException as {@link #startImport}
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public OnboardingJob importNow(CommuneSpec spec, InputStream archive, String fileName, char[] passphrase,
                                   OperatorUser actor, String scheme, String portSuffix) {
        PreparedImport p = prepareImport(spec, archive, fileName, passphrase, actor);
        runImport(p, actor, scheme, portSuffix);
        return p.job();
    }

    /** An import ready to run: its job (written), the archive's temporary file and a copy of the passphrase. */
    private record PreparedImport(OnboardingJob job, Path file, char[] passphrase) {
    }

    /**
     * The import's checks that need no reading of the archive (the new commune's fields, a passphrase and a file
     * given), then the archive copied into a temporary file ({@code pf-import-<job id>-….pfarchive} in
     * {@code java.io.tmpdir}: the upload is gone once the request ends), then the job written, its first step
     * ({@link OnboardingJob#ARCHIVE}) done. Nothing is kept when refused.
     */
    private PreparedImport prepareImport(CommuneSpec spec, InputStream archive, String fileName, char[] passphrase,
                                         OperatorUser actor) {
        requireOperator(actor);
        CommuneSpec s = normalized(spec);
        List<FieldError> errors = new ArrayList<>(CommuneRules.validate(s, wiring.baseDomain));
        errors.addAll(taken(s, errors));
        if (passphrase == null || passphrase.length == 0) {
            errors.add(new FieldError("passphrase", Refused.text("operator.import.passphraseRequired")));
        }
        if (archive == null) {
            errors.add(new FieldError("archive", Refused.text("operator.import.archiveRequired")));
        }
        if (!errors.isEmpty()) {
            throw new ProvisioningException(errors);
        }
        OnboardingJob job = OnboardingJob.importing(s);
        Path file = null;
        long size;
        try {
            file = Files.createTempFile(IMPORT_FILE_PREFIX + job.getId() + "-", ".pfarchive");
            try (OutputStream out = Files.newOutputStream(file)) {
                size = archive.transferTo(out);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Archive non reçue", e);
            delete(file);
            throw new ProvisioningException(List.of(new FieldError("archive",
                    Refused.text("operator.import.archiveNotReceived"))));
        }
        if (size == 0) {
            delete(file);
            throw new ProvisioningException(List.of(new FieldError("archive", Refused.text("operator.import.archiveEmpty"))));
        }
        String name = fileName == null || fileName.isBlank() ? "archive"
                : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        job.done(OnboardingJob.ARCHIVE, (name.length() > 120 ? name.substring(0, 120) : name) + ", "
                + OperatorArchive.sizeText(size));
        try {
            jobs.create(job, actor.actor());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        return new PreparedImport(job, file, passphrase.clone());
    }

    /** The prefix of an import's temporary file, followed by its job's id. */
    static final String IMPORT_FILE_PREFIX = "pf-import-";

    private void runImport(PreparedImport p, OperatorUser actor, String scheme, String portSuffix) {
        long start = System.nanoTime();
        OnboardingJob job = p.job();
        String slug = job.getSlug();
        String why = null;
        try (SlugLock lock = SlugLock.take(dataSource, slug)) {
            CommuneArchives archives = new CommuneArchives(dataSource, wiring.provisioner(scheme, portSuffix),
                    wiring.realms());
            archives.importInto(job.onboarding().spec(), p.file(), p.passphrase(), actor.actor(), job);
            LOG.info(() -> "Archive importée dans la commune " + slug + " par " + actor.actor());
        } catch (ArchiveException e) {
            why = e.getMessage();
            LOG.info(() -> "Import dans la commune " + slug + " refusé : " + e.getMessage());
        } catch (ProvisioningException e) {
            why = e.errors().isEmpty() ? e.getMessage()
                    : e.errors().stream().map(FieldError::message).collect(java.util.stream.Collectors.joining(" "));
            LOG.log(Level.WARNING, "Import dans la commune " + slug + " en échec", e);
        } catch (RuntimeException e) {
            why = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.log(Level.WARNING, "Import dans la commune " + slug + " en échec", e);
        } finally {
            end(p);
        }
        job.finished(why == null, why, (System.nanoTime() - start) / 1_000_000);
    }

    /** The import's end, done or failed: its passphrase wiped, its temporary file deleted. */
    private static void end(PreparedImport p) {
        java.util.Arrays.fill(p.passphrase(), '\0');
        delete(p.file());
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.severe(() -> "Copie temporaire d'une archive non supprimée (" + file + ") : " + e.getMessage());
        }
    }

    /**
     * For an import that failed while its archive was decrypted and checked: the field to give again, with why —
     * {@code passphrase} (a wrong one) or {@code archive} (a damaged file, another kind of file or schema version).
     */
    public static Optional<FieldError> archiveError(OnboardingJob job) {
        if (job == null || !job.isImport() || !job.isFailed()
                || !ImportStep.DECRYPTION.name().equals(job.getFailedStep()) || job.getError() == null
                || job.getSteps().stream().noneMatch(s -> s.getCode().equals(ImportStep.DECRYPTION.name())
                        && "ECHEC".equals(s.getState()))) { // not an interrupted one
            return Optional.empty();
        }
        return Optional.of(new FieldError(ArchiveCipher.WRONG_PASSPHRASE.equals(job.getError()) ? "passphrase"
                : "archive", job.getError()));
    }

    private static CommuneSpec normalized(CommuneSpec s) {
        return new CommuneSpec(strip(s.slug()), strip(s.name()), strip(s.websiteUrl()), strip(s.primaryColor()),
                strip(s.accentColor()), s.logoSvg() == null || s.logoSvg().isBlank() ? null : s.logoSvg(),
                s.domains().stream().filter(d -> d != null).map(CommuneRules::normalizeHost).filter(d -> !d.isEmpty())
                        .toList());
    }

    private static String strip(String v) {
        return v == null ? null : v.strip();
    }

    /**
     * Deletes a commune for good (schema, realm, registry row; the audit and its archives stay): refused unless
     * {@code typedSlug} is its slug typed again and the commune is suspended; audited {@code DELETE} with the
     * operator's name by the provisioner.
     *
     * @throws ProvisioningException field {@code typedSlug} (confirmation wrong) or {@code slug} (not suspended, or
     *                               unknown), or without fields when a step failed (run it again)
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void delete(String slug, String typedSlug, OperatorUser actor) {
        requireOperator(actor);
        Commune commune = require(slug);
        // not while an onboarding or an import of it runs: a commune left provisioning is deleted once nothing works on it
        try (SlugLock lock = SlugLock.take(dataSource, slug)) {
            if (slug.equals(typedSlug == null ? null : typedSlug.strip()) && commune.status() == CommuneStatus.SUSPENDED) {
                requireArchived(commune);
            }
            wiring.provisioner().delete(slug, typedSlug, actor.actor());
        }
    }

    /**
     * Refuses the deletion of a commune holding money records (invoices, payments, porte-monnaie movements: kept 10
     * years by the public accounting rules) of which no archive was made since the last of them — or since the last
     * money action of its journal ({@code billing_audit}: a cheque cancelled, credit used, a titre, a SEPA reject change
     * records without adding one).
     */
    private void requireArchived(Commune commune) {
        String schema = commune.schemaName(); // commune_<slug>, made of the slug's letters, digits and "_"
        java.time.Instant last = null;
        try (Connection c = dataSource.getConnection()) {
            // only the tables the schema still has: a deletion run again after its realm step failed finds the schema
            // dropped (its records went with it, archived before the first run), a failed onboarding's a schema half made
            List<String> maxima = new ArrayList<>();
            for (String[] table : new String[][] {{"invoice", "issued_at"}, {"payment", "recorded_at"},
                    {"wallet_movement", "created_at"}, {"billing_audit", "at"}}) {
                try (PreparedStatement exists = c.prepareStatement("select to_regclass(?) is not null")) {
                    exists.setString(1, schema + "." + table[0]);
                    try (ResultSet rs = exists.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            maxima.add("(select max(" + table[1] + ") from " + schema + "." + table[0] + ")");
                        }
                    }
                }
            }
            if (!maxima.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("select greatest(" + String.join(", ", maxima) + ")");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    java.sql.Timestamp t = rs.getTimestamp(1);
                    last = t == null ? null : t.toInstant();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Registres financiers de la commune " + commune.slug() + " illisibles", e);
        }
        java.time.Instant lastRecord = last;
        if (lastRecord != null && archives().listOfCommune(commune.id()).stream()
                .noneMatch(a -> !a.createdAt().isBefore(lastRecord))) {
            throw new ProvisioningException.Unarchived(commune.slug());
        }
    }

    /**
     * Onboards a commune now (the API): validation, the provisioner's steps, then the first administrator's invitation;
     * the job tells how each step went and how long it all took.
     *
     * @param scheme     the scheme the commune is served with ({@code https} in production)
     * @param portSuffix {@code ""}, or {@code ":8080"} when the platform is reached on a port of its own
     * @throws ProvisioningException with the field errors when the input is refused (nothing was done)
     */
    public OnboardingJob onboard(Onboarding o, OperatorUser actor, String scheme, String portSuffix) {
        requireOperator(actor);
        List<FieldError> errors = check(o);
        if (invitationLeft(o)) {
            // the same request sent again after only its invitation failed (the commune is live without an
            // administrator): the invitation is sent, as the console's "Reprendre" does — the same commune only (its
            // name, website and domains), never another one's onboarding that happens to take its identifier
            errors = errors.stream().filter(e -> !e.field().equals("slug")).toList();
        }
        if (!errors.isEmpty()) {
            throw new ProvisioningException(errors);
        }
        OnboardingJob job = jobs.create(new OnboardingJob(normalized(o)), actor.actor());
        run(job, actor, scheme, portSuffix);
        return job;
    }

    /**
     * Whether {@code o} is commune {@code o}'s onboarding again (the same name, website and domains), the commune live
     * and its latest job failed at the invitation only.
     */
    private boolean invitationLeft(Onboarding o) {
        String slug = o.slug() == null ? "" : o.slug().strip();
        return failedInvitation(slug).map(OnboardingJob::onboarding).filter(first -> sameCommune(first, o)).isPresent();
    }

    private static boolean sameCommune(Onboarding first, Onboarding again) {
        return again.name() != null && again.websiteUrl() != null && again.domains() != null
                && first.name().equals(again.name().strip()) && first.websiteUrl().equals(again.websiteUrl().strip())
                && java.util.Set.copyOf(first.domains()).equals(again.domains().stream().map(CommuneRules::normalizeHost)
                        .filter(d -> !d.isEmpty()).collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * The onboarding of commune {@code slug} whose invitation of the first administrator failed, when it is the
     * commune's latest and the commune is live (no administrator then: "Reprendre" sends the invitation), else empty.
     */
    public Optional<OnboardingJob> failedInvitation(String slug) {
        if (slug == null || slug.isBlank() || wiring.store().findBySlug(slug.strip()).filter(Commune::isActive).isEmpty()) {
            return Optional.empty();
        }
        return jobs.latest(slug.strip()).filter(j -> j.isFailed() && !j.isImport()
                && OnboardingJob.ADMINISTRATOR.equals(j.getFailedStep()));
    }

    /** Starts an onboarding in the background (the console), after the same checks; its job tells the progress. */
    public OnboardingJob start(Onboarding o, OperatorUser actor, String scheme, String portSuffix) {
        requireOperator(actor);
        List<FieldError> errors = check(o);
        if (!errors.isEmpty()) {
            throw new ProvisioningException(errors);
        }
        OnboardingJob job = jobs.create(new OnboardingJob(normalized(o)), actor.actor());
        executor.execute(() -> run(job, actor, scheme, portSuffix));
        return job;
    }

    /**
     * Resumes a failed onboarding with what was given, on whichever replica the operator is served (the job is read in
     * the platform schema): the commune is provisioned again (a first attempt was undone; a commune left PROVISIONING is
     * resumed), or, when only the invitation failed, the invitation is sent again.
     *
     * @throws Refused when no failed onboarding has this id, or when it is an import (run again with the archive)
     */
    public OnboardingJob resume(String jobId, OperatorUser actor, String scheme, String portSuffix) {
        requireOperator(actor);
        OnboardingJob failed = job(jobId).filter(OnboardingJob::isFailed)
                .orElseThrow(() -> new Refused(Refused.text("operator.resume.nothingFailed")));
        if (failed.isImport()) {
            throw new Refused(Refused.text("operator.resume.import"));
        }
        String slug = failed.onboarding().slug();
        if (wiring.store().findBySlug(slug).filter(Commune::isActive).isPresent()
                && !(OnboardingJob.ADMINISTRATOR.equals(failed.getFailedStep())
                        && jobs.latest(slug).map(OnboardingJob::getId).filter(failed.getId()::equals).isPresent())) {
            // the commune is live, onboarded since by another job: resuming this old one would only invite its
            // administrator (perhaps a mistyped address) into someone else's commune
            throw new Refused(Refused.text("operator.resume.superseded", slug));
        }
        OnboardingJob job = jobs.create(new OnboardingJob(failed.onboarding()), actor.actor());
        executor.execute(() -> run(job, actor, scheme, portSuffix));
        return job;
    }

    /** The onboarding with this id as the platform schema holds it now, whichever replica runs or ran it. */
    public Optional<OnboardingJob> job(String id) {
        return id == null ? Optional.empty() : jobs.find(id);
    }

    private static Onboarding normalized(Onboarding o) {
        return new Onboarding(o.slug().strip(), o.name().strip(), o.websiteUrl().strip(), o.primaryColor(),
                o.accentColor(), o.logoSvg() == null || o.logoSvg().isBlank() ? null : o.logoSvg(),
                o.domains().stream().map(CommuneRules::normalizeHost).filter(d -> !d.isEmpty()).toList(),
                o.administratorEmail().strip().toLowerCase(java.util.Locale.ROOT), blankToNull(o.administratorFirstName()),
                blankToNull(o.administratorLastName()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void run(OnboardingJob job, OperatorUser actor, String scheme, String portSuffix) {
        long start = System.nanoTime();
        Onboarding o = job.onboarding();
        TenantStore store = wiring.store();
        try (SlugLock lock = SlugLock.take(dataSource, o.slug())) {
            Optional<Commune> existing = store.findBySlug(o.slug());
            Commune commune;
            if (existing.isPresent() && existing.get().isActive()) {
                // a resumed onboarding whose commune was activated: only the invitation is left
                commune = existing.get();
                for (var s : fr.portailfamille.tenancy.ProvisioningStep.values()) {
                    job.done(s, "déjà faite");
                }
            } else {
                commune = wiring.provisioner(scheme, portSuffix).provision(o.spec(), job);
            }
            job.started(OnboardingJob.ADMINISTRATOR);
            List<String> roles;
            try {
                roles = wiring.administrators().invite(commune.realmName(), o.administratorEmail(),
                        o.administratorFirstName(), o.administratorLastName(), CommuneProvisioner.CLIENT_ID,
                        wiring.communeUrl(scheme, portSuffix, commune.slug()) + RealmProvisioner.AGENT_INVITATION_LANDING);
            } catch (RuntimeException e) {
                job.failed(OnboardingJob.ADMINISTRATOR, "L'invitation de " + o.administratorEmail()
                        + " n'a pas pu être envoyée : " + e.getMessage());
                throw e;
            }
            job.done(OnboardingJob.ADMINISTRATOR, o.administratorEmail() + " (" + String.join(", ", roles) + ")");
            long millis = (System.nanoTime() - start) / 1_000_000;
            job.finished(true, null, millis);
            store.audit(actor.actor(), "ONBOARD", o.slug(), "en " + millis + " ms ; administrateur invité : "
                    + o.administratorEmail());
            LOG.info(() -> "Commune " + o.slug() + " embarquée par " + actor.actor() + " en " + millis + " ms");
        } catch (RuntimeException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            job.finished(false, e.getMessage(), millis);
            LOG.log(Level.WARNING, "Embarquement de la commune " + o.slug() + " en échec à l'étape " + job.getFailedStep(), e);
            try {
                store.audit(actor.actor(), "ONBOARD_FAILED", o.slug(), job.getFailedStep() + " : " + job.getError());
            } catch (RuntimeException auditFailure) {
                LOG.log(Level.SEVERE, "Journal des opérateurs non écrit", auditFailure);
            }
        }
    }

    /** Suspends a commune (its families get the suspension page; its realm refuses logins); audited. */
    public CommuneOverview suspend(String slug, OperatorUser actor) {
        requireOperator(actor);
        require(slug);
        wiring.provisioner().suspend(slug, actor.actor());
        return find(slug).orElseThrow();
    }

    /**
     * Invites an administrator of a live commune (roles {@code agent} and {@code admin-commune}, Keycloak's mail to
     * choose a password), outside any onboarding: the first one's address was mistyped, or the failed onboarding that
     * could resend it is gone — without it the commune's agents can never sign in. Checked as an onboarding's
     * administrator is; audited ({@code ADMIN_INVITE}).
     *
     * @return the roles given
     * @throws ProvisioningException the fields' problems (nothing sent), or a commune not served
     */
    public List<String> inviteAdministrator(String slug, String email, String firstName, String lastName, OperatorUser actor,
                                            String scheme, String portSuffix) {
        requireOperator(actor);
        Commune commune = require(slug);
        List<FieldError> errors = new ArrayList<>();
        if (email == null || !EMAIL.matcher(email.strip()).matches() || email.length() > 254) {
            errors.add(new FieldError("administratorEmail", Refused.text("operator.administratorEmail.required")));
        }
        for (String[] name : new String[][] {{"administratorFirstName", firstName}, {"administratorLastName", lastName}}) {
            if (name[1] != null && name[1].strip().length() > NAME_MAX) {
                errors.add(new FieldError(name[0], Refused.text("operator.administratorName.tooLong", NAME_MAX)));
            } else {
                fr.portailfamille.platform.kernel.PersonNames.refusal(name[1])
                        .ifPresent(m -> errors.add(new FieldError(name[0], m)));
            }
        }
        if (!commune.isActive()) {
            errors.add(new FieldError("", Refused.text("operator.invite.notServed", slug)));
        }
        if (!errors.isEmpty()) {
            throw new ProvisioningException(errors);
        }
        String address = email.strip().toLowerCase(java.util.Locale.ROOT);
        List<String> roles;
        try {
            roles = wiring.administrators().invite(commune.realmName(), address, blankToNull(firstName),
                    blankToNull(lastName), CommuneProvisioner.CLIENT_ID,
                    wiring.communeUrl(scheme, portSuffix, commune.slug()) + RealmProvisioner.AGENT_INVITATION_LANDING);
        } catch (fr.portailfamille.identity.CommuneAdministrators.FamilyAccount e) {
            throw new ProvisioningException(List.of(new FieldError("administratorEmail",
                    Refused.text("staff.email.alreadyFamily"))));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Invitation d'un administrateur de " + slug + " en échec", e);
            throw new ProvisioningException(Refused.text("operator.invite.failed", address, e.getMessage()), e);
        }
        wiring.store().audit(actor.actor(), "ADMIN_INVITE", slug, "administrateur invité : " + address + " ("
                + String.join(", ", roles) + ")");
        return roles;
    }

    /** Resumes a suspended commune; audited. */
    public CommuneOverview resume(String slug, OperatorUser actor) {
        requireOperator(actor);
        require(slug);
        wiring.provisioner().resume(slug, actor.actor());
        return find(slug).orElseThrow();
    }

    /** Re-runs one commune's upgrade (after a failed one); the outcome is recorded and audited. */
    public CommuneOverview upgrade(String slug, OperatorUser actor) {
        requireOperator(actor);
        Commune commune = require(slug);
        TenantMigrator.Outcome outcome = wiring.migrator().upgrade(commune);
        wiring.store().audit(actor.actor(), outcome.failed() ? "UPGRADE_FAILED" : "UPGRADE", slug,
                outcome.failed() ? outcome.error() : "version " + outcome.version());
        return find(slug).orElseThrow();
    }

    /** Only an operator of the operators' realm acts here (the container checks the role too). */
    private static void requireOperator(OperatorUser actor) {
        if (actor == null || !actor.isOperator()) {
            throw new SecurityException("Réservé aux opérateurs de la plateforme");
        }
    }

    private Commune require(String slug) {
        return wiring.store().findBySlug(slug).orElseThrow(() -> new UnknownCommune(slug));
    }

    /** What the registry holds beyond {@link Commune}: schema state and dates, the last operator action. */
    private record Registry(String schemaState, String schemaError, OffsetDateTime schemaCheckedAt,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime lastAudit) {
    }

    private Map<String, Registry> registry() {
        Map<String, Registry> rows = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select c.slug, c.schema_state, c.schema_error, c.schema_checked_at, c.created_at, c.updated_at,"
                        + " (select max(a.at) from platform.operator_audit a where a.slug = c.slug)"
                        + " from platform.commune c"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), new Registry(rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
                        rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture du registre des communes impossible", e);
        }
        return rows;
    }

    private CommuneOverview overview(Commune c, Registry r, String codeVersion) {
        Long families = null;
        Long accounts = null;
        Long bookings = null;
        OffsetDateTime lastBooking = null;
        String countsError = null;
        if (c.status() != CommuneStatus.PROVISIONING) {
            String s = "\"" + c.schemaName().replace("\"", "") + "\"";
            // the month of the platform's clock, not the database session's current_date
            YearMonth month = YearMonth.from(PlatformTime.today(clock));
            try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(
                    "select (select count(*) from " + s + ".family),"
                            + " (select count(*) from " + s + ".family where subject is not null),"
                            + " (select count(*) from " + s + ".booking where day >= ? and day < ?"
                            + "  and status <> 'CANCELLED_FREE'),"
                            + " (select max(updated_at) from " + s + ".booking)")) {
                ps.setObject(1, month.atDay(1));
                ps.setObject(2, month.plusMonths(1).atDay(1));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    families = rs.getLong(1);
                    accounts = rs.getLong(2);
                    bookings = rs.getLong(3);
                    lastBooking = rs.getObject(4, OffsetDateTime.class);
                }
            } catch (SQLException e) {
                countsError = "Schéma illisible : " + e.getMessage();
            }
        }
        Boolean realmEnabled = null;
        String realmError = null;
        try {
            Optional<Boolean> enabled = wiring.realms().realmEnabled(c.realmName());
            if (enabled.isPresent()) {
                realmEnabled = enabled.get();
            } else {
                realmError = "Royaume " + c.realmName() + " absent de Keycloak";
            }
        } catch (RuntimeException e) {
            realmError = "Keycloak : " + e.getMessage();
        }
        OffsetDateTime last = null;
        String kind = null;
        if (r != null && r.updatedAt() != null) {
            last = r.updatedAt();
            kind = "registre";
        }
        if (r != null && r.lastAudit() != null && (last == null || r.lastAudit().isAfter(last))) {
            last = r.lastAudit();
            kind = "operateur";
        }
        if (lastBooking != null && (last == null || lastBooking.isAfter(last))) {
            last = lastBooking;
            kind = "reservation";
        }
        return new CommuneOverview(c.slug(), c.name(), c.status().name(), c.domains(), c.websiteUrl(),
                c.branding().primaryColor(), c.branding().accentColor(), c.schemaVersion(), codeVersion,
                r == null ? null : r.schemaState(), r == null ? null : r.schemaError(),
                r == null ? null : r.schemaCheckedAt(), realmEnabled, realmError, families, accounts, bookings,
                countsError, r == null ? null : r.createdAt(), last, kind);
    }
}
