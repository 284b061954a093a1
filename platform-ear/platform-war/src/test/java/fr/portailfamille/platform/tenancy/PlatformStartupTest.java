package fr.portailfamille.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The upgrade step (the Helm Job) ends with a status Helm reads, failed when the upgrade itself fails. */
class PlatformStartupTest {

    /** A database that cannot be reached: every connection refused. */
    static DataSource unreachable() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw new SQLException("Connection refused", "08001");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aFailedUpgradeEndsTheMigrateOnlyProcessAtOnceWithAFailedStatus() {
        PlatformStartup startup = new PlatformStartup();
        startup.migrateOnly = true;
        startup.dataSource = unreachable();
        List<Integer> exits = new ArrayList<>();
        startup.exit = exits::add;
        startup.migrate();
        assertEquals(List.of(1), exits, "the Job fails now, not at its deadline");
    }

    @Test
    void servingReplicasStillFailTheirDeploymentAndNeverExit() {
        PlatformStartup startup = new PlatformStartup();
        startup.migrateOnly = false;
        startup.dataSource = unreachable();
        List<Integer> exits = new ArrayList<>();
        startup.exit = exits::add;
        startup.migrateAtStart = true;
        assertThrows(IllegalStateException.class, startup::migrate);
        assertEquals(List.of(), exits);
    }
}
