package fr.portailfamille.devstack;

import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DateRange;
import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.booking.SeatLedger;
import fr.portailfamille.identity.KeycloakRealmProvisioner;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneProvisioner;
import fr.portailfamille.tenancy.CommuneSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import fr.portailfamille.configuration.ConfigurationException;
import fr.portailfamille.configuration.ConfigurationJson;
import fr.portailfamille.configuration.ConfigurationStore;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The two demo communes, their accounts, configuration, a validated family and a few news,
 * provisioned like any commune.
 */
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
     * Provisions the demo communes (or resumes / leaves them when they exist; a suspended one is left suspended, without
     * its accounts in the list), creates one parent and
     * the agents per commune (an agent, a health agent, a régisseur, an administrator who manages the agents'
     * accounts), and seeds news once.
     */
    public static List<Account> provision(CommuneProvisioner provisioner, KeycloakRealmProvisioner realms,
                                          fr.portailfamille.tenancy.TenantStore store, DataSource platformDb)
            throws SQLException {
        List<Account> accounts = new ArrayList<>();
        for (CommuneSpec spec : specs()) {
            java.util.Optional<Commune> known = store.findBySlug(spec.slug());
            if (known.isPresent() && known.get().status() == fr.portailfamille.tenancy.CommuneStatus.SUSPENDED) {
                // suspended from the operator's console in an earlier run: left so (provisioning it again would refuse
                // its identifier and stop the start), to be resumed from the console
                System.out.println("Commune de démonstration « " + known.get().name() + " » suspendue : laissée telle"
                        + " quelle, à reprendre depuis la console de l'opérateur.");
                continue;
            }
            Commune commune = known.filter(Commune::isActive).orElseGet(() -> provisioner.provision(spec));
            realms.harden(commune.realmName()); // realms kept from an earlier run get today's protections
            String parent = "parent@" + spec.slug() + ".test";
            String agent = "agent@" + spec.slug() + ".test";
            realms.createUser(commune.realmName(), parent, "Camille", "Martin", PARENT_PASSWORD, "parent");
            realms.createUser(commune.realmName(), agent, "Dominique", "Bernard", AGENT_PASSWORD, "agent");
            String health = "sante@" + spec.slug() + ".test";
            realms.createUser(commune.realmName(), health, "Sam", "Leroy", AGENT_PASSWORD, "agent");
            realms.createUser(commune.realmName(), health, "Sam", "Leroy", AGENT_PASSWORD, "agent-sante");
            String regisseur = "regie@" + spec.slug() + ".test";
            realms.createUser(commune.realmName(), regisseur, "Claude", "Moreau", AGENT_PASSWORD, "agent");
            realms.createUser(commune.realmName(), regisseur, "Claude", "Moreau", AGENT_PASSWORD, "regisseur");
            String admin = "admin@" + spec.slug() + ".test";
            realms.createUser(commune.realmName(), admin, "Alex", "Garnier", AGENT_PASSWORD, "agent");
            realms.createUser(commune.realmName(), admin, "Alex", "Garnier", AGENT_PASSWORD, "admin-commune");
            accounts.add(new Account(commune.name(), "parent", parent, PARENT_PASSWORD));
            accounts.add(new Account(commune.name(), "agent", agent, AGENT_PASSWORD));
            accounts.add(new Account(commune.name(), "agent+santé", health, AGENT_PASSWORD));
            accounts.add(new Account(commune.name(), "agent+régisseur", regisseur, AGENT_PASSWORD));
            accounts.add(new Account(commune.name(), "agent+admin", admin, AGENT_PASSWORD));
            seedConfiguration(platformDb, commune);
            seedFamily(platformDb, commune, parent);
            seedRegistrations(platformDb, commune, parent);
            seedDays(platformDb, commune, parent, LocalDate.now(ZoneId.of(DevStack.TIME_ZONE)));
            seedNews(platformDb, commune, agent);
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

    /**
     * The demo configuration (schools, zone A holidays, a closure, four activities), imported once per
     * commune over the default one it got at provisioning; agents may change it afterwards.
     */
    private static void seedConfiguration(DataSource db, Commune commune) throws SQLException {
        try (Connection c = db.getConnection()) {
            String schema = commune.schemaName();
            if (c.createStatement().executeQuery("select 1 from " + schema + ".establishment limit 1").next()) {
                return;
            }
            c.setAutoCommit(false);
            try (Reader json = new InputStreamReader(DemoCommunes.class.getResourceAsStream("/demo/configuration.json"),
                    StandardCharsets.UTF_8)) {
                // its calendar (school year, holidays, a closure) moved to the current school year, on the platform's clock
                ConfigurationStore.importInto(c, schema, ConfigurationJson.read(json)
                        .inSchoolYearOf(LocalDate.now(ZoneId.of(DevStack.TIME_ZONE))));
                c.commit();
            } catch (IOException | ConfigurationException e) {
                c.rollback();
                System.err.println("Configuration de démonstration non importée pour " + commune.slug() + " : "
                        + e.getMessage());
            }
        }
    }

    /** The demo child is registered (validated) to the canteen and the périscolaire, so its planning opens at once. */
    private static void seedRegistrations(DataSource db, Commune commune, String email) throws SQLException {
        try (Connection c = db.getConnection(); var st = c.createStatement()) {
            String schema = commune.schemaName();
            st.execute("insert into " + schema + ".registration (child_id, activity_id, status, cgu_accepted_at, decided_at,"
                    + " decided_by) select ch.id, a.id, 'VALIDATED', now(), now(), 'demo' from " + schema + ".child ch join "
                    + schema + ".family f on f.id = ch.family_id, " + schema + ".activity a where f.email = '" + email
                    + "' and a.code in ('CANTINE', 'PERI') and not exists (select 1 from " + schema + ".registration r"
                    + " where r.child_id = ch.id and r.activity_id = a.id)");
        }
    }

    /**
     * The demo child's days, once: last month's school days at the canteen (midi) and the evening périscolaire as the
     * town pointed them (present, one absence excused by a certificate, one not excused: billed), so that the
     * régisseur can invoice last month at once, and the next two weeks' school days booked (Accueil's next days,
     * Mon planning); the family's QF (620, CAF, proof two months old) puts it in bracket T2 of the tariffs. Days
     * follow the commune's calendar: the school year, not its holidays, closures, public holidays, the unit's weekdays.
     */
    private static void seedDays(DataSource db, Commune commune, String email, LocalDate today)
            throws SQLException {
        String schema = commune.schemaName();
        try (Connection c = db.getConnection()) {
            long child;
            try (PreparedStatement ps = c.prepareStatement("select ch.id from " + schema + ".child ch join " + schema
                    + ".family f on f.id = ch.family_id where f.email = ? and not exists (select 1 from " + schema
                    + ".booking b where b.child_id = ch.id)")) {
                ps.setString(1, email);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return; // seeded by an earlier run (or the parent has booked since)
                    }
                    child = rs.getLong(1);
                }
            }
            LocalDate from = today.withDayOfMonth(1).minusMonths(1);
            LocalDate to = today.plusDays(14);
            // the commune's calendar as the platform reads it: school years, school holidays, closures, public holidays
            List<DateRange> schoolYears = new ArrayList<>();
            List<DateRange> holidays = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("select kind, start_day, end_day, label from " + schema
                    + ".calendar_period")) {
                while (rs.next()) {
                    DateRange range = new DateRange(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                            rs.getString(4));
                    ("VACANCES".equals(rs.getString(1)) ? holidays : schoolYears).add(range);
                }
            }
            Set<LocalDate> closures = new HashSet<>();
            try (var rs = c.createStatement().executeQuery("select day from " + schema + ".closure")) {
                while (rs.next()) {
                    closures.add(rs.getObject(1, LocalDate.class));
                }
            }
            CommuneCalendar calendar = CommuneCalendar.french(from.getYear(), to.getYear(), closures, holidays);
            c.setAutoCommit(false);
            c.createStatement().execute("set local search_path to " + schema);
            SeatLedger seats = new SeatLedger(c); // the platform's seat counter: a future booked day takes its seat
            try (PreparedStatement units = c.prepareStatement("select u.id, u.weekdays from activity_unit u"
                    + " join activity a on a.id = u.activity_id where (a.code, u.code) in"
                    + " (('CANTINE', 'MIDI'), ('PERI', 'SOIR')) order by a.code");
                 PreparedStatement book = c.prepareStatement("insert into booking (child_id, unit_id, day, status)"
                    + " values (?, ?, ?, ?)");
                 var rs = units.executeQuery()) {
                int pastDays = 0;
                while (rs.next()) {
                    long unit = rs.getLong(1);
                    Set<java.time.DayOfWeek> weekdays = MonthPlan.Unit.weekdays(rs.getString(2));
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        LocalDate day = d;
                        if (day.equals(today) || !weekdays.contains(day.getDayOfWeek())
                                || schoolYears.stream().noneMatch(y -> y.contains(day)) || calendar.isSchoolHoliday(day)
                                || calendar.isPublicHoliday(day) || calendar.isClosed(day)) {
                            continue;
                        }
                        String status = "BOOKED";
                        if (day.isBefore(today)) {
                            pastDays++;
                            // the fourth school day sick (a certificate: excused), the ninth absent without a word (billed)
                            status = pastDays == 4 ? "ABSENT_EXCUSED" : pastDays == 9 ? "ABSENT_BILLED" : "PRESENT";
                        } else {
                            seats.take(unit, day, seats.lock(unit, day));
                        }
                        book.setLong(1, child);
                        book.setLong(2, unit);
                        book.setObject(3, day);
                        book.setString(4, status);
                        book.addBatch();
                    }
                }
                book.executeBatch();
            }
            try (PreparedStatement qf = c.prepareStatement("update family set quotient_familial = 620,"
                    + " qf_source = 'CAF', qf_proof_date = ? where email = ?")) {
                qf.setObject(1, today.minusMonths(2));
                qf.setString(2, email);
                qf.executeUpdate();
            }
            c.commit();
        }
    }

    /**
     * Three news once per commune, as an agent writes them: one for everyone with an illustration drawn here (a PNG
     * made in code, nothing fetched), one for everyone without image, one for the families of the périscolaire
     * (the demo child is registered to it).
     */
    private static void seedNews(DataSource db, Commune commune, String agent) throws SQLException {
        try (Connection c = db.getConnection()) {
            String schema = commune.schemaName();
            if (c.createStatement().executeQuery("select 1 from " + schema + ".news where image is not null limit 1").next()) {
                return;
            }
            String insert = "insert into " + schema + ".news (title, body, published, publish_at, audience, image, image_type,"
                    + " image_alt, image_width, image_height, author) values (?, ?, true, now() - cast(? as interval), ?, ?, ?, ?, ?, ?, ?)"
                    + " returning id";
            byte[] png = DemoNewsImage.png();
            news(c, insert, "Repas de Noël à la cantine", "Le jeudi 17 décembre, la restauration scolaire de "
                    + commune.name() + " sert un repas de fête : velouté de potiron, suprême de volaille, gratin de"
                    + " pommes de terre et bûche glacée.\n\nLes enfants qui ont un PAI alimentaire reçoivent leur"
                    + " panier habituel. Pensez à réserver le jeudi dans Mon planning avant la date limite.",
                    "2 days", "EVERYONE", png, "Illustration : un sapin décoré sous la neige", agent);
            news(c, insert, "Inscriptions aux mercredis de janvier", "Les inscriptions à l'accueil de loisirs des"
                    + " mercredis de janvier sont ouvertes jusqu'au 18 décembre.\nInscrivez votre enfant depuis la page"
                    + " Inscriptions, puis réservez les mercredis dans Mon planning.", "5 days", "EVERYONE", null, null, agent);
            long targeted = news(c, insert, "Sortie à la médiathèque pour le périscolaire", "Mardi prochain, les"
                    + " enfants du périscolaire du soir iront à la médiathèque pour l'heure du conte.\n\nLe retour se"
                    + " fait à l'école à 17 h 30 : les horaires de sortie ne changent pas.", "1 day", "ACTIVITIES", null,
                    null, agent);
            try (PreparedStatement ps = c.prepareStatement("insert into " + schema + ".news_activity (news_id, activity_id)"
                    + " select ?, id from " + schema + ".activity where code = 'PERI'")) {
                ps.setLong(1, targeted);
                ps.executeUpdate();
            }
        }
    }

    private static long news(Connection c, String insert, String title, String body, String ago, String audience,
                             byte[] png, String alt, String author) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, title);
            ps.setString(2, body);
            ps.setString(3, ago);
            ps.setString(4, audience);
            ps.setBytes(5, png);
            ps.setString(6, png == null ? null : "image/png");
            ps.setString(7, alt);
            if (png == null) {
                ps.setNull(8, java.sql.Types.INTEGER);
                ps.setNull(9, java.sql.Types.INTEGER);
            } else {
                ps.setInt(8, DemoNewsImage.WIDTH);
                ps.setInt(9, DemoNewsImage.HEIGHT);
            }
            ps.setString(10, author);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
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
