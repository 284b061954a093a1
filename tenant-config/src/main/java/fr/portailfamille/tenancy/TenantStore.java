package fr.portailfamille.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The communes, kept in the {@code platform} schema (tables qualified by schema, so the store works
 * whatever the connection's search_path). Plain JDBC: it is used by the platform and by the
 * provisioning tools alike.
 */
public class TenantStore {

    private static final String COLUMNS = "c.id, c.slug, c.name, c.status, c.schema_name, c.realm_name, c.website_url,"
            + " c.primary_color, c.accent_color, c.logo_svg, c.oidc_client_id, c.oidc_client_secret, c.schema_version,"
            + " coalesce((select string_agg(d.domain, ',' order by d.domain) from platform.commune_domain d"
            + " where d.commune_id = c.id), '') as domains";

    private final DataSource dataSource;

    public TenantStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The platform database (communes' schemas live in it too). */
    public DataSource dataSource() {
        return dataSource;
    }

    public Optional<Commune> findBySlug(String slug) {
        return queryOne("select " + COLUMNS + " from platform.commune c where c.slug = ?", slug);
    }

    /** The commune owning a custom domain. */
    public Optional<Commune> findByDomain(String domain) {
        return queryOne("select " + COLUMNS + " from platform.commune c join platform.commune_domain cd"
                + " on cd.commune_id = c.id where cd.domain = ?", CommuneRules.normalizeHost(domain));
    }

    public List<Commune> findAll() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from platform.commune c order by c.slug");
             ResultSet rs = ps.executeQuery()) {
            List<Commune> all = new ArrayList<>();
            while (rs.next()) {
                all.add(map(rs));
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture des communes impossible", e);
        }
    }

    /** The domains among {@code domains} that another commune than {@code slug} already uses. */
    public List<String> domainsUsedElsewhere(List<String> domains, String slug) {
        List<String> used = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select cd.domain from platform.commune_domain cd"
                     + " join platform.commune co on co.id = cd.commune_id where cd.domain = ? and co.slug <> ?")) {
            for (String d : domains) {
                ps.setString(1, CommuneRules.normalizeHost(d));
                ps.setString(2, slug);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        used.add(d);
                    }
                }
            }
            return used;
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture des domaines impossible", e);
        }
    }

    /**
     * Records a commune in state PROVISIONING with its domains, in one transaction. Unique constraints
     * (slug, schema, realm, domain) make a concurrent duplicate fail here.
     */
    public Commune insertProvisioning(CommuneSpec spec, String clientId) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement ps = c.prepareStatement("insert into platform.commune (slug, name, status,"
                        + " schema_name, realm_name, website_url, primary_color, accent_color, logo_svg, oidc_client_id)"
                        + " values (?, ?, 'PROVISIONING', ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, spec.slug());
                    ps.setString(2, spec.name().trim());
                    ps.setString(3, spec.schemaName());
                    ps.setString(4, spec.realmName());
                    ps.setString(5, spec.websiteUrl());
                    ps.setString(6, spec.primaryColor().toLowerCase());
                    ps.setString(7, spec.accentColor().toLowerCase());
                    ps.setString(8, spec.logoSvg());
                    ps.setString(9, clientId);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                insertDomains(c, id, spec.domains());
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Enregistrement de la commune " + spec.slug() + " impossible", e);
        }
        return findBySlug(spec.slug()).orElseThrow();
    }

    /** Updates name, site, branding and domains of a commune (provisioning re-run with a new spec). */
    public void updateDetails(CommuneSpec spec) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement ps = c.prepareStatement("update platform.commune set name = ?, website_url = ?,"
                        + " primary_color = ?, accent_color = ?, logo_svg = ?, updated_at = now() where slug = ?"
                        + " returning id")) {
                    ps.setString(1, spec.name().trim());
                    ps.setString(2, spec.websiteUrl());
                    ps.setString(3, spec.primaryColor().toLowerCase());
                    ps.setString(4, spec.accentColor().toLowerCase());
                    ps.setString(5, spec.logoSvg());
                    ps.setString(6, spec.slug());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("delete from platform.commune_domain where commune_id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
                insertDomains(c, id, spec.domains());
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Mise à jour de la commune " + spec.slug() + " impossible", e);
        }
    }

    public void activate(String slug, String clientSecret) {
        update("update platform.commune set status = 'ACTIVE', oidc_client_secret = ?, updated_at = now()"
                + " where slug = ?", clientSecret, slug);
    }

    /** The realm's client secret of a commune still provisioning, kept without activating it. */
    public void keepClientSecret(String slug, String clientSecret) {
        update("update platform.commune set oidc_client_secret = ?, updated_at = now() where slug = ?", clientSecret, slug);
    }

    public void setStatus(String slug, CommuneStatus status) {
        update("update platform.commune set status = ?, updated_at = now() where slug = ?", status.name(), slug);
    }

    /**
     * Records where the commune's schema stands after an upgrade: the version it reached and, when a migration
     * failed, the error (cut to 2,000 characters); {@code error == null} marks it current.
     */
    public void recordSchema(String slug, String version, String error) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update platform.commune set schema_version = ?, schema_state = ?, schema_error = ?,"
                        + " schema_checked_at = now() where slug = ?")) {
            ps.setString(1, version);
            ps.setString(2, error == null ? "CURRENT" : "FAILED");
            ps.setString(3, error == null || error.length() <= 2000 ? error : error.substring(0, 2000));
            ps.setString(4, slug);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Écriture dans le registre des communes impossible", e);
        }
    }

    /**
     * The latest of {@code actions} in the operators' audit of {@code slug} since the commune of that slug was made, if
     * any: the audit is kept by slug, and an earlier commune of the same slug (an import that failed and was removed)
     * is not this one.
     */
    public Optional<String> lastAction(String slug, java.util.Collection<String> actions) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select action from platform.operator_audit where slug = ? and action = any(?) and at >= coalesce((select"
                        + " created_at from platform.commune where slug = ?), '-infinity') order by id desc limit 1")) {
            ps.setString(1, slug);
            ps.setArray(2, c.createArrayOf("varchar", actions.toArray()));
            ps.setString(3, slug);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture du journal des opérateurs impossible", e);
        }
    }

    /** One line of the operators' audit ({@code platform.operator_audit}). */
    public void audit(String actor, String action, String slug, String detail) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into platform.operator_audit (actor, action, slug, detail) values (?, ?, ?, ?)")) {
            ps.setString(1, actor == null || actor.length() <= 120 ? actor : actor.substring(0, 120));
            ps.setString(2, action);
            ps.setString(3, slug);
            ps.setString(4, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Écriture du journal des opérateurs impossible", e);
        }
    }

    public void delete(String slug) {
        update("delete from platform.commune where slug = ?", slug);
    }

    private void insertDomains(Connection c, long id, List<String> domains) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into platform.commune_domain (domain, commune_id) values (?, ?)")) {
            for (String d : domains) {
                ps.setString(1, CommuneRules.normalizeHost(d));
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void update(String sql, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Écriture dans le registre des communes impossible", e);
        }
    }

    private Optional<Commune> queryOne(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture du registre des communes impossible", e);
        }
    }

    private static Commune map(ResultSet rs) throws SQLException {
        String domains = rs.getString("domains");
        return new Commune(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                CommuneStatus.valueOf(rs.getString("status")), rs.getString("schema_name"),
                rs.getString("realm_name"), rs.getString("website_url"),
                new Branding(rs.getString("primary_color"), rs.getString("accent_color"), rs.getString("logo_svg")),
                rs.getString("oidc_client_id"), rs.getString("oidc_client_secret"),
                domains.isEmpty() ? List.of() : List.of(domains.split(",")), rs.getString("schema_version"));
    }
}
