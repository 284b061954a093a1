package fr.portailfamille.archive;

import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneProvisioner;
import fr.portailfamille.tenancy.CommuneSpec;
import fr.portailfamille.tenancy.CommuneStatus;
import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.tenancy.TenantStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A commune's encrypted archives: made from its schema and accounts ({@link #export}), kept in the platform schema
 * ({@code platform.commune_archive}, the encrypted bytes in chunks of 1 MiB), listed and read back encrypted for the
 * operator and the commune's administrator ({@link #list}, {@link #open}), and imported into a fresh commune
 * ({@link #importInto}). The operator never holds the passphrase: what it moves, it cannot read.
 */
public class CommuneArchives {

    private static final Logger LOG = Logger.getLogger(CommuneArchives.class.getName());
    static final int STORED_CHUNK = 1024 * 1024;
    private static final String BILLED_DAY = "billed_day";
    private static final String COLUMNS = "id, commune_id, slug, created_at, created_by, schema_version, size, sha256";

    private final DataSource platformDb;
    private final TenantStore store;
    private final CommuneProvisioner provisioner;
    private final RealmAccounts accounts;

    /** Export, list and read archives (a commune's staff area). */
    public CommuneArchives(DataSource platformDb) {
        this(platformDb, null, null);
    }

    /**
     * Also import archives (the operator): {@code provisioner} creates the fresh commune, {@code accounts} re-creates
     * its accounts in the new realm.
     */
    public CommuneArchives(DataSource platformDb, CommuneProvisioner provisioner, RealmAccounts accounts) {
        this.platformDb = platformDb;
        this.store = new TenantStore(platformDb);
        this.provisioner = provisioner;
        this.accounts = accounts;
    }

    /**
     * Exports {@code commune} (its schema read in one snapshot, its {@code users}) into an archive encrypted with
     * {@code passphrase}, stored in one transaction and audited ({@code EXPORT}).
     *
     * @throws ArchiveException when the passphrase is refused (nothing stored)
     */
    public ArchiveInfo export(Commune commune, char[] passphrase, List<ArchivedUser> users, String actor)
            throws ArchiveException {
        String problem = ArchiveCipher.passphraseProblem(passphrase);
        if (problem != null) {
            throw new ArchiveException(problem);
        }
        long started = System.nanoTime();
        try (Connection read = platformDb.getConnection(); Connection write = platformDb.getConnection()) {
            write.setAutoCommit(false);
            try {
                String version = schemaVersion(read, commune.schemaName());
                long id;
                try (PreparedStatement ps = write.prepareStatement("insert into platform.commune_archive"
                        + " (commune_id, slug, created_by, schema_version) values (?, ?, ?, ?) returning id")) {
                    ps.setLong(1, commune.id());
                    ps.setString(2, commune.slug());
                    ps.setString(3, cut(actor, 120));
                    ps.setString(4, version);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                ChunkWriter chunks = new ChunkWriter(write, id);
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                ArchiveFormat.Manifest manifest;
                try (OutputStream encrypted = ArchiveCipher.encrypt(new DigestOutputStream(chunks, sha), passphrase)) {
                    manifest = ArchiveFormat.write(read, commune, version, users, new BufferedOutputStream(
                            new NonClosing(encrypted), 64 * 1024));
                }
                String hex = HexFormat.of().formatHex(sha.digest());
                try (PreparedStatement ps = write.prepareStatement(
                        "update platform.commune_archive set size = ?, sha256 = ? where id = ?")) {
                    ps.setLong(1, chunks.size);
                    ps.setString(2, hex);
                    ps.setLong(3, id);
                    ps.executeUpdate();
                }
                write.commit();
                long ms = (System.nanoTime() - started) / 1_000_000;
                store.audit(actor, "EXPORT", commune.slug(), "archive n° " + id + " : " + manifest.tables().size()
                        + " tables, " + manifest.totalRows() + " lignes, " + users.size() + " comptes, " + chunks.size
                        + " octets chiffrés, " + ms + " ms");
                LOG.info(() -> "Archive n° " + id + " de la commune " + commune.slug() + " : " + chunks.size
                        + " octets en " + ms + " ms");
                return find(id).orElseThrow();
            } catch (SQLException | IOException | RuntimeException e) {
                write.rollback();
                throw e;
            }
        } catch (ArchiveException e) {
            throw e;
        } catch (SQLException | IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Export de la commune " + commune.slug() + " impossible", e);
        }
    }

    /** The archives made of communes with this slug (a deleted commune's ones included), newest first. */
    public List<ArchiveInfo> list(String slug) {
        return query("select " + COLUMNS + " from platform.commune_archive where slug = ? order by created_at desc, id desc",
                ps -> ps.setString(1, slug));
    }

    /** The archives of this commune only (by its id: a slug reused later never shows them), newest first. */
    public List<ArchiveInfo> listOfCommune(long communeId) {
        return query("select " + COLUMNS + " from platform.commune_archive where commune_id = ?"
                + " order by created_at desc, id desc", ps -> ps.setLong(1, communeId));
    }

    public Optional<ArchiveInfo> find(long id) {
        return query("select " + COLUMNS + " from platform.commune_archive where id = ?", ps -> ps.setLong(1, id))
                .stream().findFirst();
    }

    /**
     * The archive's ENCRYPTED bytes, read chunk after chunk (1 MiB in memory); close it.
     *
     * @throws java.util.NoSuchElementException for an unknown id
     */
    public InputStream open(long id) {
        ArchiveInfo info = find(id).orElseThrow(() -> new java.util.NoSuchElementException("archive " + id));
        return new ChunkReader(platformDb, info.id());
    }

    /**
     * The archive, only when it belongs to the commune {@code communeId} (a commune's staff area); its download by
     * {@code actor} audited ({@code ARCHIVE_DOWNLOAD}, as an operator's): it holds every family's file, health included.
     */
    public Optional<InputStream> openOf(long communeId, long id, String actor) {
        return find(id).filter(a -> a.communeId() == communeId).map(a -> {
            store.audit(actor, "ARCHIVE_DOWNLOAD", a.slug(), "archive n° " + a.id() + " (" + a.size() + " octets, SHA-256 "
                    + a.sha256() + ")");
            return new ChunkReader(platformDb, a.id());
        });
    }

    /**
     * Imports an archive read from {@code archive} (copied to a temporary file, deleted once done) into a fresh
     * commune: {@link #importInto(CommuneSpec, Path, char[], String, ImportListener)}, told to nobody.
     *
     * @throws ArchiveException as the other
     */
    public Commune importInto(CommuneSpec newCommune, InputStream archive, char[] passphrase, String actor)
            throws ArchiveException {
        Path copy = null;
        try {
            copy = Files.createTempFile("pf-archive-", ".pfarchive");
            try (OutputStream out = Files.newOutputStream(copy)) {
                archive.transferTo(out);
            }
            return importInto(newCommune, copy, passphrase, actor, ImportListener.NONE);
        } catch (ArchiveException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Lecture de l'archive impossible", e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    LOG.warning(() -> "Copie temporaire d'archive non supprimée : " + e.getMessage());
                }
            }
        }
    }

    /**
     * Imports the archive file {@code archive} (the caller's: read twice, never changed nor deleted here) into a fresh
     * commune, telling {@code listener} of each step: the archive is checked whole first ({@link ImportStep#DECRYPTION}:
     * passphrase, every chunk, the format, the schema version, which must be this platform's — an archive of schema 28
     * is taken by a platform at 29, its billed days converted as tenant V29 converts them), then the commune is
     * provisioned ({@link CommuneProvisioner#provision(CommuneSpec, fr.portailfamille.tenancy.ProvisioningListener)}:
     * schema, default configuration, realm, activation), then its accounts are re-created in its realm
     * ({@link ImportStep#ACCOUNTS}) and its schema is emptied of that default configuration and loaded with the
     * archive's tables in ONE transaction ({@link ImportStep#DATA}: each table's row count checked against the
     * manifest, every sequence set past its column's largest value; an account given a new id by the identity server is
     * renamed in the loaded data). Audited ({@code IMPORT}). When the accounts or the load fail, the fresh commune is
     * removed again (audited {@code IMPORT_FAILED}, then suspended and deleted).
     *
     * @throws ArchiveException for a wrong passphrase, a changed or incomplete archive, another schema version (in
     *                          French; nothing was created), or tables that do not fit (the commune removed)
     * @throws fr.portailfamille.tenancy.ProvisioningException when the new commune is refused (slug used, domains…) or
     *                                                         a provisioning step failed (undone by the provisioner)
     */
    public Commune importInto(CommuneSpec newCommune, Path archive, char[] passphrase, String actor,
                              ImportListener listener) throws ArchiveException {
        if (provisioner == null) {
            throw new IllegalStateException("Import impossible sans le provisionneur des communes");
        }
        ArchiveFormat.Content content;
        listener.started(ImportStep.DECRYPTION);
        try {
            String code = new TenantMigrator(platformDb).codeVersion();
            try (InputStream in = ArchiveCipher.decrypt(new BufferedInputStream(new Reading(Files.newInputStream(archive),
                    Files.size(archive), ImportStep.DECRYPTION, listener)), passphrase)) {
                content = ArchiveFormat.read(in, (table, csv) -> csv.transferTo(OutputStream.nullOutputStream()));
            }
            ArchiveFormat.Manifest m = content.manifest();
            if (!code.equals(m.schemaVersion()) && !sameData(m.schemaVersion(), code) && !convertsBilledDays(m.schemaVersion(), code)) {
                throw new ArchiveException("Cette archive a été faite au schéma " + m.schemaVersion()
                        + " ; cette plateforme est au schéma " + code + ". Importez-la sur une plateforme de la même"
                        + " version (ou mettez d'abord la plateforme à niveau).");
            }
        } catch (ArchiveException e) {
            listener.failed(ImportStep.DECRYPTION, e.getMessage());
            throw e;
        } catch (IOException | SQLException | RuntimeException e) {
            listener.failed(ImportStep.DECRYPTION, "Lecture de l'archive impossible : " + e.getMessage());
            throw new IllegalStateException("Lecture de l'archive impossible", e);
        }
        ArchiveFormat.Manifest manifest = content.manifest();
        listener.done(ImportStep.DECRYPTION, "archive de « " + manifest.slug() + " » du "
                + EXPORTED_AT.format(manifest.exportedAt()) + ", schéma " + manifest.schemaVersion() + " : "
                + manifest.tables().size() + " tables, " + count(manifest.totalRows(), "ligne", "lignes") + ", "
                + count(content.users().size(), "compte", "comptes"));
        // not served until its data is loaded: a family signing up meanwhile would be wiped by the load
        Commune commune = provisioner.provision(newCommune, listener, false);
        ImportStep step = ImportStep.ACCOUNTS;
        try {
            listener.started(step);
            Map<String, String> newIds = accounts == null ? Map.of()
                    : accounts.restore(commune.realmName(), content.users());
            listener.done(step, accountsDetail(content.users().size(), newIds.size()));
            listener.started(step = ImportStep.DATA);
            load(commune, archive, passphrase, manifest, newIds, listener);
            listener.done(step, dataDetail(manifest));
            store.setStatus(commune.slug(), CommuneStatus.ACTIVE);
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Import dans la commune " + commune.slug() + " en échec : elle est retirée", e);
            store.audit(actor, "IMPORT_FAILED", commune.slug(), e.getMessage());
            boolean removed = discard(commune.slug(), actor);
            String outcome = removed ? " La commune créée pour l'import a été retirée."
                    : " La commune créée pour l'import n'a pas pu être retirée : elle est suspendue, supprimez-la.";
            listener.failed(step, e.getMessage() + outcome);
            if (e instanceof ArchiveException a) {
                throw new ArchiveException(a.getMessage() + outcome, a);
            }
            throw new IllegalStateException("L'import dans la commune « " + commune.slug() + " » a échoué : "
                    + e.getMessage() + "." + outcome, e);
        }
        store.audit(actor, "IMPORT", commune.slug(), "archive de « " + manifest.slug() + " » du "
                + manifest.exportedAt() + " : " + manifest.tables().size() + " tables, " + manifest.totalRows()
                + " lignes, " + content.users().size() + " comptes");
        return store.findBySlug(commune.slug()).orElseThrow();
    }

    /** When an archive was made, for the operator: {@code 02/12/2026 à 23:35 UTC}. */
    static final java.time.format.DateTimeFormatter EXPORTED_AT = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy 'à' HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** {@code 0 ligne}, {@code 1 ligne}, {@code 2 lignes}: French puts 0 and 1 in the singular. */
    static String count(long n, String one, String many) {
        return n + " " + (n > 1 ? many : one);
    }

    /** What the accounts step did, in French. */
    static String accountsDetail(int accounts, int renamed) {
        String text = accounts == 0 ? "aucun compte dans l'archive" : accounts == 1 ? "1 compte recréé"
                : accounts + " comptes recréés";
        if (renamed > 0) {
            text += renamed == 1 ? ", dont 1 sous un nouvel identifiant (le serveur d'identité tenait déjà l'ancien)"
                    : ", dont " + renamed + " sous un nouvel identifiant (le serveur d'identité tenait déjà les anciens)";
        }
        return accounts == 0 ? text : text + " ; chacun choisira un nouveau mot de passe";
    }

    /** What the load did, in French: its counts (the families named), the seeded configuration replaced. */
    static String dataDetail(ArchiveFormat.Manifest manifest) {
        long families = manifest.tables().stream().filter(t -> t.name().equals("family"))
                .mapToLong(ArchiveFormat.Table::rows).sum();
        return count(manifest.tables().size(), "table", "tables") + ", " + count(manifest.totalRows(), "ligne", "lignes")
                + " (dont " + count(families, "famille", "familles") + ") ; la configuration par défaut remplacée par"
                + " celle de l'archive";
    }

    /**
     * The columns that name an account of the realm by its id: when the restored accounts got new ids, these follow.
     */
    static final List<String[]> ACCOUNT_COLUMNS = List.of(new String[] {"family", "subject"},
            new String[] {"account_preference", "subject"});

    /**
     * Reads the archive again and loads its tables into the commune's schema, the accounts' new ids put in place of
     * the archived ones ({@link #ACCOUNT_COLUMNS}), all in one transaction.
     */
    /** The schema whose archives hold billed days one row a day ({@code billed_day}, tenant V8 to V28). */
    static final String BILLED_DAY_SCHEMA = "28";
    /** The schema that records them by line and unit-month (tenant V29): archives of {@value #BILLED_DAY_SCHEMA} are converted. */
    static final String BILLED_MONTH_SCHEMA = "29";

    /**
     * Whether an archive made at schema {@code archived} is imported by code at {@code code} by converting its
     * {@code billed_day} rows (tenant V29, as that migration converts a commune's): from 28 into 29 only.
     */
    static boolean convertsBilledDays(String archived, String code) {
        return BILLED_DAY_SCHEMA.equals(archived) && (BILLED_MONTH_SCHEMA.equals(code) || sameData(BILLED_MONTH_SCHEMA, code));
    }

    /** The schema whose tables and columns are those of {@value #BILLED_MONTH_SCHEMA}: tenant V30 changed only how some references are checked. */
    static final String RUN_CHECKS_SCHEMA = "30";
    /** The schema whose lines may keep their days as a month and its bitmask (tenant V31: two columns added, nullable). */
    static final String LINE_BITS_SCHEMA = "31";
    /** The schema whose actors' and authors' columns are wider (tenant V32: the same tables and columns). */
    static final String WIDER_ACTORS_SCHEMA = "32";
    /** The schema whose invoicing runs beat (tenant V33: one nullable column added). */
    static final String RUN_HEARTBEAT_SCHEMA = "33";
    /** The schema with the queues' and histories' indexes (tenant V34: indexes only, the same tables and columns). */
    static final String QUEUE_INDEXES_SCHEMA = "34";
    /** The schema whose payments, porte-monnaie movements and broadcasts keep their form's token (tenant V35: nullable columns). */
    static final String FORM_TOKENS_SCHEMA = "35";
    /** The schema whose families may withdraw their requests (tenant V36: constraints and indexes only). */
    static final String WITHDRAWN_REQUESTS_SCHEMA = "36";
    /** The schema whose porte-monnaie days keep their QF bracket (tenant V37: one nullable column added). */
    static final String WALLET_BRACKET_SCHEMA = "37";
    /** The schema whose window wishes keep what their publication did (tenant V38: two nullable columns added). */
    static final String WISH_PUBLISHED_SCHEMA = "38";
    /** The schema whose messages keep their form's token (tenant V39: a nullable column added). */
    static final String MESSAGE_TOKEN_SCHEMA = "39";
    /** The schema whose broadcasts keep their files once (tenant V40: a table and a nullable column added). */
    static final String BROADCAST_FILES_SCHEMA = "40";
    /** The schema whose régies' prefixes and QF brackets' bounds are checked at commit (tenant V41: constraints only). */
    static final String DEFERRED_UNIQUES_SCHEMA = "41";
    /** Tenant V42: invoices awaiting their mail, a nullable column. */
    static final String AWAITING_MAIL_SCHEMA = "42";
    /** Tenant V43: a porte-monnaie's withdrawals, widened checks and an index. */
    static final String WALLET_WITHDRAWAL_SCHEMA = "43";
    /** Tenant V44: a late cancellation's seat given up, a nullable column. */
    static final String SEAT_GIVEN_UP_SCHEMA = "44";
    /** Tenant V45: the configuration's journal, a table. */
    static final String CONFIGURATION_JOURNAL_SCHEMA = "45";
    /** Tenant V46: the commune's delay for a late medical certificate, a nullable column. */
    static final String CERTIFICATE_DAYS_SCHEMA = "46";
    /** Tenant V47: the document types named for health and their documents flagged, data only. */
    static final String HEALTH_NAMED_SCHEMA = "47";
    /** Tenant V48: an invoice's addressee and its lines' services as issued, nullable columns. */
    static final String AS_ISSUED_SCHEMA = "48";
    /** Tenant V49: a registration's document's health flag, a nullable column (the import's HealthFlags sets it). */
    static final String REGISTRATION_HEALTH_SCHEMA = "49";
    /** Tenant V50: a message's file's health flag, a nullable column (the import's HealthFlags sets it by name). */
    static final String MESSAGE_HEALTH_SCHEMA = "50";
    /** Tenant V51: an activity's last day, a nullable column. */
    static final String ACTIVITY_LAST_DAY_SCHEMA = "51";
    /** Tenant V52: a news's form token, a nullable column with a partial unique index. */
    static final String NEWS_TOKEN_SCHEMA = "52";
    /** Tenant V53: an online payment's anomaly checked by the régie, nullable columns. */
    static final String ANOMALY_CHECKED_SCHEMA = "53";
    /** Tenant V54: health names read as words, data only (the import applies its rule). */
    static final String HEALTH_WORDS_SCHEMA = "54";
    /** Tenant V55: when an accepted school pre-registration reached the child's file, a nullable column. */
    static final String SCHOOL_APPLIED_SCHEMA = "55";
    /** Tenant V56: a pain.008 file withdrawn by the régisseur, nullable columns (one live file per run: an index). */
    static final String SEPA_FILE_WITHDRAWN_SCHEMA = "56";
    /** Tenant V57: the school year a child's class is known for, a nullable column. */
    static final String CLASS_YEAR_SCHEMA = "57";
    /** Tenant V58: a booking once on the waiting list, a nullable column. */
    static final String BOOKING_WAITED_SCHEMA = "58";
    /** Tenant V59: an index of the credit taken back from invoices, an index only. */
    static final String CREDIT_TAKEN_BACK_SCHEMA = "59";

    /**
     * The tables a schema version added, by the version that added them: an archive made before has none of their rows
     * (they are left empty), and is not refused for lacking them.
     */
    static final Map<String, Integer> TABLES_SINCE = Map.of("message_broadcast_file", 40, "configuration_change", 45);

    /**
     * Whether an archive made at schema {@code archived} loads as it is into schema {@code code}: its tables and
     * columns are those of {@code code}, or all of them but columns that may be null ({@value #BILLED_MONTH_SCHEMA} into
     * {@value #RUN_CHECKS_SCHEMA}; {@value #BILLED_MONTH_SCHEMA} and {@value #RUN_CHECKS_SCHEMA} into
     * {@value #LINE_BITS_SCHEMA}: their lines keep their days as dates, which V31's lines still read; any of those into
     * {@value #WIDER_ACTORS_SCHEMA}, which only widened columns, into {@value #RUN_HEARTBEAT_SCHEMA}, which added a
     * nullable one, into {@value #QUEUE_INDEXES_SCHEMA}, which added indexes only, into {@value #FORM_TOKENS_SCHEMA},
     * which added nullable columns, into {@value #WITHDRAWN_REQUESTS_SCHEMA}, which widened checks and indexes, into
     * {@value #WALLET_BRACKET_SCHEMA}, which added a nullable column, into {@value #WISH_PUBLISHED_SCHEMA}, which
     * added two, into {@value #MESSAGE_TOKEN_SCHEMA}, which added one, into {@value #BROADCAST_FILES_SCHEMA}, which
     * added a nullable column and a table the archive lacks, left empty ({@link #TABLES_SINCE}), and into
     * {@value #DEFERRED_UNIQUES_SCHEMA}, which made two unique constraints deferred, and into {@value #AWAITING_MAIL_SCHEMA},
     * which added a nullable column, and into {@value #WALLET_WITHDRAWAL_SCHEMA}, which widened checks and added an index,
     * and into {@value #SEAT_GIVEN_UP_SCHEMA}, which added a nullable column, and into
     * {@value #CONFIGURATION_JOURNAL_SCHEMA}, which added a table the archive lacks, left empty, and into
     * {@value #CERTIFICATE_DAYS_SCHEMA}, which added a nullable column, and into {@value #HEALTH_NAMED_SCHEMA}, which
     * changed data only — the import applies its rule —, and into {@value #AS_ISSUED_SCHEMA}, which added nullable
     * columns, and into {@value #REGISTRATION_HEALTH_SCHEMA} and {@value #MESSAGE_HEALTH_SCHEMA}, which each added a
     * nullable column the import's rule sets, and into {@value #ACTIVITY_LAST_DAY_SCHEMA} and
     * {@value #NEWS_TOKEN_SCHEMA}, which each added a nullable column, and into {@value #ANOMALY_CHECKED_SCHEMA}, which
     * added nullable columns, and into {@value #HEALTH_WORDS_SCHEMA}, which changed data only — the import applies its
     * rule —, and into {@value #SCHOOL_APPLIED_SCHEMA}, which added a nullable column, and into
     * {@value #SEPA_FILE_WITHDRAWN_SCHEMA}, which added nullable columns and made a unique constraint a partial index, and
     * into {@value #CLASS_YEAR_SCHEMA} and {@value #BOOKING_WAITED_SCHEMA}, which each added a nullable column, and into
     * {@value #CREDIT_TAKEN_BACK_SCHEMA}, which added an index).
     */
    static boolean sameData(String archived, String code) {
        int into = ADDITIVE.indexOf(code);
        if (into > 0) {
            int from = ADDITIVE.indexOf(archived);
            return from >= 0 ? from < into : sameData(archived, LINE_BITS_SCHEMA);
        }
        if (LINE_BITS_SCHEMA.equals(code)) {
            return BILLED_MONTH_SCHEMA.equals(archived) || RUN_CHECKS_SCHEMA.equals(archived);
        }
        return RUN_CHECKS_SCHEMA.equals(code) && BILLED_MONTH_SCHEMA.equals(archived);
    }

    /**
     * The schemas from {@value #LINE_BITS_SCHEMA} on, in order, each of which only added to the one before what an older
     * archive can do without (nullable columns, wider ones, checks, indexes, tables left empty): an archive of one loads
     * as it is into every later one. A new tenant migration of that kind is added at the end.
     */
    private static final List<String> ADDITIVE = List.of(LINE_BITS_SCHEMA, WIDER_ACTORS_SCHEMA, RUN_HEARTBEAT_SCHEMA,
            QUEUE_INDEXES_SCHEMA, FORM_TOKENS_SCHEMA, WITHDRAWN_REQUESTS_SCHEMA, WALLET_BRACKET_SCHEMA, WISH_PUBLISHED_SCHEMA,
            MESSAGE_TOKEN_SCHEMA, BROADCAST_FILES_SCHEMA, DEFERRED_UNIQUES_SCHEMA, AWAITING_MAIL_SCHEMA,
            WALLET_WITHDRAWAL_SCHEMA, SEAT_GIVEN_UP_SCHEMA, CONFIGURATION_JOURNAL_SCHEMA,
            CERTIFICATE_DAYS_SCHEMA, HEALTH_NAMED_SCHEMA, AS_ISSUED_SCHEMA,
            REGISTRATION_HEALTH_SCHEMA, MESSAGE_HEALTH_SCHEMA, ACTIVITY_LAST_DAY_SCHEMA,
            NEWS_TOKEN_SCHEMA, ANOMALY_CHECKED_SCHEMA, HEALTH_WORDS_SCHEMA,
            SCHOOL_APPLIED_SCHEMA, SEPA_FILE_WITHDRAWN_SCHEMA, CLASS_YEAR_SCHEMA, BOOKING_WAITED_SCHEMA,
            CREDIT_TAKEN_BACK_SCHEMA);

    /** Whether schema version {@code version} ("29") is before {@code since}. */
    static boolean olderThan(String version, int since) {
        try {
            return Integer.parseInt(version) < since;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void load(Commune commune, Path copy, char[] passphrase, ArchiveFormat.Manifest manifest,
                      Map<String, String> newIds, ImportListener listener) throws IOException, SQLException {
        String schema = commune.schemaName();
        try (Connection c = platformDb.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> targetTables = SchemaCatalog.tables(c, schema);
                List<String> archived = manifest.tables().stream().map(ArchiveFormat.Table::name).toList();
                // an archive of schema 28: its billed days are read into a temporary table, then converted
                boolean billedDays = convertsBilledDays(manifest.schemaVersion(), new TenantMigrator(platformDb).codeVersion())
                        && archived.contains(BILLED_DAY) && !targetTables.contains(BILLED_DAY);
                Set<String> expected = new HashSet<>(targetTables);
                if (billedDays) {
                    expected.remove("billed_month");
                    expected.add(BILLED_DAY);
                }
                // a table added since the archive was made: none of its rows in it, left empty
                Set<String> leftEmpty = new HashSet<>();
                TABLES_SINCE.forEach((table, since) -> {
                    if (!archived.contains(table) && olderThan(manifest.schemaVersion(), since)) {
                        expected.remove(table);
                        leftEmpty.add(table);
                    }
                });
                if (!expected.equals(new HashSet<>(archived))) {
                    throw new ArchiveException("Les tables de l'archive ne sont pas celles du schéma de la commune.");
                }
                for (ArchiveFormat.Table t : manifest.tables()) {
                    if (billedDays && t.name().equals(BILLED_DAY)) {
                        if (!t.columns().equals(List.of("child_id", "unit_id", "day", "invoice_line_id"))) {
                            throw new ArchiveException("Les colonnes de la table « billed_day » de l'archive ne sont pas"
                                    + " celles du schéma " + BILLED_DAY_SCHEMA + ".");
                        }
                        continue;
                    }
                    if (!SchemaCatalog.columns(c, schema, t.name()).containsAll(t.columns())) {
                        throw new ArchiveException("Les colonnes de la table « " + t.name()
                                + " » de l'archive ne sont pas celles du schéma de la commune.");
                    }
                }
                Map<String, Set<String>> parents = SchemaCatalog.parents(c, schema);
                Set<String> loaded = new HashSet<>(leftEmpty); // empty: nothing in the archive can reference them
                for (String t : archived) {
                    if (!loaded.containsAll(parents.getOrDefault(t, Set.of()))) {
                        throw new ArchiveException("L'ordre des tables de l'archive ne respecte pas leurs références.");
                    }
                    loaded.add(t);
                }
                // the default configuration seeded by provisioning is replaced by the archive's
                try (PreparedStatement ps = c.prepareStatement("truncate table " + String.join(", ",
                        targetTables.stream().map(t -> SchemaCatalog.qualified(schema, t)).toList()))) {
                    ps.execute();
                }
                if (billedDays) {
                    try (PreparedStatement ps = c.prepareStatement("create temporary table " + BILLED_DAY + " (child_id bigint,"
                            + " unit_id bigint, day date, invoice_line_id bigint) on commit drop")) {
                        ps.execute();
                    }
                }
                CopyManager copyApi = c.unwrap(PGConnection.class).getCopyAPI();
                try (InputStream in = ArchiveCipher.decrypt(new BufferedInputStream(new Reading(Files.newInputStream(copy),
                        Files.size(copy), ImportStep.DATA, listener)), passphrase)) {
                    ArchiveFormat.read(in, (table, csv) -> {
                        String into = billedDays && table.name().equals(BILLED_DAY) ? "pg_temp." + BILLED_DAY
                                : SchemaCatalog.qualified(schema, table.name());
                        long rows = copyApi.copyIn("copy " + into + " ("
                                + SchemaCatalog.columnList(table.columns()) + ") from stdin (format csv, header)", csv);
                        if (rows != table.rows()) {
                            throw new ArchiveException("La table « " + table.name() + " » de l'archive contient " + rows
                                    + " lignes ; son manifeste en annonce " + table.rows() + ".");
                        }
                    });
                }
                if (billedDays) {
                    // as tenant V29: each line's days, each child's unit-month as a bitmask (bit d - 1 for day d)
                    try (PreparedStatement ps = c.prepareStatement("update " + SchemaCatalog.qualified(schema, "invoice_line")
                            + " l set days = d.days from (select invoice_line_id, array_agg(day order by day) as days from"
                            + " pg_temp." + BILLED_DAY + " group by invoice_line_id) d where d.invoice_line_id = l.id")) {
                        ps.execute();
                    }
                    try (PreparedStatement ps = c.prepareStatement("insert into " + SchemaCatalog.qualified(schema, "billed_month")
                            + " (child_id, unit_id, month, days) select child_id, unit_id, day - extract(day from day)::int + 1,"
                            + " bit_or(1 << (extract(day from day)::int - 1)) from pg_temp." + BILLED_DAY + " group by 1, 2, 3")) {
                        ps.execute();
                    }
                }
                // an archive of a schema before V47 may hold types named for health saved unticked: the rule holds here
                fr.portailfamille.documents.HealthFlags.apply(c, SchemaCatalog.quote(schema) + ".");
                // and before V50, messages' files named for health: the same rule as the migration's
                fr.portailfamille.documents.HealthFlags.attachments(c, SchemaCatalog.quote(schema) + ".");
                for (String[] column : ACCOUNT_COLUMNS) {
                    try (PreparedStatement ps = c.prepareStatement("update " + SchemaCatalog.qualified(schema, column[0])
                            + " set " + SchemaCatalog.quote(column[1]) + " = ? where " + SchemaCatalog.quote(column[1])
                            + " = ?")) {
                        for (Map.Entry<String, String> id : newIds.entrySet()) {
                            ps.setString(1, id.getValue());
                            ps.setString(2, id.getKey());
                            ps.addBatch();
                        }
                        if (!newIds.isEmpty()) {
                            ps.executeBatch();
                        }
                    }
                }
                // each sequence where the source's was (past the ids of rows deleted before the export, which a journal
                // may still name), and past the ids loaded whatever the archive says
                for (SchemaCatalog.Sequence s : SchemaCatalog.sequences(c, schema)) {
                    try (PreparedStatement ps = c.prepareStatement("select setval(?::regclass, greatest(coalesce((select max("
                            + SchemaCatalog.quote(s.column()) + ") from " + SchemaCatalog.qualified(schema, s.table())
                            + "), 0) + 1, ?), false)")) {
                        ps.setString(1, SchemaCatalog.qualified(schema, s.name()));
                        ps.setLong(2, manifest.sequences().getOrDefault(s.name(), 1L));
                        ps.execute();
                    }
                }
                c.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Removes a commune created for an import that failed (suspended, then deleted; both audited); whether it did. */
    private boolean discard(String slug, String actor) {
        try {
            store.setStatus(slug, CommuneStatus.SUSPENDED); // it was never activated: suspend it as if it had been
            provisioner.suspend(slug, actor);
            provisioner.delete(slug, slug, actor);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "La commune " + slug + " créée pour un import en échec n'a pas pu être retirée :"
                    + " supprimez-la (elle est suspendue)", e);
            return false;
        }
    }

    /** The newest migration the schema holds, from its Flyway history (read in the export's snapshot). */
    static String schemaVersion(Connection c, String schema) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select version from "
                + SchemaCatalog.qualified(schema, ArchiveFormat.FLYWAY_HISTORY) + " where success and version is not null");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions.stream().map(MigrationVersion::fromVersion).max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion)
                .orElseThrow(() -> new IllegalStateException("Le schéma " + schema + " n'a aucune migration"));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<ArchiveInfo> query(String sql, Binder binder) {
        try (Connection c = platformDb.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<ArchiveInfo> all = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(new ArchiveInfo(rs.getLong("id"), rs.getLong("commune_id"), rs.getString("slug"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                            rs.getString("schema_version"), rs.getLong("size"), rs.getString("sha256")));
                }
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture des archives impossible", e);
        }
    }

    private static String cut(String s, int max) {
        return s == null ? "?" : s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * The archive's file as it is read, telling the step's progress (the share of the file read) every
     * {@link #PROGRESS_EVERY_NANOS}: a large archive's running step moves, and its job's row with it.
     */
    private static final class Reading extends java.io.FilterInputStream {
        private final long size;
        private final ImportStep step;
        private final ImportListener listener;
        private long read;
        private long toldAt = System.nanoTime();

        Reading(InputStream in, long size, ImportStep step, ImportListener listener) {
            super(in);
            this.size = Math.max(1, size);
            this.step = step;
            this.listener = listener;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            read += n;
            long now = System.nanoTime();
            if (now - toldAt >= PROGRESS_EVERY_NANOS) {
                toldAt = now;
                listener.progress(step, progressText(step, read, size));
            }
        }
    }

    /** How often a long step tells how far it has got (5 s). */
    static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    /** A running step's progress, in French: {@code archive lue et vérifiée à 42 %…}. */
    static String progressText(ImportStep step, long read, long size) {
        long percent = Math.min(100, read * 100 / Math.max(1, size));
        return (step == ImportStep.DATA ? "archive chargée à " : "archive lue et vérifiée à ") + percent + " %…";
    }

    /** Keeps the encrypting stream open when the ZIP closes, so that its last chunk is sealed by its own close. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** Writes the encrypted bytes as rows of 1 MiB in the archive's transaction. */
    private static final class ChunkWriter extends OutputStream {
        private final Connection c;
        private final long id;
        private final byte[] buffer = new byte[STORED_CHUNK];
        private int filled;
        private int seq;
        long size;

        ChunkWriter(Connection c, long id) {
            this.c = c;
            this.id = id;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
                size += n;
                if (filled == buffer.length) {
                    flushChunk();
                }
            }
        }

        private void flushChunk() throws IOException {
            if (filled == 0) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into platform.commune_archive_chunk (archive_id, seq, bytes) values (?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setInt(2, seq++);
                ps.setBytes(3, filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IOException("Écriture de l'archive impossible", e);
            }
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            flushChunk();
        }
    }

    /** Reads the stored chunks one after the other, each by its own short query; the connection is held until close. */
    private static final class ChunkReader extends ChunkedInputStream {
        private final DataSource db;
        private final long id;
        private Connection c;
        private int seq;

        ChunkReader(DataSource db, long id) {
            this.db = db;
            this.id = id;
        }

        @Override
        protected byte[] nextChunk() throws IOException {
            try {
                if (c == null) {
                    c = db.getConnection();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "select bytes from platform.commune_archive_chunk where archive_id = ? and seq = ?")) {
                    ps.setLong(1, id);
                    ps.setInt(2, seq++);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getBytes(1) : null;
                    }
                }
            } catch (SQLException e) {
                throw new IOException("Lecture de l'archive impossible", e);
            }
        }

        @Override
        public void close() throws IOException {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    throw new IOException(e);
                } finally {
                    c = null;
                }
            }
        }
    }
}
