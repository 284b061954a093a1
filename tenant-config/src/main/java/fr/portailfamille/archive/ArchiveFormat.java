package fr.portailfamille.archive;

import fr.portailfamille.tenancy.Commune;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The plain (unencrypted) content of a commune archive: a ZIP whose first entry is {@code manifest.json}, then one
 * {@code tables/<table>.csv} per table of the commune's schema (PostgreSQL's own CSV with a header line, written and
 * read by {@code COPY}, so every type — dates, numerics, booleans, {@code bytea} documents — comes back exactly), in an
 * order where a table comes after the tables it refers to, then {@code users.json}, the realm's accounts without
 * credentials. The whole schema is read in one REPEATABLE READ transaction: counts and rows are one snapshot.
 */
public final class ArchiveFormat {

    public static final String FORMAT = "portail-famille/archive";
    public static final int VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String USERS = "users.json";
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private ArchiveFormat() {
    }

    /** One table of the archive: its name, its rows, its columns in the order of its CSV file. */
    public record Table(String name, long rows, List<String> columns) {
        public Table {
            columns = List.copyOf(columns);
        }

        public String file() {
            return "tables/" + name + ".csv";
        }
    }

    /**
     * What {@code manifest.json} says; {@code sequences}: each of the schema's sequences by name with the value it would
     * give next, so that an imported commune never gives again the id of a row deleted before the export (a family's
     * journal keeps the ids of purged drafts) — empty in an archive made before it was written.
     */
    public record Manifest(int version, String slug, String name, String websiteUrl, String primaryColor,
                           String accentColor, String logoSvg, List<String> domains, String schemaVersion,
                           Instant exportedAt, List<Table> tables, long users, Map<String, Long> sequences) {
        public Manifest {
            domains = List.copyOf(domains);
            tables = List.copyOf(tables);
            sequences = Map.copyOf(sequences);
        }

        public Manifest(int version, String slug, String name, String websiteUrl, String primaryColor, String accentColor,
                        String logoSvg, List<String> domains, String schemaVersion, Instant exportedAt, List<Table> tables,
                        long users) {
            this(version, slug, name, websiteUrl, primaryColor, accentColor, logoSvg, domains, schemaVersion, exportedAt,
                    tables, users, Map.of());
        }

        public long totalRows() {
            return tables.stream().mapToLong(Table::rows).sum();
        }

        JsonObject toJson() {
            JsonArrayBuilder tableArray = Json.createArrayBuilder();
            for (Table t : tables) {
                JsonArrayBuilder columns = Json.createArrayBuilder();
                t.columns().forEach(columns::add);
                tableArray.add(Json.createObjectBuilder().add("name", t.name()).add("file", t.file())
                        .add("rows", t.rows()).add("columns", columns));
            }
            JsonArrayBuilder domainArray = Json.createArrayBuilder();
            domains.forEach(domainArray::add);
            JsonObjectBuilder commune = Json.createObjectBuilder().add("slug", slug).add("name", name)
                    .add("websiteUrl", websiteUrl).add("primaryColor", primaryColor).add("accentColor", accentColor)
                    .add("domains", domainArray);
            if (logoSvg != null) {
                commune.add("logoSvg", logoSvg);
            } else {
                commune.addNull("logoSvg");
            }
            JsonObjectBuilder next = Json.createObjectBuilder();
            new java.util.TreeMap<>(sequences).forEach(next::add);
            return Json.createObjectBuilder().add("format", FORMAT).add("version", version)
                    .add("exportedAt", exportedAt.toString()).add("schemaVersion", schemaVersion)
                    .add("commune", commune).add("tables", tableArray)
                    .add("users", Json.createObjectBuilder().add("file", USERS).add("count", users))
                    .add("sequences", next).build();
        }

        static Manifest fromJson(JsonObject o) {
            if (!FORMAT.equals(o.getString("format", null))) {
                throw new IllegalArgumentException("format");
            }
            JsonObject c = o.getJsonObject("commune");
            List<Table> tables = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("tables")) {
                JsonObject t = v.asJsonObject();
                tables.add(new Table(t.getString("name"), t.getJsonNumber("rows").longValueExact(),
                        strings(t.getJsonArray("columns"))));
            }
            return new Manifest(o.getInt("version"), c.getString("slug"), c.getString("name"),
                    c.getString("websiteUrl"), c.getString("primaryColor"), c.getString("accentColor"),
                    c.isNull("logoSvg") ? null : c.getString("logoSvg"), strings(c.getJsonArray("domains")),
                    o.getString("schemaVersion"), Instant.parse(o.getString("exportedAt")), tables,
                    o.getJsonObject("users").getJsonNumber("count").longValueExact(), sequences(o));
        }

