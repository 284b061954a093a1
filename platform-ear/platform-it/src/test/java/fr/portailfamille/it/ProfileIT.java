package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.ValidatedFamilies.Parent;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyForm;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.profile.AccountPreferences;
import fr.portailfamille.platform.profile.AccountPreferences.Preferences;
import fr.portailfamille.platform.profile.BookingReminders;
import fr.portailfamille.platform.profile.ChildCalendarIcs;
import fr.portailfamille.platform.profile.ChildCalendars;
import fr.portailfamille.platform.security.OidcClient;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mon profil against the real PostgreSQL, Keycloak and GreenMail: the consent written on the parent's own responsable
 * of the family file (audited, never a change request, also from Mon foyer; another family's file untouched; none
 * stored without a file) and the reminders opt-out per account, the
 * authorization request of Keycloak's application-initiated actions, the children's iCal feeds (own child's booked
 * days only, regenerate and revoke, another family's child by posted id refused, another commune's Host and a
 * revoked token answered 404 over HTTP), and the booking-deadline reminders (a usual booker once, never an opted-out
 * family, a family already booked, nor after the deadline).
 */
@ExtendWith(ArquillianExtension.class)
class ProfileIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    AccountPreferences preferences;

    @Inject
    ChildCalendars calendars;

    @Inject
    BookingReminders reminders;

    @Inject
    OidcClient oidc;

    @Inject
    FamilyFileService files;

    @Inject
    ValidatedFamilies families;

    @Inject
    CommuneDirectory directory;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Resource
    jakarta.enterprise.concurrent.ManagedExecutorService pool;

    <T> T in(String slug, Callable<T> work) throws Exception {
        Commune c = directory.bySlug(slug).orElseThrow();
        return TenantContext.call(c, work);
    }

    <T> T alpha(Callable<T> work) throws Exception {
        return in("alpha", work);
    }

    long sql(String statement) throws Exception {
        return alpha(() -> {
            tx.begin();
            Object r;
            if (statement.contains(" returning ")) {
                r = em.createNativeQuery(statement).getSingleResult();
            } else {
                r = em.createNativeQuery(statement).executeUpdate();
            }
            tx.commit();
            return ((Number) r).longValue();
        });
    }

    long count(String query) throws Exception {
        return alpha(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue());
    }


    /** A validated family of alpha with one child, its parent's address starting with {@code label}. */
    Parent family(String label) throws Exception {
        return families.create("alpha", label);
    }

    /** An activity of alpha with a timed unit (Midi 11:45–13:30) and an untimed one, open in holidays too. */
    long[] activity(String deadline) throws Exception {
        String code = "PRF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long activity = sql("insert into activity (code, name, type, runs_in_holidays, booking_deadline, cancellation_deadline,"
                + " late_policy) values ('" + code + "', 'Cantine " + code + "', 'RESTAURATION', true, '" + deadline + "', '"
                + deadline + "', 'REFUSED') returning id");
        long midi = sql("insert into activity_unit (activity_id, code, label, start_time, end_time, capacity) values ("
                + activity + ", 'MIDI', 'Midi', time '11:45', time '13:30', 50) returning id");
        long journee = sql("insert into activity_unit (activity_id, code, label, capacity) values (" + activity
                + ", 'JOUR', 'Journée', 50) returning id");
        return new long[] {activity, midi, journee};
    }

    void book(long childId, long unitId, String day, String status) throws Exception {
        sql("insert into booking (child_id, unit_id, day, status) values (" + childId + ", " + unitId + ", date '" + day
                + "', '" + status + "')");
    }

    void save(SignedInUser user, Preferences p) throws Exception {
        alpha(() -> {
            preferences.save(user, p);
            return null;
        });
    }

    /** The consent of a family's responsable 1 as stored: 1 for e-mail, 2 for SMS, 3 for both. */
    long consentOf(long familyId) throws Exception {
        return count("select (case when consent_email then 1 else 0 end) + (case when consent_sms then 2 else 0 end)"
                + " from responsable where rank = 1 and family_id = " + familyId);
    }

    @Test
    void consentIsTheFamilyFilesAndTheRemindersOptOutTheAccounts() throws Exception {
        Parent p = family("profil");
        Parent other = family("profil-autre");
        String audited = "select count(*) from audit_log where action = 'CONSENTEMENT' and family_id = ";
        String requests = "select count(*) from change_request where family_id = ";
        assertEquals(Preferences.DEFAULTS, alpha(() -> preferences.of(p.user())));
        save(p.user(), new Preferences(true, false, true));
        assertEquals(new Preferences(true, false, true), alpha(() -> preferences.of(p.user())));
        assertEquals(1, consentOf(p.familyId()), "écrit sur le responsable du dossier famille, à l'instant");
        assertEquals(1, count(audited + p.familyId()), "au journal du dossier");
        assertEquals(0, count(requests + p.familyId()), "le choix de la personne n'est pas une demande de modification");
        assertEquals(0, consentOf(other.familyId()), "l'autre dossier n'a pas changé");
        assertEquals(Preferences.DEFAULTS, alpha(() -> preferences.of(other.user())), "l'autre compte garde les siennes");
        assertEquals(p.familyId(), count("select family_id from account_preference where subject = '" + p.user().subject() + "'"));
        assertEquals(0, count("select count(*) from information_schema.columns where table_name = 'account_preference'"
                + " and column_name like 'consent%'"), "plus de seconde copie de l'accord");

        // one truth: what the file says (an agent's edit, Mon foyer) is what Mon profil shows
        sql("update responsable set consent_sms = true where rank = 1 and family_id = " + p.familyId());
        assertEquals(new Preferences(true, true, true), alpha(() -> preferences.of(p.user())));
        save(p.user(), new Preferences(false, true, false));
        assertEquals(new Preferences(false, true, false), alpha(() -> preferences.of(p.user())));
        assertEquals(2, consentOf(p.familyId()));
        assertEquals(2, count(audited + p.familyId()));
        save(p.user(), new Preferences(false, true, true));
        assertEquals(2, count(audited + p.familyId()), "accord inchangé : rien au journal");

        // Mon foyer on the validated file: the parent's own consent applies at once, the phone becomes a request
        FamilyForm edit = alpha(() -> files.formOf(p.user()));
        edit.getResponsable1().setConsentEmail(true);
        edit.setHomePhone("0555998877");
        assertEquals(List.of(), alpha(() -> files.requestChanges(p.user(), edit)));
        assertEquals(3, consentOf(p.familyId()));
        assertEquals(1, count(requests + p.familyId() + " and type = 'TELEPHONES' and new_value like '%homePhone%'"
                + " and new_value not like '%consent%'"));
        assertEquals(1, count(requests + p.familyId()));
        FamilyForm consentOnly = alpha(() -> files.formOf(p.user()));
        consentOnly.getResponsable1().setConsentSms(false);
        assertEquals(List.of(), alpha(() -> files.requestChanges(p.user(), consentOnly)), "l'accord seul est accepté");
        assertEquals(1, consentOf(p.familyId()));
        assertEquals(1, count(requests + p.familyId()), "aucune demande pour l'accord seul");
        assertEquals(4, count(audited + p.familyId()));
        assertEquals(0, consentOf(other.familyId()), "l'autre dossier n'a toujours pas changé");

        assertThrows(Exception.class, () -> in("beta", () -> preferences.of(p.user())), "compte d'alpha présenté à beta");

        // no family file yet: the consent is given in Mon foyer, nothing stored elsewhere; the opt-out is the account's
        SignedInUser newcomer = FamilyFileIT.parent("alpha", FamilyFileIT.newEmail(), true);
        assertThrows(Refused.class, () -> save(newcomer, new Preferences(true, false, true)));
        String newcomerRow = "select count(*) from account_preference where subject = '" + newcomer.subject() + "'";
        assertEquals(0, count(newcomerRow), "rien d'enregistré");
        assertEquals(0, count("select count(*) from family where subject = '" + newcomer.subject() + "'"), "aucun dossier créé");
        save(newcomer, new Preferences(false, false, true));
        assertEquals(1, count(newcomerRow + " and family_id is null and reminders_opt_out"));
        assertEquals(new Preferences(false, false, true), alpha(() -> preferences.of(newcomer)));
    }

    @Test
    void theKeycloakActionRequestCarriesKcActionWithPkce() throws Exception {
        Commune alpha = directory.bySlug("alpha").orElseThrow();
        URI callback = URI.create("http://alpha.localhost:8080/oidc/callback");
        OidcClient.PendingLogin login = oidc.newLogin(alpha, callback, "/espace/profil.xhtml", "UPDATE_PASSWORD");
        URI url = oidc.authorizationUrl(alpha, login);
        Map<String, String> q = query(url);
        assertTrue(url.getPath().endsWith("/realms/" + alpha.realmName() + "/protocol/openid-connect/auth"), url.toString());
        assertEquals("UPDATE_PASSWORD", q.get("kc_action"));
        assertEquals("code", q.get("response_type"));
        assertEquals(alpha.oidcClientId(), q.get("client_id"));
        assertEquals(callback.toString(), q.get("redirect_uri"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals(login.state().getValue(), q.get("state"));
        assertTrue(q.containsKey("code_challenge") && q.containsKey("nonce"));
        assertEquals("UPDATE_EMAIL", query(oidc.authorizationUrl(alpha, oidc.newLogin(alpha, callback, "/espace/profil.xhtml",
                "UPDATE_EMAIL"))).get("kc_action"));
        assertFalse(query(oidc.authorizationUrl(alpha, oidc.newLogin(alpha, callback, "/espace/accueil.xhtml")))
                .containsKey("kc_action"), "une connexion ordinaire ne demande aucune action");
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> q = new HashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void feedsShowTheOwnChildsConfirmedDaysAndAreRegeneratedAndRevoked() throws Exception {
        Parent p = family("ical");
        Parent other = family("ical-autre");
        long[] a = activity("J-2@23:59");
        book(p.childId(), a[1], "2030-01-08", "BOOKED");
        book(p.childId(), a[2], "2030-01-09", "BOOKED_LATE");
        // a pending day in the past: far-future pending days would top the commune's validation queue (QueuesIT)
        book(p.childId(), a[1], "2026-01-10", "PENDING_VALIDATION");
        book(p.childId(), a[1], "2030-01-11", "CANCELLED_FREE");
        book(other.childId(), a[1], "2030-01-08", "BOOKED");

        assertFalse(alpha(() -> calendars.feeds(p.user())).get(0).isLive());
        String first = alpha(() -> calendars.regenerate(p.user(), p.childId()));
        assertTrue(alpha(() -> calendars.feeds(p.user())).get(0).isLive());
        ChildCalendars.Opened opened = alpha(() -> calendars.open(first)).orElseThrow();
        assertEquals(p.childId(), opened.childId());
        assertEquals(List.of(LocalDate.of(2030, 1, 8), LocalDate.of(2030, 1, 9)),
                opened.days().stream().filter(d -> d.unitId() == a[1] || d.unitId() == a[2]).map(ChildCalendars.Day::day).toList(),
                "réservations confirmées seulement, de cet enfant");
        String ics = ChildCalendarIcs.write("alpha", "Alpha", opened, Instant.now()).replace("\r\n ", "");
        assertTrue(ics.contains("BEGIN:VTIMEZONE") && ics.contains("TZID:Europe/Paris"), ics);
        assertTrue(ics.contains("DTSTART;TZID=Europe/Paris:20300108T114500"), ics);
        assertTrue(ics.contains("UID:" + p.childId() + "-" + a[1] + "-2030-01-08@alpha.portail-famille"), ics);
        assertTrue(ics.contains("DTSTART;VALUE=DATE:20300109"), ics);

        // the token is stored hashed only
        assertEquals(0, count("select count(*) from calendar_feed where token_hash = '" + first + "'"));
        // another commune: the token does not exist there
        assertTrue(in("beta", () -> calendars.open(first)).isEmpty());
        // regenerate: the old token stops working
        String second = alpha(() -> calendars.regenerate(p.user(), p.childId()));
        assertTrue(alpha(() -> calendars.open(first)).isEmpty(), "l'ancien lien ne fonctionne plus");
        assertTrue(alpha(() -> calendars.open(second)).isPresent());
        // another family cannot regenerate nor revoke a child that is not theirs (posted id)
        assertThrows(Refused.class, () -> alpha(() -> calendars.regenerate(other.user(), p.childId())));
        assertThrows(Refused.class, () -> alpha(() -> {
            calendars.revoke(other.user(), p.childId());
            return null;
        }));
        assertTrue(alpha(() -> calendars.open(second)).isPresent(), "toujours actif après les tentatives");
        // revoke
        alpha(() -> {
            calendars.revoke(p.user(), p.childId());
            return null;
        });
        assertTrue(alpha(() -> calendars.open(second)).isEmpty());
        assertTrue(alpha(() -> calendars.open("not-a-token")).isEmpty());

        // a double tap on "Régénérer": the second waits for the first and replaces its link (no error page), one live feed
        String[] tapped = new String[1];
        java.util.concurrent.Future<String> again = alpha(() -> {
            tx.begin();
            tapped[0] = calendars.regenerate(p.user(), p.childId());
            java.util.concurrent.Future<String> secondTap = pool.submit(() -> alpha(() -> calendars.regenerate(p.user(),
                    p.childId())));
            Thread.sleep(500); // the second tap reaches the feed while the first is not committed
            tx.commit();
            return secondTap;
        });
        String last = again.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(alpha(() -> calendars.open(tapped[0])).isEmpty(), "replaced by the second tap");
        assertTrue(alpha(() -> calendars.open(last)).isPresent());
        assertEquals(1, count("select count(*) from calendar_feed where child_id = " + p.childId() + " and revoked_at is null"));
    }

    @Test
    @RunAsClient
    void theFeedIsServedOnItsCommunesHostOnlyAndARevokedTokenIs404() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String token = "T" + s + "abcdefghijklmnopqrstuvwxyz0123456789";
        token = token.substring(0, 43);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        long child;
        try (Connection c = PaymentWalkIT.db()) {
            long family = PaymentWalkIT.id(c, "insert into family (label, email, status) values (?, ?, 'VALIDATED') returning id",
                    "Foyer Ical " + s, "ical-" + s + "@alpha.test");
            child = PaymentWalkIT.id(c, "insert into child (family_id, first_name, last_name, birth_date, allergies) values (?,"
                    + " 'Zoé', 'Ical', date '2019-03-02', 'arachide') returning id", family);
            long activity = PaymentWalkIT.id(c, "insert into activity (code, name, type, booking_deadline, cancellation_deadline,"
                    + " late_policy) values (?, 'Cantine', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59', 'REFUSED') returning id",
                    "ICAL-" + s.toUpperCase());
            long unit = PaymentWalkIT.id(c, "insert into activity_unit (activity_id, code, label, start_time, end_time, capacity)"
                    + " values (?, 'MIDI', 'Midi', time '11:45', time '13:30', 20) returning id", activity);
            PaymentWalkIT.id(c, "insert into booking (child_id, unit_id, day, status) values (?, ?, date '2030-02-05', 'BOOKED')"
                    + " returning id", child, unit);
            PaymentWalkIT.id(c, "insert into calendar_feed (token_hash, child_id, family_id) values (?, ?, ?) returning id",
                    hash, child, family);
        }
        String path = "/calendrier/" + token + ".ics";
        HttpResponse<String> feed = PlatformWebIT.get(PlatformWebIT.host("alpha"), path, Map.of());
        assertEquals(200, feed.statusCode(), feed.body());
        assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        assertTrue(feed.headers().firstValue("Cache-Control").orElse("").contains("max-age"), "les agendas peuvent le garder");
        String body = feed.body().replace("\r\n ", "");
        assertTrue(body.contains("BEGIN:VTIMEZONE") && body.contains("TZID:Europe/Paris"), body);
        assertTrue(body.contains("DTSTART;TZID=Europe/Paris:20300205T114500"), body);
        assertTrue(body.contains("UID:" + child + "-"), body);
        assertFalse(body.contains("arachide"), "aucune donnée de santé");
        String etag = feed.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, PlatformWebIT.get(PlatformWebIT.host("alpha"), path, Map.of("If-None-Match", etag)).statusCode());
        // the same token on another commune's Host, an unknown token: 404
        assertEquals(404, PlatformWebIT.get(PlatformWebIT.host("beta"), path, Map.of()).statusCode());
        assertEquals(404, PlatformWebIT.get(PlatformWebIT.host("alpha"), "/calendrier/" + token.replace('T', 'U') + ".ics",
                Map.of()).statusCode());
        // revoked: 404, not 403
        try (Connection c = PaymentWalkIT.db(); var st = c.createStatement()) {
            st.executeUpdate("update calendar_feed set revoked_at = now() where token_hash = '" + hash + "'");
        }
        assertEquals(404, PlatformWebIT.get(PlatformWebIT.host("alpha"), path, Map.of()).statusCode());
    }

    @Test
    @RunAsClient
    void theCommunesRealmLetsParentsChangeTheirAddressAfterConfirmingIt() {
        var realm = fr.portailfamille.it.support.StackLauncher.stack().keycloakAdmin()
                .realm(fr.portailfamille.tenancy.CommuneRules.realmName("alpha"));
        assertTrue(realm.toRepresentation().isVerifyEmail(), "la nouvelle adresse est confirmée par mail");
        var updateEmail = realm.flows().getRequiredAction("UPDATE_EMAIL");
        assertTrue(updateEmail.isEnabled(), "kc_action=UPDATE_EMAIL accepté par le royaume");
        assertFalse(updateEmail.isDefaultAction());
        assertTrue(realm.flows().getRequiredAction("UPDATE_PASSWORD").isEnabled());
    }

    @Test
    void remindersGoToUsualBookersOnceBeforeTheDeadline() throws Exception {
        long[] a = activity("SEMAINE-TUESDAY@23:59");
        Parent usual = family("rappel");
        Parent optedOut = family("rappel-non");
        Parent booked = family("rappel-deja");
        Parent once = family("rappel-rare");
        Parent waiting = family("rappel-attente");
        // its old account opted out, then the commune detached the file and another account of its address linked it:
        // the old account's choice no longer silences the family
        Parent relinked = family("rappel-relie");
        alpha(() -> {
            preferences.save(relinked.user(), new Preferences(false, false, true));
            return null;
        });
        sql("update family set subject = '" + java.util.UUID.randomUUID() + "' where id = " + relinked.familyId());
        for (Parent p : List.of(usual, optedOut, booked, relinked, waiting)) {
            book(p.childId(), a[1], "2027-02-08", "BOOKED");
            book(p.childId(), a[1], "2027-02-16", "PRESENT");
        }
        book(booked.childId(), a[1], "2027-03-09", "BOOKED");
        book(waiting.childId(), a[1], "2027-03-09", "WAITING");
        book(once.childId(), a[1], "2027-02-16", "BOOKED");
        alpha(() -> {
            preferences.save(optedOut.user(), new Preferences(false, false, true));
            return null;
        });
        String ours = "select count(*) from booking_reminder where activity_id = " + a[0];

        // Wednesday 3 March 2027: the week of 8 March closed on Tuesday 2 at 23:59, the next closes in 6 days
        alpha(() -> reminders.send(LocalDateTime.of(2027, 3, 3, 8, 0)));
        assertEquals(0, count(ours), "après la date limite : rien");

        // Monday 1 March 2027: the week of 8 March closes tomorrow at 23:59
        alpha(() -> reminders.send(LocalDateTime.of(2027, 3, 1, 8, 0)));
        assertEquals(1, count(ours + " and family_id = " + usual.familyId() + " and period_start = date '2027-03-08'"));
        assertEquals(0, count(ours + " and family_id = " + optedOut.familyId()), "a refusé les rappels dans Mon profil");
        assertEquals(1, count(ours + " and family_id = " + relinked.familyId()), "le choix de l'ancien compte ne vaut plus");
        assertEquals(0, count(ours + " and family_id = " + booked.familyId()), "a déjà réservé la semaine");
        assertEquals(0, count(ours + " and family_id = " + waiting.familyId()), "sur liste d'attente : déjà demandée");
        assertEquals(0, count(ours + " and family_id = " + once.familyId()), "une seule semaine sur quatre");
        String mail = Mails.await(usual.user().email(), m -> m.contains("Cantine PRF-"));
        assertTrue(mail.contains("Les réservations de la semaine prochaine ferment demain à 23h59"), mail);
        assertTrue(mail.contains("/espace/planning.xhtml"), mail);
        String child = alpha(() -> files.formOf(usual.user())).getChildren().get(0).getFirstName();
        assertFalse(mail.contains(child), "le mail ne nomme aucun enfant : " + mail);

        // once per family, activity and week
        alpha(() -> reminders.send(LocalDateTime.of(2027, 3, 1, 18, 0)));
        assertEquals(2, count(ours));
    }
}
