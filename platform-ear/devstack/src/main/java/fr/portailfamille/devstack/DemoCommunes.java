package fr.portailfamille.devstack;

import fr.portailfamille.identity.KeycloakRealmProvisioner;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneProvisioner;
import fr.portailfamille.tenancy.CommuneSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The two demo communes, their accounts and a few news, provisioned like any commune. */
public final class DemoCommunes {

    /** A demo login printed by the run command. */
    public record Account(String commune, String role, String email, String password) {
    }

    public static final String PARENT_PASSWORD = "Parent2026";
    public static final String AGENT_PASSWORD = "Agent2026";

    private DemoCommunes() {
    }

    public static List<CommuneSpec> specs() {
        return List.of(
                new CommuneSpec("montfaucou", "Pays de Montfaucou", "https://www.paysdemontfaucou.fr", "#1d4f91",
                        "#f2a900", logo("montfaucou.svg"), List.of("familles.paysdemontfaucou.fr")),
                new CommuneSpec("hermitage", "L'Hermitage", "https://www.ville-lhermitage.fr", "#7a1f3d",
                        "#2e7d32", logo("hermitage.svg"), List.of("familles.ville-lhermitage.fr")));
    }

    /**
     * Provisions the demo communes (or resumes / leaves them when they exist), creates one parent and
     * one agent per commune, and seeds news once.
     */
    public static List<Account> provision(CommuneProvisioner provisioner, KeycloakRealmProvisioner realms,
                                          fr.portailfamille.tenancy.TenantStore store, DataSource platformDb)
            throws SQLException {
        List<Account> accounts = new ArrayList<>();
        for (CommuneSpec spec : specs()) {
            Commune commune = store.findBySlug(spec.slug()).filter(Commune::isActive)
                    .orElseGet(() -> provisioner.provision(spec));
            String parent = "parent@" + spec.slug() + ".test";
            String agent = "agent@" + spec.slug() + ".test";
            realms.createUser(commune.realmName(), parent, "Camille", "Martin", PARENT_PASSWORD, "parent");
            realms.createUser(commune.realmName(), agent, "Dominique", "Bernard", AGENT_PASSWORD, "agent");
            String health = "sante@" + spec.slug() + ".test";
            realms.createUser(commune.realmName(), health, "Sam", "Leroy", AGENT_PASSWORD, "agent");
            realms.createUser(commune.realmName(), health, "Sam", "Leroy", AGENT_PASSWORD, "agent-sante");
            accounts.add(new Account(commune.name(), "parent", parent, PARENT_PASSWORD));
            accounts.add(new Account(commune.name(), "agent", agent, AGENT_PASSWORD));
            accounts.add(new Account(commune.name(), "agent+santé", health, AGENT_PASSWORD));
            seedNews(platformDb, commune);
            seedActivities(platformDb, commune);
            seedFamily(platformDb, commune, parent);
        }
        return accounts;
    }

    /**
     * The demo parent's family, already validated by the town (as if registered at the counter), so
     * that the planning can be tried at once; the parent's first sign-in finds it.
     */
    private static void seedFamily(DataSource db, Commune commune, String email) throws SQLException {
        try (Connection c = db.getConnection()) {
            String schema = commune.schemaName();
            if (c.createStatement().executeQuery("select 1 from " + schema + ".family where email = '" + email + "'").next()) {
                return;
            }
            var st = c.createStatement();
            st.execute("insert into " + schema + ".family (label, email, status, situation, address_line, postcode, city,"
                    + " validated_at) values ('Foyer Camille Martin', '" + email + "', 'VALIDATED', 'MARIES',"
                    + " '3 rue des Écoles', '87000', 'Limoges', now())");
            st.execute("insert into " + schema + ".responsable (family_id, rank, civility, first_name, last_name, email,"
                    + " mobile_phone) select id, 1, 'MME', 'Camille', 'Martin', email, '06 12 34 56 78' from " + schema
                    + ".family where email = '" + email + "'");
            st.execute("insert into " + schema + ".child (family_id, first_name, last_name, sex, birth_date, school,"
                    + " school_class) select id, 'Léa', 'Martin', 'F', current_date - interval '7 years', 'École Jules Ferry',"
                    + " 'CE1' from " + schema + ".family where email = '" + email + "'");
        }
    }

    /** Three activities with the forms of deadlines communes use, once. */
    private static void seedActivities(DataSource db, Commune commune) throws SQLException {
        try (Connection c = db.getConnection()) {
            String schema = commune.schemaName();
            if (c.createStatement().executeQuery("select 1 from " + schema + ".activity limit 1").next()) {
                return;
            }
            var st = c.createStatement();
            st.execute("insert into " + schema + ".activity (code, name, type, booking_deadline, cancellation_deadline,"
                    + " late_policy, needs_validation) values"
                    + " ('CANTINE', 'Restauration scolaire', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59', 'SURCHARGED', false),"
                    + " ('PERISCOLAIRE', 'Accueil périscolaire', 'PERISCOLAIRE', 'JO-1@18:00', 'JO-1@18:00', 'REFUSED', false),"
                    + " ('MERCREDI', 'Mercredis loisirs', 'MERCREDI', 'SEMAINE-TUESDAY@23:59', 'SEMAINE-TUESDAY@23:59',"
                    + " 'REFUSED', true)");
            st.execute("insert into " + schema + ".activity_unit (activity_id, code, label, start_time, end_time, capacity,"
                    + " weekdays) select id, 'MIDI', 'Midi', '11:30', '13:30', 60, '1,2,4,5' from " + schema
                    + ".activity where code = 'CANTINE'");
            st.execute("insert into " + schema + ".activity_unit (activity_id, code, label, start_time, end_time, capacity,"
                    + " weekdays) select id, u.code, u.label, u.s::time, u.e::time, u.cap, '1,2,4,5' from " + schema
                    + ".activity, (values ('MATIN', 'Matin', '07:15', '08:20', 30), ('SOIR', 'Soir', '16:30', '18:30', 40))"
                    + " as u(code, label, s, e, cap) where activity.code = 'PERISCOLAIRE'");
            st.execute("insert into " + schema + ".activity_unit (activity_id, code, label, start_time, end_time, capacity,"
                    + " weekdays) select id, 'JOURNEE', 'Journée', '08:00', '18:00', 24, '3' from " + schema
                    + ".activity where code = 'MERCREDI'");
        }
    }

    private static void seedNews(DataSource db, Commune commune) throws SQLException {
        try (Connection c = db.getConnection()) {
            String table = commune.schemaName() + ".news";
            if (c.createStatement().executeQuery("select 1 from " + table + " limit 1").next()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("insert into " + table + " (title, body) values (?, ?)")) {
                ps.setString(1, "Inscriptions périscolaires " + commune.name());
                ps.setString(2, "Les inscriptions à la restauration scolaire et au périscolaire sont ouvertes.");
                ps.addBatch();
                ps.setString(1, "Fermeture pendant les vacances");
                ps.setString(2, "L'accueil de loisirs sera fermé la dernière semaine de décembre.");
                ps.addBatch();
                ps.executeBatch();
            }
        }
    }

    static String logo(String name) {
        try (InputStream in = DemoCommunes.class.getResourceAsStream("/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Logo de démonstration " + name + " introuvable", e);
        }
    }
}
