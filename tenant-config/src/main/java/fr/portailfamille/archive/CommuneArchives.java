package fr.portailfamille.archive;

import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneProvisioner;
import fr.portailfamille.tenancy.CommuneSpec;
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

    /** The archive, only when it belongs to the commune {@code communeId} (a commune's staff area). */
    public Optional<InputStream> openOf(long communeId, long id) {
        return find(id).filter(a -> a.communeId() == communeId).map(a -> new ChunkReader(platformDb, a.id()));
    }

    /**
     * Imports an archive into a fresh commune: the archive is checked whole first (passphrase, every chunk, the
     * format, the schema version, which must be this platform's), then the commune is provisioned
     * ({@link CommuneProvisioner#provision}: schema, default configuration, realm), then its schema is emptied of
     * that default configuration and loaded with the archive's tables in ONE transaction (each table's row count
     * checked against the manifest, every sequence set past its column's largest value), its accounts re-created in
     * its realm first (an account given a new id by the identity server is renamed in the loaded data). Audited
     * ({@code IMPORT}). When loading fails, the fresh commune is removed again.
     *
     * @throws ArchiveException for a wrong passphrase, a changed or incomplete archive, another schema version (in
     *                          French; nothing was created)
     * @throws fr.portailfamille.tenancy.ProvisioningException when the new commune is refused (slug used, domains…)
     */
    public Commune importInto(CommuneSpec newCommune, InputStream archive, char[] passphrase, String actor)
            throws ArchiveException {
        if (provisioner == null) {
            throw new IllegalStateException("Import impossible sans le provisionneur des communes");
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("pf-archive-", ".pfarchive");
            try (OutputStream out = Files.newOutputStream(copy)) {
                archive.transferTo(out);
            }
            String code = new TenantMigrator(platformDb).codeVersion();
            ArchiveFormat.Content content;
            try (InputStream in = ArchiveCipher.decrypt(new BufferedInputStream(Files.newInputStream(copy)), passphrase)) {
                content = ArchiveFormat.read(in, (table, csv) -> csv.transferTo(OutputStream.nullOutputStream()));
            }
            ArchiveFormat.Manifest manifest = content.manifest();
            if (!code.equals(manifest.schemaVersion())) {
                throw new ArchiveException("Cette archive a été faite au schéma " + manifest.schemaVersion()
                        + " ; cette plateforme est au schéma " + code + ". Importez-la sur une plateforme de la même"
                        + " version (ou mettez d'abord la plateforme à niveau).");
            }
            Commune commune = provisioner.provision(newCommune);
            try {
                Map<String, String> newIds = accounts == null ? Map.of()
                        : accounts.restore(commune.realmName(), content.users());
                load(commune, copy, passphrase, manifest, newIds);
            } catch (IOException | SQLException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Import dans la commune " + commune.slug() + " en échec : elle est retirée", e);
                store.audit(actor, "IMPORT_FAILED", commune.slug(), e.getMessage());
                discard(commune.slug(), actor);
                if (e instanceof ArchiveException a) {
                    throw a;
                }
                throw new IllegalStateException("L'import dans la commune « " + commune.slug() + " » a échoué : "
                        + e.getMessage() + ". La commune créée pour l'import a été retirée.", e);
            }
            store.audit(actor, "IMPORT", commune.slug(), "archive de « " + manifest.slug() + " » du "
                    + manifest.exportedAt() + " : " + manifest.tables().size() + " tables, " + manifest.totalRows()
                    + " lignes, " + content.users().size() + " comptes");
            return store.findBySlug(commune.slug()).orElseThrow();
        } catch (ArchiveException e) {
            throw e;
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture de l'archive impossible", e);
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
     * The columns that name an account of the realm by its id: when the restored accounts got new ids, these follow.
     */
    static final List<String[]> ACCOUNT_COLUMNS = List.of(new String[] {"family", "subject"},
            new String[] {"account_preference", "subject"});

    /**
     * Reads the archive again and loads its tables into the commune's schema, the accounts' new ids put in place of
     * the archived ones ({@link #ACCOUNT_COLUMNS}), all in one transaction.
     */
    private void load(Commune commune, Path copy, char[] passphrase, ArchiveFormat.Manifest manifest,
                      Map<String, String> newIds) throws IOException, SQLException {
        String schema = commune.schemaName();
        try (Connection c = platformDb.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> targetTables = SchemaCatalog.tables(c, schema);
                List<String> archived = manifest.tables().stream().map(ArchiveFormat.Table::name).toList();
                if (!new HashSet<>(targetTables).equals(new HashSet<>(archived))) {
                    throw new ArchiveException("Les tables de l'archive ne sont pas celles du schéma de la commune.");
                }
                for (ArchiveFormat.Table t : manifest.tables()) {
                    if (!SchemaCatalog.columns(c, schema, t.name()).containsAll(t.columns())) {
                        throw new ArchiveException("Les colonnes de la table « " + t.name()
                                + " » de l'archive ne sont pas celles du schéma de la commune.");
                    }
                }
                Map<String, Set<String>> parents = SchemaCatalog.parents(c, schema);
                Set<String> loaded = new HashSet<>();
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
                CopyManager copyApi = c.unwrap(PGConnection.class).getCopyAPI();
                try (InputStream in = ArchiveCipher.decrypt(new BufferedInputStream(Files.newInputStream(copy)), passphrase)) {
                    ArchiveFormat.read(in, (table, csv) -> {
                        long rows = copyApi.copyIn("copy " + SchemaCatalog.qualified(schema, table.name()) + " ("
                                + SchemaCatalog.columnList(table.columns()) + ") from stdin (format csv, header)", csv);
                        if (rows != table.rows()) {
                            throw new ArchiveException("La table « " + table.name() + " » de l'archive contient " + rows
                                    + " lignes ; son manifeste en annonce " + table.rows() + ".");
                        }
                    });
                }
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
                for (SchemaCatalog.Sequence s : SchemaCatalog.sequences(c, schema)) {
                    try (PreparedStatement ps = c.prepareStatement("select setval(?::regclass, coalesce((select max("
                            + SchemaCatalog.quote(s.column()) + ") from " + SchemaCatalog.qualified(schema, s.table())
                            + "), 0) + 1, false)")) {
                        ps.setString(1, SchemaCatalog.qualified(schema, s.name()));
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

    /** Removes a commune created for an import that failed (suspended, then deleted; both audited). */
    private void discard(String slug, String actor) {
        try {
            provisioner.suspend(slug, actor);
            provisioner.delete(slug, slug, actor);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "La commune " + slug + " créée pour un import en échec n'a pas pu être retirée :"
                    + " supprimez-la (elle est suspendue)", e);
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
