package fr.portailfamille.configuration;

import fr.portailfamille.booking.CommuneZone;
import fr.portailfamille.tenancy.ConfigurationSeeder;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * The configuration a new commune starts with, read from the resource
 * {@code fr/portailfamille/configuration/default-configuration.json}: default legend, a generic CGU,
 * the school year (moved to the current one), and three activities (périscolaire, restauration scolaire, mercredi) the commune
 * then adapts.
 */
public final class DefaultConfiguration {

    public static final String RESOURCE = "default-configuration.json";

    private DefaultConfiguration() {
    }

    /** The default configuration, its school year the one of today in France ({@link #get(LocalDate)}). */
    public static CommuneConfiguration get() {
        return get(LocalDate.now(CommuneZone.ZONE));
    }

    /**
     * The default configuration, its school year moved to the one of {@code today}
     * ({@link CommuneConfiguration#inSchoolYearOf}): a commune created in any year starts with a current school year.
     */
    public static CommuneConfiguration get(LocalDate today) {
        return Holder.DEFAULT.inSchoolYearOf(today);
    }

    /**
     * A seeder that imports {@link #get()} into a schema that has no configuration yet (no setting, activity or period:
     * a provisioning resumed after its seeding committed keeps what it wrote, one interrupted before seeds it), in its
     * own transaction on a connection of {@code dataSource}.
     */
    public static ConfigurationSeeder seeder(DataSource dataSource) {
        return schema -> {
            try (Connection c = dataSource.getConnection()) {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    String q = ConfigurationReader.qualifier(schema);
                    try (var st = c.createStatement(); var rs = st.executeQuery("select exists (select 1 from " + q
                            + "commune_setting) or exists (select 1 from " + q + "activity) or exists (select 1 from " + q
                            + "calendar_period)")) {
                        if (rs.next() && rs.getBoolean(1)) {
                            c.rollback();
                            return;
                        }
                    }
                    ConfigurationStore.importInto(c, schema, get());
                    c.commit();
                } catch (RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Configuration initiale du schéma " + schema + " impossible", e);
            }
        };
    }

    /** Loaded on first use, so that a broken resource fails {@link #get()} rather than class loading. */
    private static final class Holder {
        static final CommuneConfiguration DEFAULT = load();

        private static CommuneConfiguration load() {
            try (InputStream in = DefaultConfiguration.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Ressource introuvable : " + RESOURCE);
                }
                CommuneConfiguration conf = ConfigurationJson.read(new InputStreamReader(in, StandardCharsets.UTF_8));
                // the document types a new commune starts with, when the resource does not list its own
                conf = conf.documentTypes() != null ? conf
                        : conf.withDocumentTypes(fr.portailfamille.documents.DocumentTypeRules.defaults());
                // and the services families write to
                return conf.services() != null ? conf
                        : conf.withServices(fr.portailfamille.messaging.MessagingRules.defaults());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