        private static Map<String, Long> sequences(JsonObject o) {
            Map<String, Long> next = new java.util.HashMap<>();
            if (o.containsKey("sequences")) {
                o.getJsonObject("sequences").forEach((name, value) -> next.put(name, ((JsonNumber) value).longValueExact()));
            }
            return next;
        }
    }

    /**
     * Writes the archive of {@code commune} onto {@code out} (closed at the end), reading its schema through
     * {@code connection} in one read-only REPEATABLE READ transaction (left as it was found).
     */
    public static Manifest write(Connection connection, Commune commune, String schemaVersion, List<ArchivedUser> users,
                                 OutputStream out) throws SQLException, IOException {
        boolean auto = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            String schema = commune.schemaName();
            List<Table> tables = new ArrayList<>();
            for (String name : SchemaCatalog.loadOrder(connection, schema)) {
                tables.add(new Table(name, count(connection, schema, name), SchemaCatalog.columns(connection, schema, name)));
            }
            Map<String, Long> sequences = new java.util.HashMap<>();
            for (SchemaCatalog.Sequence sq : SchemaCatalog.sequences(connection, schema)) {
                try (PreparedStatement ps = connection.prepareStatement("select case when is_called then last_value + 1"
                        + " else last_value end from " + SchemaCatalog.qualified(schema, sq.name()));
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sequences.put(sq.name(), rs.getLong(1));
                }
            }
            Manifest manifest = new Manifest(VERSION, commune.slug(), commune.name(), commune.websiteUrl(),
                    commune.branding().primaryColor(), commune.branding().accentColor(), commune.branding().logoSvg(),
                    commune.domains(), schemaVersion, Instant.now(), tables, users.size(), sequences);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest.toJson().toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Table t : tables) {
                zip.putNextEntry(new ZipEntry(t.file()));
                long copied = copy.copyOut("copy " + SchemaCatalog.qualified(schema, t.name()) + " ("
                        + SchemaCatalog.columnList(t.columns()) + ") to stdout (format csv, header)", zip);
                if (copied != t.rows()) {
                    throw new IllegalStateException("table " + t.name() + " : " + copied + " lignes lues pour "
                            + t.rows() + " comptées");
                }
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(USERS));
            zip.write(usersJson(users).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            connection.commit();
            return manifest;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(auto);
        }
    }

    /** Called for each table file while an archive is read, with the file's content (valid until the next call). */
    @FunctionalInterface
    public interface TableReader {
        void read(Table table, InputStream csv) throws IOException, SQLException;
    }

    /** An archive read whole: its manifest and its accounts. */
    public record Content(Manifest manifest, List<ArchivedUser> users) {
    }

    /**
     * Reads a plain archive: the manifest first, then every table file in the manifest's order, given to
     * {@code tables}, then the accounts; anything else, missing or out of order is refused.
     *
     * @throws ArchiveException for a file that does not follow the format (in French)
     */
    public static Content read(InputStream plain, TableReader tables) throws IOException, SQLException {
        ZipInputStream zip = new ZipInputStream(plain, StandardCharsets.UTF_8);
        ZipEntry entry = zip.getNextEntry();
        if (entry == null || !MANIFEST.equals(entry.getName())) {
            throw new ArchiveException("L'archive ne commence pas par son manifeste (" + MANIFEST + ").");
        }
        Manifest manifest;
        try {
            manifest = Manifest.fromJson(Json.createReader(new StringReader(text(zip))).readObject());
        } catch (JsonParsingException | IllegalArgumentException | NullPointerException | ClassCastException
                 | ArithmeticException | java.time.format.DateTimeParseException e) {
            throw new ArchiveException("Le manifeste de l'archive est illisible.", e);
        }
        if (manifest.version() != VERSION) {
            throw new ArchiveException("Version d'archive " + manifest.version() + " inconnue de cette plateforme.");
        }
        for (Table t : manifest.tables()) {
            entry = zip.getNextEntry();
            if (entry == null || !t.file().equals(entry.getName())) {
                throw new ArchiveException("Le fichier « " + t.file() + " » manque à l'archive ou n'est pas à sa place.");
            }
            tables.read(t, new Unclosable(zip));
        }
        entry = zip.getNextEntry();
        if (entry == null || !USERS.equals(entry.getName())) {
            throw new ArchiveException("Le fichier des comptes (" + USERS + ") manque à l'archive.");
        }
        List<ArchivedUser> users;
        try {
            users = users(text(zip));
        } catch (JsonParsingException | NullPointerException | ClassCastException e) {
            throw new ArchiveException("Le fichier des comptes de l'archive est illisible.", e);
        }
        if (zip.getNextEntry() != null) {
            throw new ArchiveException("L'archive contient des fichiers inconnus.");
        }
        // the rest of the stream (the end of the ZIP) is read too: the decryption checks the archive's last chunk
        zip.transferTo(OutputStream.nullOutputStream());
        plain.transferTo(OutputStream.nullOutputStream());
        if (users.size() != manifest.users()) {
            throw new ArchiveException("L'archive annonce " + manifest.users() + " comptes et en contient " + users.size() + ".");
        }
        return new Content(manifest, users);
    }

    static String usersJson(List<ArchivedUser> users) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (ArchivedUser u : users) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("id", u.id()).add("username", u.username());
            add(o, "email", u.email());
            add(o, "firstName", u.firstName());
            add(o, "lastName", u.lastName());
            JsonArrayBuilder roles = Json.createArrayBuilder();
            u.realmRoles().forEach(roles::add);
            JsonArrayBuilder actions = Json.createArrayBuilder();
            u.requiredActions().forEach(actions::add);
            JsonArrayBuilder groups = Json.createArrayBuilder();
            u.groups().forEach(groups::add);
            all.add(o.add("enabled", u.enabled()).add("emailVerified", u.emailVerified()).add("realmRoles", roles)
                    .add("requiredActions", actions).add("groups", groups));
        }
        return all.build().toString();
    }

    static List<ArchivedUser> users(String json) {
        List<ArchivedUser> users = new ArrayList<>();
        for (JsonValue v : Json.createReader(new StringReader(json)).readArray()) {
            JsonObject o = v.asJsonObject();
            users.add(new ArchivedUser(o.getString("id"), o.getString("username"), o.getString("email", null),
                    o.getString("firstName", null), o.getString("lastName", null), o.getBoolean("enabled"),
                    o.getBoolean("emailVerified"), strings(o.getJsonArray("realmRoles")),
                    strings(o.getJsonArray("requiredActions")),
                    // archives made before groups were kept have none
                    o.containsKey("groups") ? strings(o.getJsonArray("groups")) : List.of()));
        }
        return users;
    }

    private static void add(JsonObjectBuilder o, String key, String value) {
        if (value != null) {
            o.add(key, value);
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static String text(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static long count(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from " + SchemaCatalog.qualified(schema, table));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The current entry of a ZIP, which its reader may close without closing the ZIP. */
    private static final class Unclosable extends java.io.FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the ZIP goes on with its next entry
        }
    }
}
