package fr.portailfamille.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.configuration.CommuneConfiguration.Closure;
import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.CommuneConfiguration.PeriodKind;
import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one reader: the parts the platform reads on every request, from a real schema and from JPA-typed rows. */
class ConfigurationReaderTest {

    static final String SCHEMA = "commune_config_reader";
    static DataSource ds;

    @BeforeAll
    static void imported() throws SQLException {
        ds = TestDatabase.dataSource();
        TenantMigrator migrator = new TenantMigrator(ds);
        migrator.dropCommuneSchema(SCHEMA);
        migrator.migrateCommune(SCHEMA);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            ConfigurationStore.importInto(c, SCHEMA, Samples.full());
            c.commit();
        }
    }

    @Test
    void partsReadAloneAreThoseOfTheWholeConfiguration() throws SQLException {
        CommuneConfiguration full = Samples.full();
        try (Connection c = ds.getConnection()) {
            ConfigurationReader reader = ConfigurationReader.of(c, SCHEMA);
            assertEquals(full, reader.configuration());
            assertEquals(full.closures(), reader.closures());
            assertEquals(full.periods(), reader.periods());
            assertEquals(List.of(full.periods().get(0)), reader.periods(PeriodKind.ANNEE_SCOLAIRE));
            assertEquals(full.legend(), reader.legend());
            assertEquals(Optional.of("B"), reader.setting("zone"));
            assertEquals(Optional.empty(), reader.setting("absent"));
            Map<Long, List<String>> documents = reader.documentsByActivity();
            assertEquals(List.of(List.of("Attestation d'assurance", "Fiche sanitaire"), List.of("Certificat médical")),
                    new ArrayList<>(new java.util.TreeMap<>(documents).values()), "PERI then SPORT-U10, in order");
        }
    }

    @Test
    void rowsAsAJpaProviderGivesThemAreReadToo() {
        // EclipseLink's native queries give java.sql dates and times, Long ids and char(n) padded as stored
        ConfigurationReader reader = new ConfigurationReader(sql -> {
            if (sql.contains("from \"commune_x\".closure")) {
                return List.<Object[]>of(new Object[] {java.sql.Date.valueOf("2026-11-10"), "Pont"});
            }
            if (sql.contains("calendar_period")) {
                return List.<Object[]>of(new Object[] {"VACANCES", "Noël", java.sql.Date.valueOf("2026-12-19"),
                    LocalDate.of(2027, 1, 3)});
            }
            if (sql.contains("legend_entry")) {
                return List.<Object[]>of(new Object[] {"COMPLET", "Plein", "#7f1d1d ", "#ffffff"},
                        new Object[] {"RETIRED_STATE", "x", "#000000", "#ffffff"});
            }
            return List.of();
        }, "commune_x");
        assertEquals(List.of(new Closure(LocalDate.of(2026, 11, 10), "Pont")), reader.closures());
        assertEquals(List.of(new Period(PeriodKind.VACANCES, "Noël", LocalDate.of(2026, 12, 19), LocalDate.of(2027, 1, 3))),
                reader.periods(PeriodKind.VACANCES));
        assertEquals(Legend.defaults().with(DayState.COMPLET, new Legend.LegendEntry("Plein", "#7f1d1d", "#ffffff")),
                reader.legend(), "a state the platform no longer has is ignored");
        assertEquals(LocalTime.of(7, 15), ConfigurationReader.time(java.sql.Time.valueOf("07:15:00")));
        assertEquals(null, ConfigurationReader.time(null));
    }

    @Test
    void schemaNamesAreCheckedIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> new ConfigurationReader(sql -> List.of(), "a\"; drop schema x; --"));
        assertThrows(IllegalArgumentException.class, () -> new ConfigurationReader(sql -> List.of(), null));
    }
}
