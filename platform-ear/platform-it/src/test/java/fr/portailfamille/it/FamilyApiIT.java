package fr.portailfamille.it;

import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static fr.portailfamille.it.support.StackLauncher.BETA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.CodeFlowTokens;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The families' REST API as a mobile application uses it: real access tokens of the commune's realm obtained by the
 * code flow with PKCE ({@link CodeFlowTokens}), the real WAR on Payara Micro. The family's children, a month's
 * planning, booking two days then cancelling one — the planning page and the database agree, and the price is the
 * one the page's summary shows —, invoices and their PDF, Mes documents — a real small PDF sent as a multipart form,
 * listed, downloaded, then the proof of a window request that requires one; a fake PDF, a file too big, missing or bad
 * fields refused with their codes and nothing stored —; every line crossed: another family's child (URL and body),
 * invoice and document, another commune's token, a token on another commune's host, an agent's token, no token, bad
 * input; and {@code /openapi} describes the API.
 */
@ExtendWith(ArquillianExtension.class)
class FamilyApiIT {

    static final String BASE = PlatformWebIT.url(ALPHA);
    static final String API = "/api/famille/v1";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    /** A validated family of alpha with one child registered to the fixture's activity, and its parent's account. */
    record Family(String email, String password, long familyId, long childId) {
    }

    /** Two families of alpha on one activity (Midi and Soir on Mondays, Tuesdays, Thursdays, Fridays, 3,50 € a day). */
    record Fixture(String code, String activity, long midi, long soir, Family own, Family other, String month, LocalDate monday) {
    }

    private static Fixture fixture;

    static synchronized Fixture fixture() throws Exception {
        if (fixture != null) {
            return fixture;
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String code = "API-" + suffix.toUpperCase();
        String activity = "Périscolaire API " + suffix;
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                    + " values ('" + code + "', '" + activity + "', 'PERISCOLAIRE', 'J-2@23:59', 'J-2@23:59', 'REFUSED')");
            for (String[] u : new String[][] {{"MIDI", "Midi", "11:30", "13:30"}, {"SOIR", "Soir", "16:30", "18:30"}}) {
                st.execute("insert into activity_unit (activity_id, code, label, start_time, end_time, capacity, weekdays)"
                        + " select id, '" + u[0] + "', '" + u[1] + "', '" + u[2] + "', '" + u[3] + "', 20, '1,2,4,5'"
                        + " from activity where code = '" + code + "'");
            }
            st.execute("insert into tariff (activity_id, valid_from, mode, maximum_cents) select id, current_date - 400,"
                    + " 'BRACKETS', 350 from activity where code = '" + code + "'");
            st.execute("insert into tariff_price (tariff_id, bracket_id, price_cents) select t.id, b.id, 350 from tariff t"
                    + " join activity a on a.id = t.activity_id, qf_bracket b where a.code = '" + code + "'");
        }
        Family own = family(code, "api-" + suffix, "Api2026Famille");
        Family other = family(code, "autre-" + suffix, "Autre2026Famille");
        String month = TestDays.thisMonth().plusMonths(2).toString();
        LocalDate monday = YearMonth.parse(month).atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        while (fr.portailfamille.booking.FrenchPublicHolidays.datesOf(monday.getYear()).contains(monday)
                || fr.portailfamille.booking.FrenchPublicHolidays.datesOf(monday.getYear()).contains(monday.plusDays(1))) {
            monday = monday.plusWeeks(1);
        }
        fixture = new Fixture(code, activity, Long.parseLong(PlanningWalkIT.unitOf(code, "MIDI")),
                Long.parseLong(PlanningWalkIT.unitOf(code, "SOIR")), own, other, month, monday);
        return fixture;
    }

    private static Family family(String code, String prefix, String password) throws Exception {
        String email = prefix + "@alpha.test";
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into family (label, email, status, validated_at) values ('Foyer " + prefix + "', '" + email
                    + "', 'VALIDATED', now())");
            st.execute("insert into responsable (family_id, rank, first_name, last_name, email) select id, 1, 'Alex',"
                    + " 'Api', email from family where email = '" + email + "'");
            st.execute("insert into child (family_id, first_name, last_name, birth_date, sex, school, school_class, allergies)"
                    + " select id, 'Jade', 'Api', date '" + TestDays.today().minusYears(7) + "', 'F', 'École du Centre', 'CE1',"
                    + " 'Arachides (secret médical)' from family where email = '" + email + "'");
            st.execute("insert into registration (child_id, activity_id, status, cgu_accepted_at) select ch.id, a.id,"
                    + " 'VALIDATED', now() from child ch join family f on f.id = ch.family_id, activity a where f.email = '"
                    + email + "' and a.code = '" + code + "'");
        }
        StackLauncher.stack().realmProvisioner().createUser("pf-alpha", email, "Alex", "Api", password, "parent");
        long familyId = single("select id from commune_alpha.family where email = '" + email + "'");
        long childId = single("select id from commune_alpha.child where family_id = " + familyId);
        return new Family(email, password, familyId, childId);
    }

    private static long single(String sql) throws Exception {
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private static String token(Family f) throws Exception {
        return CodeFlowTokens.accessToken(ALPHA, f.email(), f.password());
    }

    // ---- HTTP ----------------------------------------------------------------------------------

    static HttpResponse<String> call(String slug, String method, String path, String token, String json) throws Exception {
        return call(slug, method, path, token, json, null);
    }

    /** As above, with the surge queue's ticket sent back ({@code File-Attente}), when not {@code null}. */
    static HttpResponse<String> call(String slug, String method, String path, String token, String json, String ticket)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PlatformWebIT.PORT + path))
                .header("Host", PlatformWebIT.host(slug)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
        if (ticket != null) {
            b.header("File-Attente", ticket);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        return call(ALPHA, "GET", path, token, null);
    }

    static HttpResponse<String> post(String token, String json) throws Exception {
        return call(ALPHA, "POST", API + "/reservations", token, json);
    }

    static JsonStructure json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).read();
    }

    /** An error of the API: its status, JSON with a stable code and a French message, the correlation id, no trace. */
    static JsonObject error(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        assertTrue(r.headers().firstValue("X-Correlation-Id").isPresent(), "identifiant de corrélation");
        assertFalse(r.body().contains("Exception") || r.body().contains("at fr.") || r.body().contains("<html"), r.body());
        JsonObject e = (JsonObject) json(r);
        assertEquals(code, e.getString("code"), r.body());
        assertFalse(e.getString("message").isBlank());
        assertNotNull(e.getJsonArray("champs"));
        return e;
    }

    static String selection(Object[]... items) {
        StringBuilder s = new StringBuilder("{\"elements\": [");
        for (int i = 0; i < items.length; i++) {
            s.append(i == 0 ? "" : ", ").append("{\"enfant\": ").append(items[i][0]).append(", \"unite\": ").append(items[i][1])
                    .append(", \"date\": \"").append(items[i][2]).append("\", \"action\": \"").append(items[i][3]).append("\"}");
        }
        return s.append("]}").toString();
    }

    /** The child's bookings of a unit in a given status on the given days (the other tests book other unit-days). */
    static int bookings(long childId, long unitId, String status, LocalDate... days) throws Exception {
        List<String> in = java.util.Arrays.stream(days).map(d -> "date '" + d + "'").toList();
        return (int) single("select count(*) from commune_alpha.booking where child_id = " + childId + " and unit_id = "
                + unitId + " and status = '" + status + "' and day in (" + String.join(", ", in) + ")");
    }

    // ---- tests ---------------------------------------------------------------------------------

    @Test
    void theFamilySeesItsChildrenAndTheirMonthOnly() throws Exception {
        Fixture f = fixture();
        String token = token(f.own());
        HttpResponse<String> children = get(API + "/enfants", token);
        assertEquals(200, children.statusCode(), children.body());
        JsonArray list = (JsonArray) json(children);
        assertEquals(1, list.size(), children.body());
        JsonObject child = list.getJsonObject(0);
        assertEquals(f.own().childId(), child.getJsonNumber("id").longValue());
        assertEquals("Jade", child.getString("prenom"));
        assertEquals("École du Centre", child.getString("ecole"));
        assertEquals("CE1", child.getString("classe"));
        assertEquals(TestDays.today().minusYears(7).toString(), child.getString("dateNaissance"));
        assertFalse(children.body().contains("Arachides"), "aucune donnée de santé : " + children.body());

        HttpResponse<String> month = get(API + "/enfants/" + f.own().childId() + "/planning?mois=" + f.month(), token);
        assertEquals(200, month.statusCode(), month.body());
        JsonObject plan = (JsonObject) json(month);
        assertEquals(f.month(), plan.getString("mois"));
        JsonArray activities = plan.getJsonArray("activites");
        assertEquals(1, activities.size(), "l'activité où l'enfant est inscrit : " + month.body());
        JsonObject activity = activities.getJsonObject(0);
        assertEquals(f.activity(), activity.getString("nom"));
        assertEquals(List.of("Midi", "Soir"), activity.getJsonArray("unites").stream()
                .map(u -> ((JsonObject) u).getString("libelle")).toList());
        JsonObject monday = day(activity, f.monday());
        JsonObject midi = unit(monday, f.midi());
        assertEquals("RESERVABLE", midi.getString("etat"));
        assertEquals("Réservable", midi.getString("etatLibelle"));
        assertTrue(midi.getBoolean("reservable"));
        assertEquals(YearMonth.parse(f.month()).lengthOfMonth(), activity.getJsonArray("jours").size());
        JsonObject sunday = day(activity, f.monday().minusDays(1).getMonthValue() == f.monday().getMonthValue()
                ? f.monday().minusDays(1) : f.monday().plusDays(6));
        assertEquals("FERME", unit(sunday, f.midi()).getString("etat"));

        // another family's child, or an id that exists nowhere: the same 404
        error(get(API + "/enfants/" + f.other().childId() + "/planning?mois=" + f.month(), token), 404, "enfant_inconnu");
        error(get(API + "/enfants/999999999/planning?mois=" + f.month(), token), 404, "enfant_inconnu");
        error(get(API + "/enfants/abc/planning", token), 404, "enfant_inconnu");
        // bad input
        JsonObject bad = error(get(API + "/enfants/" + f.own().childId() + "/planning?mois=2027-13", token), 400, "mois_invalide");
        assertEquals("mois", bad.getJsonArray("champs").getJsonObject(0).getString("champ"));
        error(get(API + "/enfants/" + f.own().childId() + "/planning?mois=janvier", token), 400, "mois_invalide");
        error(get(API + "/enfants/" + f.own().childId() + "/planning?mois=" + f.month() + "&activite=x", token), 400,
                "activite_invalide");
        error(get(API + "/inconnue", token), 404, "ressource_inconnue");
    }

    /** A price as read (WebDriver gives the page's no-break spaces as spaces; the API keeps Money's). */
    static String spaces(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    static JsonObject day(JsonObject activity, LocalDate date) {
        return activity.getJsonArray("jours").stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("date").equals(date.toString())).findFirst().orElseThrow();
    }

    static JsonObject unit(JsonObject day, long unitId) {
        return day.getJsonArray("unites").stream().map(JsonValue::asJsonObject)
                .filter(u -> u.getJsonNumber("unite").longValue() == unitId).findFirst().orElseThrow();
    }

    @Test
    void twoChildrenBookedInOneCallArePricedWithTheSiblingReductionAsTheInvoiceWillBe() throws Exception {
        Fixture f = fixture();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String code = "FRAT-" + suffix.toUpperCase();
        String email = "fratrie-" + suffix + "@alpha.test";
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                    + " values ('" + code + "', 'Fratrie " + suffix + "', 'PERISCOLAIRE', 'J-2@23:59', 'J-2@23:59', 'REFUSED')");
            st.execute("insert into activity_unit (activity_id, code, label, start_time, end_time, capacity, weekdays)"
                    + " select id, 'SOIR', 'Soir', '16:30', '18:30', 20, '1,2,4,5' from activity where code = '" + code + "'");
            // 3,50 €, 10 % off from the second child
            st.execute("insert into tariff (activity_id, valid_from, mode, maximum_cents, sibling_second_percent) select id,"
                    + " current_date - 400, 'BRACKETS', 350, 10 from activity where code = '" + code + "'");
            st.execute("insert into tariff_price (tariff_id, bracket_id, price_cents) select t.id, b.id, 350 from tariff t"
                    + " join activity a on a.id = t.activity_id, qf_bracket b where a.code = '" + code + "'");
            st.execute("insert into family (label, email, status, validated_at) values ('Foyer Fratrie', '" + email
                    + "', 'VALIDATED', now())");
            st.execute("insert into responsable (family_id, rank, first_name, last_name, email) select id, 1, 'Sam',"
                    + " 'Fratrie', email from family where email = '" + email + "'");
            for (String[] child : new String[][] {{"Léa", "9"}, {"Tom", "7"}}) {
                st.execute("insert into child (family_id, first_name, last_name, birth_date, sex) select id, '" + child[0]
                        + "', 'Fratrie', current_date - interval '" + child[1] + " years', 'F' from family where email = '"
                        + email + "'");
            }
            st.execute("insert into registration (child_id, activity_id, status, cgu_accepted_at) select ch.id, a.id,"
                    + " 'VALIDATED', now() from child ch join family f on f.id = ch.family_id, activity a where f.email = '"
                    + email + "' and a.code = '" + code + "'");
        }
        StackLauncher.stack().realmProvisioner().createUser("pf-alpha", email, "Sam", "Fratrie", "Fratrie2026", "parent");
        long family = single("select id from commune_alpha.family where email = '" + email + "'");
        long elder = single("select id from commune_alpha.child where family_id = " + family + " and first_name = 'Léa'");
        long younger = single("select id from commune_alpha.child where family_id = " + family + " and first_name = 'Tom'");
        long unit = Long.parseLong(PlanningWalkIT.unitOf(code, "SOIR"));
        LocalDate day = f.monday().plusDays(1);
        String token = token(new Family(email, "Fratrie2026", family, elder));
        HttpResponse<String> booked = post(token, selection(new Object[] {younger, unit, day, "reserver"},
                new Object[] {elder, unit, day, "reserver"}));
        assertEquals(200, booked.statusCode(), booked.body());
        JsonObject result = (JsonObject) json(booked);
        assertEquals(2, result.getInt("enregistres"), booked.body());
        // Tom, second child of the month with Léa booked in the same call: 3,15 €, as the month's invoice bills him
        assertEquals(List.of(315L, 350L), result.getJsonArray("elements").stream()
                .map(e -> e.asJsonObject().getJsonNumber("prixCentimes").longValue()).toList(), booked.body());
        assertEquals(665, result.getJsonNumber("totalCentimes").longValue(), booked.body());

        // Léa's only day of the month cancelled and another day booked for Tom in one call: Tom is the month's only
        // child, 3,50 €, as the invoice bills him (priced before the cancellation, he was told 3,15 €)
        LocalDate other = day.plusDays(2);
        while (fr.portailfamille.booking.FrenchPublicHolidays.datesOf(other.getYear()).contains(other)) {
            other = other.plusWeeks(1);
        }
        assertEquals(YearMonth.from(day), YearMonth.from(other), "the same month");
        HttpResponse<String> changed = post(token, selection(new Object[] {elder, unit, day, "annuler"},
                new Object[] {younger, unit, other, "reserver"}));
        assertEquals(200, changed.statusCode(), changed.body());
        JsonObject second = (JsonObject) json(changed);
        assertEquals(2, second.getInt("enregistres"), changed.body());
        assertEquals(350, second.getJsonNumber("totalCentimes").longValue(), changed.body());
    }

    @Test
    void aDayPutOnTheWaitingListIsPricedApartFromTheTotalOnThePageAndInTheApi() throws Exception {
        Fixture f = fixture();
        LocalDate day = f.monday().plusWeeks(2).plusDays(1);
        while (fr.portailfamille.booking.FrenchPublicHolidays.datesOf(day.getYear()).contains(day)) {
            day = day.plusWeeks(1);
        }
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("update commune_alpha.activity_unit set capacity = 0 where id = " + f.midi());
        }
        try {
            try (Browser parent = new Browser()) {
                parent.get(BASE + "/espace/planning.xhtml?enfant=1&mois=" + f.month());
                parent.signIn(f.own().email(), f.own().password());
                parent.awaitUrlStartingWith(BASE + "/espace/planning.xhtml");
                parent.await(By.id("calendar"));
                parent.ajax(PlanningWalkIT.toggle(day, String.valueOf(f.midi())));
                parent.ajax(PlanningWalkIT.toggle(day, String.valueOf(f.soir())));
                parent.ajax(By.id("planning:review"));
                // the full midday: its price told as billed only if a seat frees, out of the total
                assertEquals("3,50 €", spaces(parent.await(By.id("recap-total")).getText()), parent::snapshot);
                List<String> prices = parent.driver.findElements(By.cssSelector("td.recap-price")).stream()
                        .map(e -> spaces(e.getText())).toList();
                assertTrue(prices.contains("3,50 € si une place se libère"), prices.toString());
                assertTrue(spaces(parent.text("recap-estimate")).contains(
                        "Les journées mises en liste d'attente (3,50 €) ne sont facturées que si une place se libère"),
                        parent::snapshot);
            }
            String token = token(f.own());
            HttpResponse<String> booked = post(token, selection(new Object[] {f.own().childId(), f.midi(), day, "reserver"},
                    new Object[] {f.own().childId(), f.soir(), day, "reserver"}));
            assertEquals(200, booked.statusCode(), booked.body());
            JsonObject result = (JsonObject) json(booked);
            assertEquals(2, result.getInt("enregistres"), booked.body());
            assertEquals(350, result.getJsonNumber("totalCentimes").longValue(), booked.body());
            JsonObject midi = result.getJsonArray("elements").getJsonObject(0);
            assertTrue(midi.getBoolean("listeAttente"), booked.body());
            assertEquals(350, midi.getJsonNumber("prixCentimes").longValue(), booked.body());
            assertFalse(result.getJsonArray("elements").getJsonObject(1).getBoolean("listeAttente"), booked.body());
            assertEquals(1, bookings(f.own().childId(), f.midi(), "WAITING", day));
            // the app shows it on the waiting list; a seat is given before its « retirer » arrives, past the free
            // cancellation: kept, not billed as a cancellation, and said so
            String deadline;
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                var rs = st.executeQuery("select cancellation_deadline from commune_alpha.activity where code = '" + f.code() + "'");
                rs.next();
                deadline = rs.getString(1);
                st.execute("update commune_alpha.activity set cancellation_deadline = 'J-90@23:59' where code = '" + f.code() + "'");
                st.execute("update commune_alpha.booking set status = 'BOOKED' where child_id = " + f.own().childId()
                        + " and unit_id = " + f.midi() + " and day = date '" + day + "' and status = 'WAITING'");
            }
            try {
                HttpResponse<String> withdrawn = post(token, selection(new Object[] {f.own().childId(), f.midi(), day, "retirer"}));
                assertEquals(200, withdrawn.statusCode(), withdrawn.body());
                JsonObject kept = ((JsonObject) json(withdrawn)).getJsonArray("elements").getJsonObject(0);
                assertFalse(kept.getBoolean("fait"), withdrawn.body());
                assertTrue(kept.getString("message").startsWith("Une place vient d'être attribuée"), withdrawn.body());
                assertEquals(1, bookings(f.own().childId(), f.midi(), "BOOKED", day), "kept, not billed");
            } finally {
                try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                    st.execute("update commune_alpha.activity set cancellation_deadline = '" + deadline + "' where code = '"
                            + f.code() + "'");
                }
            }
        } finally {
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("update commune_alpha.activity_unit set capacity = 20 where id = " + f.midi());
            }
        }
    }

    @Test
    void bookTwoDaysThenCancelOneTheSummarysPriceAndThePageAgree() throws Exception {
        Fixture f = fixture();
        LocalDate thursday = f.monday().plusDays(3);
        LocalDate friday = f.monday().plusDays(4);
        while (fr.portailfamille.booking.FrenchPublicHolidays.datesOf(friday.getYear()).contains(thursday)
                || fr.portailfamille.booking.FrenchPublicHolidays.datesOf(friday.getYear()).contains(friday)) {
            thursday = thursday.plusWeeks(1);
            friday = friday.plusWeeks(1);
        }
        String pageTotal;
        try (Browser parent = new Browser()) {
            // the page's summary for the same selection, not confirmed
            parent.get(BASE + "/espace/planning.xhtml?enfant=1&mois=" + f.month());
            parent.signIn(f.own().email(), f.own().password());
            parent.awaitUrlStartingWith(BASE + "/espace/planning.xhtml");
            parent.await(By.id("calendar"));
            parent.ajax(PlanningWalkIT.toggle(thursday, String.valueOf(f.soir())));
            parent.ajax(PlanningWalkIT.toggle(friday, String.valueOf(f.soir())));
            parent.ajax(By.id("planning:review"));
            pageTotal = spaces(parent.await(By.id("recap-total")).getText());
            assertEquals("7,00 €", pageTotal, parent::snapshot);
        }
        String token = token(f.own());
        HttpResponse<String> booked = post(token, selection(new Object[] {f.own().childId(), f.soir(), thursday, "reserver"},
                new Object[] {f.own().childId(), f.soir(), friday, "reserver"}));
        assertEquals(200, booked.statusCode(), booked.body());
        JsonObject result = (JsonObject) json(booked);
        assertEquals(2, result.getInt("enregistres"), booked.body());
        assertEquals(700, result.getJsonNumber("totalCentimes").longValue(), booked.body());
        assertEquals(pageTotal, spaces(result.getString("total")), "le prix du récapitulatif de la page");
        for (JsonValue v : result.getJsonArray("elements")) {
            JsonObject e = v.asJsonObject();
            assertTrue(e.getBoolean("fait"), booked.body());
            assertEquals(350, e.getJsonNumber("prixCentimes").longValue());
        }
        assertEquals(2, bookings(f.own().childId(), f.soir(), "BOOKED", thursday, friday));
        // booking the same day again: answered per day, nothing doubled
        HttpResponse<String> again = post(token, selection(new Object[] {f.own().childId(), f.soir(), friday, "reserver"}));
        assertEquals(200, again.statusCode(), again.body());
        JsonObject twice = ((JsonObject) json(again)).getJsonArray("elements").getJsonObject(0);
        assertFalse(twice.getBoolean("fait"));
        assertEquals("Déjà réservé.", twice.getString("message"));
        assertEquals(2, bookings(f.own().childId(), f.soir(), "BOOKED", thursday, friday));

        HttpResponse<String> cancelled = post(token, selection(new Object[] {f.own().childId(), f.soir(), thursday, "annuler"}));
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        JsonObject c = ((JsonObject) json(cancelled)).getJsonArray("elements").getJsonObject(0);
        assertTrue(c.getBoolean("fait"), cancelled.body());
        assertTrue(c.getString("message").contains("sans frais"), cancelled.body());
        assertEquals(1, bookings(f.own().childId(), f.soir(), "BOOKED", thursday, friday));
        assertEquals(1, bookings(f.own().childId(), f.soir(), "CANCELLED_FREE", thursday, friday));
        // nothing left to cancel that day
        JsonObject none = ((JsonObject) json(post(token, selection(new Object[] {f.own().childId(), f.soir(), thursday,
                "annuler"})))).getJsonArray("elements").getJsonObject(0);
        assertFalse(none.getBoolean("fait"));

        // the API's planning and the page say the same
        JsonObject activity = ((JsonObject) json(get(API + "/enfants/" + f.own().childId() + "/planning?mois=" + f.month(),
                token))).getJsonArray("activites").getJsonObject(0);
        assertEquals("ANNULE_SANS_FRAIS", unit(day(activity, thursday), f.soir()).getString("etat"));
        JsonObject fridayCell = unit(day(activity, friday), f.soir());
        assertEquals("RESERVE_ANNULABLE", fridayCell.getString("etat"));
        assertTrue(fridayCell.getBoolean("annulable"));
        try (Browser parent = new Browser()) {
            parent.get(BASE + "/espace/planning.xhtml?enfant=1&mois=" + f.month());
            parent.signIn(f.own().email(), f.own().password());
            parent.awaitUrlStartingWith(BASE + "/espace/planning.xhtml");
            parent.await(By.id("calendar"));
            assertEquals("Annulé sans frais", PlanningWalkIT.state(parent, thursday, String.valueOf(f.soir())));
            assertEquals("Réservé (annulable)", PlanningWalkIT.state(parent, friday, String.valueOf(f.soir())));
        }
    }

    @Test
    void aDayOfAnOpeningWindowIsShownOnRequestAndItsBookingRefusedWithAStableCode() throws Exception {
        Fixture f = fixture();
        LocalDate thursday = f.monday().plusWeeks(1).plusDays(3);
        LocalDate otherDay = f.monday().plusWeeks(1);
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into opening_window (activity_id, period_from, period_to, opens_at, closes_at, created_by)"
                    + " select id, date '" + thursday + "', date '" + thursday + "', localtimestamp - interval '1 hour',"
                    + " localtimestamp + interval '1 day', 'agent@alpha.test' from activity where code = '" + f.code() + "'");
        }
        try {
            windowDayShownOnRequestAndRefused(f, thursday, otherDay);
        } finally {
            // the fixture's activity is shared: its Thursday is bookable again for the tests after this one (a holiday
            // in the first week moves theirs onto this very day)
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("delete from commune_alpha.opening_window where period_from = date '" + thursday + "' and activity_id ="
                        + " (select id from commune_alpha.activity where code = '" + f.code() + "')");
            }
        }
    }

    private void windowDayShownOnRequestAndRefused(Fixture f, LocalDate thursday, LocalDate otherDay) throws Exception {
        String token = token(f.own());
        HttpResponse<String> month = get(API + "/enfants/" + f.own().childId() + "/planning?mois=" + f.month(), token);
        assertEquals(200, month.statusCode(), month.body());
        JsonObject midi = unit(day(((JsonObject) json(month)).getJsonArray("activites").getJsonObject(0), thursday), f.midi());
        assertEquals("SUR_DEMANDE", midi.getString("etat"), month.body());
        assertFalse(midi.getBoolean("reservable"));

        // the window's day with another day: the whole selection refused, nothing booked
        JsonObject refused = error(post(token, selection(new Object[] {f.own().childId(), f.midi(), thursday, "reserver"},
                new Object[] {f.own().childId(), f.soir(), otherDay, "reserver"})), 409, "reservation_refusee");
        assertTrue(refused.getString("message").contains("sont attribuées sur demande, pas au premier arrivé — fenêtre"
                + " ouverte jusqu'au "), refused.getString("message"));
        assertEquals(0, bookings(f.own().childId(), f.midi(), "BOOKED", thursday)
                + bookings(f.own().childId(), f.soir(), "BOOKED", otherDay));
        assertEquals(0, (int) single("select count(*) from commune_alpha.booking where child_id = " + f.own().childId()
                + " and day = date '" + thursday + "'"), "no waiting list either");
    }

    /** An account whose file is linked to another account (made again): a JSON error that says what to do, no new file. */
    @Test
    void anAccountWhoseFileIsLinkedElsewhereIsToldWhatToDoInJson() throws Exception {
        String s = fr.portailfamille.it.support.BillingKit.random(6).replaceAll("[^A-Z0-9]", "X").toLowerCase();
        String email = "api-refait-" + s + "@alpha.test";
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("insert into commune_alpha.family (label, email, status, subject) values ('Foyer refait', '" + email
                    + "', 'VALIDATED', 'ancien-compte-" + s + "')");
        }
        StackLauncher.stack().realmProvisioner().createUser("pf-alpha", email, "Alex", "Refait", StackLauncher.PASSWORD_PARENT,
                "parent");
        String token = CodeFlowTokens.accessToken(ALPHA, email, StackLauncher.PASSWORD_PARENT);
        JsonObject e = error(get(API + "/enfants", token), 409, "compte_non_relie");
        assertTrue(e.getString("message").contains("contactez votre mairie"), e.toString());
        assertEquals(1, single("select count(*) from commune_alpha.family where email = '" + email + "'"));
    }

    @Test
    void anotherFamilysChildInTheBodyIsUnknownAndNothingIsBooked() throws Exception {
        Fixture f = fixture();
        String token = token(f.own());
        LocalDate tuesday = f.monday().plusDays(1).plusWeeks(1);
        error(post(token, selection(new Object[] {f.other().childId(), f.midi(), tuesday, "reserver"})), 404, "enfant_inconnu");
        // mixed with one of its own: still 404, and nothing booked for either
        error(post(token, selection(new Object[] {f.own().childId(), f.midi(), tuesday, "reserver"},
                new Object[] {f.other().childId(), f.midi(), tuesday, "reserver"})), 404, "enfant_inconnu");
        error(post(token, selection(new Object[] {999999999L, f.midi(), tuesday, "reserver"})), 404, "enfant_inconnu");
        assertEquals(0, single("select count(*) from commune_alpha.booking where child_id in (" + f.own().childId() + ", "
                + f.other().childId() + ") and day = date '" + tuesday + "'"));
        // another family cancelling this family's booking: unknown child, the booking stays
        String otherToken = token(f.other());
        assertEquals(200, post(token, selection(new Object[] {f.own().childId(), f.midi(), tuesday, "reserver"})).statusCode());
        error(post(otherToken, selection(new Object[] {f.own().childId(), f.midi(), tuesday, "annuler"})), 404, "enfant_inconnu");
        assertEquals(1, single("select count(*) from commune_alpha.booking where child_id = " + f.own().childId()
                + " and day = date '" + tuesday + "' and status = 'BOOKED'"));
        // the other family sees its own child only
        HttpResponse<String> theirs = get(API + "/enfants", otherToken);
        assertEquals(f.other().childId(), ((JsonArray) json(theirs)).getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(1, ((JsonArray) json(theirs)).size());
    }

    @Test
    void badInputIsA400WithAStableCodeAndNothingIsBooked() throws Exception {
        Fixture f = fixture();
        String token = token(f.own());
        long child = f.own().childId();
        LocalDate day = f.monday().plusWeeks(2);
        error(post(token, "{\"elements\": [{\"enfant\": " + child), 400, "json_invalide");
        error(post(token, "pas du json"), 400, "json_invalide");
        error(post(token, "{\"autre\": 1}"), 400, "json_invalide");
        error(post(token, "{\"elements\": []}"), 400, "selection_vide");
        JsonObject past = error(post(token, selection(new Object[] {child, f.midi(), TestDays.today().minusDays(3), "reserver"})),
                400, "date_invalide");
        assertEquals("elements[0].date", past.getJsonArray("champs").getJsonObject(0).getString("champ"));
        error(post(token, selection(new Object[] {child, f.midi(), "2027-02-30", "reserver"})), 400, "date_invalide");
        JsonObject unit = error(post(token, selection(new Object[] {child, f.midi(), day, "reserver"},
                new Object[] {child, 999999999L, day, "reserver"})), 400, "unite_inconnue");
        assertEquals("elements[1].unite", unit.getJsonArray("champs").getJsonObject(0).getString("champ"));
        error(post(token, selection(new Object[] {child, f.midi(), day, "supprimer"})), 400, "action_invalide");
        error(post(token, selection(new Object[] {child, f.midi(), day, "reserver"}, new Object[] {child, f.midi(), day,
                "reserver"})), 400, "element_en_double");
        error(post(token, "{\"elements\": [{\"enfant\": \"un\", \"unite\": 1, \"date\": \"" + day + "\", \"action\": \"reserver\"}]}"),
                400, "element_invalide");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 401; i++) {
            many.add("{\"enfant\": " + child + ", \"unite\": " + f.midi() + ", \"date\": \"" + day.plusDays(i) + "\", \"action\": \"reserver\"}");
        }
        error(post(token, "{\"elements\": [" + String.join(",", many) + "]}"), 400, "selection_trop_longue");
        assertEquals(0, single("select count(*) from commune_alpha.booking where child_id = " + child + " and day = date '"
                + day + "'"));
        // not JSON at all: 415 in JSON
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PlatformWebIT.PORT + API
                        + "/reservations")).header("Host", PlatformWebIT.host(ALPHA)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("enfant=1")).build(), HttpResponse.BodyHandlers.ofString());
        error(form, 415, "format_non_supporte");
        // a unit of an activity the child is not registered to: the service refuses it, 409, nothing booked
        long otherUnit = single("select u.id from commune_alpha.activity_unit u join commune_alpha.activity a on a.id ="
                + " u.activity_id where a.code <> '" + f.code() + "' order by u.id limit 1");
        error(post(token, selection(new Object[] {child, f.midi(), day, "reserver"}, new Object[] {child, otherUnit, day,
                "reserver"})), 409, "reservation_refusee");
        assertEquals(0, single("select count(*) from commune_alpha.booking where child_id = " + child + " and day = date '"
                + day + "'"));
    }

    /**
     * A family's application signs in as native apps do: the commune realm's public client, code + PKCE, the code
     * returned to a loopback address on the port the app listens on (any port, RFC 8252) — no secret in the app. Its
     * token opens this commune's API for this family only; a realm made before the client gets it at the next start.
     */
    @Test
    void aFamilysAppSignsInWithThePublicClientAndPkce() throws Exception {
        Fixture f = fixture();
        // a realm provisioned before the client existed: the start's hardening creates it
        var realm = StackLauncher.stack().keycloakAdmin().realm("pf-alpha");
        realm.clients().findByClientId("portail-famille-app").forEach(c -> realm.clients().get(c.getId()).remove());
        assertTrue(StackLauncher.stack().realmProvisioner().harden("pf-alpha").contains("portail-famille-app"));
        assertFalse(StackLauncher.stack().realmProvisioner().harden("pf-alpha").contains("portail-famille-app"),
                "created once");

        int port = 49152 + new java.util.Random().nextInt(10000);
        String token = CodeFlowTokens.appAccessToken(ALPHA, f.own().email(), f.own().password(),
                "http://127.0.0.1:" + port + "/callback");
        HttpResponse<String> children = get(API + "/enfants", token);
        assertEquals(200, children.statusCode(), children.body());
        JsonArray list = (JsonArray) json(children);
        assertEquals(1, list.size(), children.body());
        assertEquals(f.own().childId(), list.getJsonObject(0).getJsonNumber("id").longValue());
        // another family's child by id, another commune's host
        error(get(API + "/enfants/" + f.other().childId() + "/planning?mois=" + f.month(), token), 404, "enfant_inconnu");
        error(call(BETA, "GET", API + "/enfants", token, null), 401, "jeton_invalide");
        // the code goes back to the app only: neither another site nor the platform's own callback
        assertEquals(400, CodeFlowTokens.authorize(ALPHA, "portail-famille-app", "https://ailleurs.example/callback")
                .statusCode());
        assertEquals(400, CodeFlowTokens.authorize(ALPHA, "portail-famille-app", StackLauncher.url(ALPHA)
                + "/oidc/callback").statusCode());
    }

    @Test
    void onlyAParentOfThisCommuneWithItsOwnTokenGetsIn() throws Exception {
        Fixture f = fixture();
        // no token: 401 in JSON, not a redirect to the login page
        HttpResponse<String> anonymous = get(API + "/enfants", null);
        error(anonymous, 401, "non_authentifie");
        assertTrue(anonymous.headers().firstValue("Location").isEmpty());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        error(post(null, selection(new Object[] {f.own().childId(), f.midi(), f.monday(), "reserver"})), 401, "non_authentifie");
        // another commune's parent on this commune's host
        String beta = CodeFlowTokens.accessToken(BETA, StackLauncher.parent(BETA), StackLauncher.PASSWORD_PARENT);
        error(get(API + "/enfants", beta), 401, "jeton_invalide");
        error(post(beta, selection(new Object[] {f.own().childId(), f.midi(), f.monday(), "reserver"})), 401, "jeton_invalide");
        // this commune's parent on another commune's host
        String own = token(f.own());
        error(call(BETA, "GET", API + "/enfants", own, null), 401, "jeton_invalide");
        error(call(BETA, "GET", API + "/factures", own, null), 401, "jeton_invalide");
        // an agent of this commune: not a family
        String agent = CodeFlowTokens.accessToken(ALPHA, StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
        error(get(API + "/enfants", agent), 403, "non_autorise");
        error(get(API + "/factures", agent), 403, "non_autorise");
        error(get(API + "/enfants/" + f.own().childId() + "/planning", agent), 403, "non_autorise");
        error(call(ALPHA, "POST", API + "/reservations", agent, selection(new Object[] {f.own().childId(), f.midi(), f.monday(),
                "reserver"})), 403, "non_autorise");
        // a forged token
        error(get(API + "/enfants", own.substring(0, own.length() - 3) + "xyz"), 401, "jeton_invalide");
        assertEquals(0, single("select count(*) from commune_alpha.booking where child_id = " + f.own().childId()
                + " and day = date '" + f.monday() + "'"));
    }

    @Test
    void invoicesOfTheFamilyTheirLinesAndPdfAnotherFamilysIsUnknown() throws Exception {
        Fixture f = fixture();
        String regie = "RAPI" + f.code().substring(4, 8);
        long own;
        long other;
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into regie (code, label, invoice_prefix) values ('" + regie + "', 'Régie API', '" + regie + "')");
            for (Family fam : List.of(f.own(), f.other())) {
                st.execute("insert into invoice (regie_id, family_id, sequence, number, period_start, period_end, due_date,"
                        + " total_cents, issued_by) select id, " + fam.familyId() + ", " + (fam == f.own() ? 1 : 2) + ", '"
                        + regie + "-" + (fam == f.own() ? 1 : 2) + "', date '2026-10-01', date '2026-10-31', date '2026-11-30',"
                        + " 1050, 'test' from regie where code = '" + regie + "'");
                st.execute("insert into invoice_line (invoice_id, position, child_id, child_name, activity_code, quantity,"
                        + " unit_price_cents, amount_cents, label) select i.id, 1, " + fam.childId() + ", 'Jade Api', '" + f.code()
                        + "', 3, 350, 1050, 'Périscolaire — Soir' from invoice i where i.number = '" + regie + "-"
                        + (fam == f.own() ? 1 : 2) + "'");
            }
        }
        own = single("select id from commune_alpha.invoice where number = '" + regie + "-1'");
        other = single("select id from commune_alpha.invoice where number = '" + regie + "-2'");
        String token = token(f.own());
        HttpResponse<String> list = get(API + "/factures", token);
        assertEquals(200, list.statusCode(), list.body());
        JsonArray invoices = (JsonArray) json(list);
        assertEquals(1, invoices.size(), list.body());
        JsonObject invoice = invoices.getJsonObject(0);
        assertEquals(own, invoice.getJsonNumber("id").longValue());
        assertEquals(regie + "-1", invoice.getString("numero"));
        assertEquals(1050, invoice.getJsonNumber("totalCentimes").longValue());
        assertEquals(1050, invoice.getJsonNumber("resteAPayerCentimes").longValue());
        assertEquals("2026-11-30", invoice.getString("echeance"));

        HttpResponse<String> one = get(API + "/factures/" + own, token);
        assertEquals(200, one.statusCode(), one.body());
        JsonObject line = ((JsonObject) json(one)).getJsonArray("lignes").getJsonObject(0);
        assertEquals(3, line.getInt("quantite"));
        assertEquals(f.activity(), line.getString("prestation"), "what the line bills: its activity (the line has no unit)");
        assertEquals(1050, line.getJsonNumber("montantCentimes").longValue());

        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PlatformWebIT.PORT + API
                        + "/factures/" + own + "/pdf")).header("Host", PlatformWebIT.host(ALPHA))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        assertEquals("nosniff", pdf.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));

        error(get(API + "/factures/" + other, token), 404, "facture_inconnue");
        error(get(API + "/factures/" + other + "/pdf", token), 404, "facture_inconnue");
        error(get(API + "/factures/999999999", token), 404, "facture_inconnue");
        error(get(API + "/factures/x", token), 404, "facture_inconnue");
    }

    /** An opening window on the fixture's activity, inserted as the agent's form would; its id. */
    static long window(String code, LocalDate from, LocalDate to, String opensAt, String closesAt, boolean siblings)
            throws Exception {
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("insert into commune_alpha.opening_window (activity_id, period_from, period_to, opens_at, closes_at,"
                    + " siblings_together, created_by) select id, date '" + from + "', date '" + to + "', " + opensAt + ", "
                    + closesAt + ", " + siblings + ", 'agent-api@alpha.test' from commune_alpha.activity where code = '"
                    + code + "'");
        }
        return single("select max(id) from commune_alpha.opening_window");
    }

    static String windowRequest(long child, long unit, LocalDate... days) {
        StringBuilder s = new StringBuilder("{\"enfants\": [{\"enfant\": " + child + ", \"jours\": [");
        for (int i = 0; i < days.length; i++) {
            s.append(i == 0 ? "" : ", ").append("{\"unite\": ").append(unit).append(", \"date\": \"").append(days[i]).append("\"}");
        }
        return s.append("]}], \"deuxParentsTravaillent\": true}").toString();
    }

    static JsonObject byId(JsonArray array, long id) {
        return array.stream().map(JsonValue::asJsonObject).filter(o -> o.getJsonNumber("id").longValue() == id).findFirst()
                .orElse(null);
    }

    @Test
    void aRequestToAnOpenWindowIsRecordedAndShownEveryLineCrossedIsRefused() throws Exception {
        Fixture f = fixture();
        LocalDate from = TestDays.thisMonth().plusMonths(5).atDay(1);
        long open = window(f.code(), from, from.plusDays(20), "localtimestamp - interval '1 hour'",
                "localtimestamp + interval '1 day'", true);
        long closed = window(f.code(), from.plusMonths(1), from.plusMonths(1).plusDays(20),
                "localtimestamp - interval '2 days'", "localtimestamp - interval '1 day'", false);
        String token = token(f.own());
        String path = API + "/fenetres/" + open + "/demande";
        // the open window, its days and the family's child; not the closed one
        HttpResponse<String> listed = get(API + "/fenetres", token);
        assertEquals(200, listed.statusCode(), listed.body());
        JsonObject w = byId(((JsonObject) json(listed)).getJsonArray("ouvertes"), open);
        assertNotNull(w, listed.body());
        assertTrue(w.getBoolean("fratrieEnsemble"));
        assertTrue(!w.containsKey("maDemande") || w.isNull("maDemande"), w.toString());
        assertEquals(List.of(f.own().childId()), w.getJsonArray("enfants").stream()
                .map(c -> c.asJsonObject().getJsonNumber("id").longValue()).toList());
        assertEquals(null, byId(((JsonObject) json(listed)).getJsonArray("ouvertes"), closed));
        List<LocalDate> days = w.getJsonArray("jours").stream().map(JsonValue::asJsonObject)
                .filter(j -> j.getJsonNumber("unite").longValue() == f.midi()).map(j -> LocalDate.parse(j.getString("date")))
                .limit(2).toList();
        assertEquals(2, days.size(), w.toString());
        String asked = windowRequest(f.own().childId(), f.midi(), days.get(0), days.get(1));
        // another family's child, an unknown window, a closed window, bad input: refused, nothing recorded
        error(call(ALPHA, "POST", path, token, windowRequest(f.other().childId(), f.midi(), days.get(0))), 404, "enfant_inconnu");
        error(call(ALPHA, "POST", API + "/fenetres/999999999/demande", token, asked), 404, "fenetre_inconnue");
        error(call(ALPHA, "POST", API + "/fenetres/abc/demande", token, asked), 404, "fenetre_inconnue");
        JsonObject shut = error(call(ALPHA, "POST", API + "/fenetres/" + closed + "/demande", token, windowRequest(
                f.own().childId(), f.midi(), from.plusMonths(1).plusDays(7))), 409, "fenetre_fermee");
        // said as the page says it: closed since when (not "demandes ouvertes" while its places are not yet allocated)
        assertTrue(shut.getString("message").startsWith("Les demandes sont closes depuis le "), shut.toString());
        error(call(ALPHA, "POST", path, token, "{\"enfants\": []}"), 400, "demande_vide");
        error(call(ALPHA, "POST", path, token, "{\"enfants\": ["), 400, "json_invalide");
        JsonObject date = error(call(ALPHA, "POST", path, token, asked.replace(days.get(0).toString(), "demain")), 400,
                "date_invalide");
        assertEquals("enfants[0].jours[0].date", date.getJsonArray("champs").getJsonObject(0).getString("champ"));
        error(call(ALPHA, "POST", path, token, windowRequest(f.own().childId(), f.midi(), from.plusDays(40))), 400,
                "jour_hors_periode");
        // another commune's token, this commune's agent
        String beta = CodeFlowTokens.accessToken(BETA, StackLauncher.parent(BETA), StackLauncher.PASSWORD_PARENT);
        error(call(ALPHA, "POST", path, beta, asked), 401, "jeton_invalide");
        error(get(API + "/fenetres", beta), 401, "jeton_invalide");
        String agent = CodeFlowTokens.accessToken(ALPHA, StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
        error(call(ALPHA, "POST", path, agent, asked), 403, "non_autorise");
        error(get(API + "/fenetres", agent), 403, "non_autorise");
        assertEquals(0, single("select count(*) from commune_alpha.window_request where window_id in (" + open + ", " + closed
                + ")"));
        // the request, then GET shows it waiting for the allocation
        HttpResponse<String> sent = call(ALPHA, "POST", path, token, asked);
        assertEquals(200, sent.statusCode(), sent.body());
        JsonObject demande = (JsonObject) json(sent);
        assertEquals(open, demande.getJsonNumber("fenetre").longValue());
        assertFalse(demande.getBoolean("publiee"));
        assertTrue(demande.getBoolean("deuxParentsTravaillent"));
        assertEquals(2, demande.getJsonArray("jours").size());
        demande.getJsonArray("jours").forEach(j -> assertEquals("en attente de l'attribution",
                j.asJsonObject().getString("resultat")));
        demande.getJsonArray("jours").forEach(j -> assertEquals("EN_ATTENTE", j.asJsonObject().getString("code")));
        long id = demande.getJsonNumber("id").longValue();
        assertEquals(2, single("select count(*) from commune_alpha.window_wish where request_id = " + id + " and child_id = "
                + f.own().childId()));
        JsonObject again = (JsonObject) json(get(API + "/fenetres", token));
        assertEquals(id, byId(again.getJsonArray("ouvertes"), open).getJsonNumber("maDemande").longValue());
        assertNotNull(byId(again.getJsonArray("demandes"), id), again.toString());
        // the other family does not see it
        JsonObject others = (JsonObject) json(get(API + "/fenetres", token(f.other())));
        assertEquals(null, byId(others.getJsonArray("demandes"), id));
        JsonObject seen = byId(others.getJsonArray("ouvertes"), open);
        assertTrue(!seen.containsKey("maDemande") || seen.isNull("maDemande"), seen.toString());
        // « handicap ou PAI » answered, then the request sent again without it (a day changed from an app that cannot
        // read it back): the answer is kept, as Ma demande keeps it; said « false », it goes
        String withHealth = asked.substring(0, asked.length() - 1) + ", \"handicap\": true}";
        assertEquals(200, call(ALPHA, "POST", path, token, withHealth).statusCode());
        assertEquals(1, single("select count(*) from commune_alpha.window_request where window_id = " + open + " and disability"));
        assertEquals(200, call(ALPHA, "POST", path, token, asked).statusCode());
        assertEquals(1, single("select count(*) from commune_alpha.window_request where window_id = " + open + " and disability"),
                "kept when the body leaves it out");
        String without = asked.substring(0, asked.length() - 1) + ", \"handicap\": false}";
        assertEquals(200, call(ALPHA, "POST", path, token, without).statusCode());
        assertEquals(0, single("select count(*) from commune_alpha.window_request where window_id = " + open + " and disability"));
    }

    // ---- Mes documents -------------------------------------------------------------------------

    static final byte[] PDF = "%PDF-1.4\n% bulletin de salaire\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** One part of a multipart/form-data form: a text field ({@code fileName} null) or a file. */
    record Part(String name, String fileName, byte[] content) {
        static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static Part file(String fileName, byte[] content) {
            return new Part("fichier", fileName, content);
        }
    }

    /** A multipart/form-data body and its boundary, as a browser or a mobile application sends it. */
    static byte[] form(String boundary, Part... parts) throws Exception {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part p : parts) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"\r\nContent-Type: application/pdf")
                    + "\r\n\r\n";
            body.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(p.content());
            body.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    /** {@code POST /documents} on a commune's host with a form of these parts. */
    static HttpResponse<String> upload(String slug, String token, Part... parts) throws Exception {
        String boundary = "----pf" + UUID.randomUUID().toString().replace("-", "");
        return postBody(slug, token, "multipart/form-data; boundary=" + boundary, form(boundary, parts));
    }

    static HttpResponse<String> upload(String token, Part... parts) throws Exception {
        return upload(ALPHA, token, parts);
    }

    static HttpResponse<String> postBody(String slug, String token, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PlatformWebIT.PORT + API + "/documents"))
                .header("Host", PlatformWebIT.host(slug)).header("Accept", "application/json")
                .header("Content-Type", contentType).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> download(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PlatformWebIT.PORT + path))
                .header("Host", PlatformWebIT.host(ALPHA)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static long documentsOf(Family fam) throws Exception {
        return single("select count(*) from commune_alpha.family_document where family_id = " + fam.familyId());
    }

    /** The error's one field. */
    static String field(JsonObject error) {
        return error.getJsonArray("champs").getJsonObject(0).getString("champ");
    }

    @Test
    void aDocumentSentByTheApiIsListedDownloadedAndIsTheWindowRequestsProof() throws Exception {
        Fixture f = fixture();
        String token = token(f.own());
        LocalDate today = TestDays.today();
        // the commune's types: what "type" may be
        HttpResponse<String> typesAnswer = get(API + "/documents/types", token);
        assertEquals(200, typesAnswer.statusCode(), typesAnswer.body());
        List<JsonObject> types = ((JsonArray) json(typesAnswer)).stream().map(JsonValue::asJsonObject).toList();
        assertTrue(types.stream().anyMatch(t -> t.getString("code").equals("DOMICILE") && !t.getBoolean("pourEnfant")),
                typesAnswer.body());
        assertTrue(types.stream().anyMatch(t -> t.getString("code").equals("ASSURANCE") && t.getBoolean("pourEnfant")),
                typesAnswer.body());

        // sent as a form with its file: stored as Mes documents stores it, waiting for the commune's review
        HttpResponse<String> sent = upload(token, Part.field("type", "DOMICILE"), Part.field("date", today.toString()),
                Part.file("bulletin.pdf", PDF));
        assertEquals(201, sent.statusCode(), sent.body());
        JsonObject doc = (JsonObject) json(sent);
        long id = doc.getJsonNumber("id").longValue();
        assertTrue(sent.headers().firstValue("Location").orElse("").endsWith(API + "/documents/" + id), sent.headers().toString());
        assertEquals("DOMICILE", doc.getString("type"));
        assertEquals("Justificatif de domicile de moins de 3 mois", doc.getString("typeLibelle"));
        assertEquals(today.toString(), doc.getString("date"));
        assertEquals("bulletin.pdf", doc.getString("nomFichier"));
        assertEquals(PDF.length, doc.getJsonNumber("taille").longValue());
        assertEquals("EN_ATTENTE", doc.getString("etat"));
        assertEquals("en attente", doc.getString("etatLibelle"));
        assertTrue(!doc.containsKey("motifRefus") || doc.isNull("motifRefus"), sent.body());
        assertFalse(doc.getString("envoyeLe").isBlank());
        assertEquals(1, single("select count(*) from commune_alpha.family_document where id = " + id + " and family_id = "
                + f.own().familyId() + " and status = 'PENDING' and type_code = 'DOMICILE' and child_id is null"
                + " and content_type = 'application/pdf' and file_name = 'bulletin.pdf'"));

        // a second one, refused by the commune: listed first with its reason
        HttpResponse<String> second = upload(token, Part.field("type", "QF"), Part.field("date", today.minusDays(3).toString()),
                Part.file("qf.pdf", PDF));
        assertEquals(201, second.statusCode(), second.body());
        long refused = ((JsonObject) json(second)).getJsonNumber("id").longValue();
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("update commune_alpha.family_document set status = 'REFUSED', reason = 'Document illisible',"
                    + " reviewed_at = now(), reviewed_by = 'agent@alpha.test' where id = " + refused);
        }
        HttpResponse<String> listed = get(API + "/documents", token);
        assertEquals(200, listed.statusCode(), listed.body());
        JsonArray mine = (JsonArray) json(listed);
        assertEquals(List.of(refused, id), mine.stream().map(d -> d.asJsonObject().getJsonNumber("id").longValue())
                .filter(d -> d == refused || d == id).toList(), "newest first: " + listed.body());
        JsonObject refusedDoc = byId(mine, refused);
        assertEquals("REFUSE", refusedDoc.getString("etat"));
        assertEquals("refusé", refusedDoc.getString("etatLibelle"));
        assertEquals("Document illisible", refusedDoc.getString("motifRefus"));
        HttpResponse<String> one = get(API + "/documents/" + id, token);
        assertEquals(200, one.statusCode(), one.body());
        assertEquals("EN_ATTENTE", ((JsonObject) json(one)).getString("etat"));
        HttpResponse<byte[]> file = download(API + "/documents/" + id + "/fichier", token);
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"), file.headers().toString());
        assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains("bulletin.pdf"));
        assertTrue(java.util.Arrays.equals(PDF, file.body()), "the file as sent");

        // another family's document: unknown to this family, wherever its id is sent
        HttpResponse<String> theirs = upload(token(f.other()), Part.field("type", "DOMICILE"),
                Part.field("date", today.toString()), Part.file("autre.pdf", PDF));
        assertEquals(201, theirs.statusCode(), theirs.body());
        long other = ((JsonObject) json(theirs)).getJsonNumber("id").longValue();
        assertEquals(null, byId((JsonArray) json(get(API + "/documents", token)), other));
        assertEquals(null, byId((JsonArray) json(get(API + "/documents", token(f.other()))), id));
        error(get(API + "/documents/" + other, token), 404, "document_inconnu");
        HttpResponse<byte[]> otherFile = download(API + "/documents/" + other + "/fichier", token);
        assertEquals(404, otherFile.statusCode());
        assertFalse(new String(otherFile.body(), java.nio.charset.StandardCharsets.UTF_8).contains("%PDF"));
        error(get(API + "/documents/999999999", token), 404, "document_inconnu");
        error(get(API + "/documents/abc/fichier", token), 404, "document_inconnu");

        // a window whose commune requires a proof of "both parents working": the new document's id is the proof
        LocalDate from = TestDays.thisMonth().plusMonths(3).atDay(1); // a period of school days (the others use months 2, 5, 6)
        long window;
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("insert into commune_alpha.opening_window (activity_id, period_from, period_to, opens_at,"
                     + " closes_at, weight_both_working, proof_required, created_by) select id, date '" + from + "', date '"
                     + from.plusDays(45) + "', localtimestamp - interval '1 hour', localtimestamp + interval '1 day', 10, true,"
                     + " 'agent-api@alpha.test' from commune_alpha.activity where code = '" + f.code() + "' returning id")) {
            assertTrue(rs.next());
            window = rs.getLong(1);
        }
        JsonObject w = byId(((JsonObject) json(get(API + "/fenetres", token))).getJsonArray("ouvertes"), window);
        assertNotNull(w);
        assertTrue(w.getBoolean("justificatifExige"), w.toString());
        LocalDate day = w.getJsonArray("jours").stream().map(JsonValue::asJsonObject)
                .filter(j -> j.getJsonNumber("unite").longValue() == f.midi()).map(j -> LocalDate.parse(j.getString("date")))
                .findFirst().orElseThrow();
        String path = API + "/fenetres/" + window + "/demande";
        String asked = windowRequest(f.own().childId(), f.midi(), day);
        String withProof = asked.substring(0, asked.length() - 1) + ", \"justificatif\": %d}";
        assertEquals("justificatif", field(error(call(ALPHA, "POST", path, token, asked), 400, "justificatif_invalide")));
        error(call(ALPHA, "POST", path, token, withProof.formatted(other)), 400, "justificatif_invalide");
        error(call(ALPHA, "POST", path, token, withProof.formatted(refused)), 400, "justificatif_invalide");
        // a health document of the family's (a child's medical certificate): never a proof of work, as the page offers none
        HttpResponse<String> healthSent = upload(token, Part.field("type", "DOMICILE"), Part.field("date", today.toString()),
                Part.file("certificat.pdf", java.util.Arrays.copyOf(PDF, PDF.length + 1))); // other bytes: not a duplicate
        assertEquals(201, healthSent.statusCode(), healthSent.body());
        long health = ((JsonObject) json(healthSent)).getJsonNumber("id").longValue();
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("update commune_alpha.family_document set health = true where id = " + health);
        }
        JsonObject healthRefused = error(call(ALPHA, "POST", path, token, withProof.formatted(health)), 400,
                "justificatif_invalide");
        assertTrue(healthRefused.getString("message").contains("document de santé"), healthRefused.toString());
        assertEquals(0, single("select count(*) from commune_alpha.window_request where window_id = " + window));
        HttpResponse<String> requested = call(ALPHA, "POST", path, token, withProof.formatted(id));
        assertEquals(200, requested.statusCode(), requested.body());
        assertTrue(((JsonObject) json(requested)).getBoolean("deuxParentsTravaillent"));
        assertEquals(id, single("select proof_document_id from commune_alpha.window_request where window_id = " + window
                + " and family_id = " + f.own().familyId()));
        // the proof refused by the commune since: sent again without one, the kept proof is dropped and the request asks
        // for a proof (not « not one of your documents » on a field the client did not send)
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("update commune_alpha.family_document set status = 'REFUSED', reason = 'Illisible' where id = " + id);
        }
        JsonObject again = error(call(ALPHA, "POST", path, token, asked), 400, "justificatif_invalide");
        assertTrue(again.getString("message").startsWith("Joignez un justificatif"), again.toString());
    }

    @Test
    void aDocumentTheRulesRefuseIsA400OnItsFieldAndNothingIsStored() throws Exception {
        Fixture f = fixture();
        String token = token(f.own());
        LocalDate today = TestDays.today();
        long before = documentsOf(f.own());
        Part type = Part.field("type", "DOMICILE");
        Part date = Part.field("date", today.toString());
        Part pdf = Part.file("bulletin.pdf", PDF);
        // the file: checked on its content, as the page checks it
        JsonObject fake = error(upload(token, type, date, Part.file("bulletin.pdf", "<html><body>piège</body></html>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))), 400, "type_fichier_refuse");
        assertEquals("fichier", field(fake));
        assertTrue(fake.getString("message").contains("PDF, JPEG ou PNG"), fake.toString());
        error(upload(token, type, date, Part.file("note.pdf", "Bulletin de salaire de mars".getBytes(
                java.nio.charset.StandardCharsets.UTF_8))), 400, "type_fichier_refuse");
        JsonObject big = error(upload(token, type, date, Part.file("gros.pdf", java.util.Arrays.copyOf(PDF,
                5 * 1024 * 1024 + 1))), 400, "fichier_trop_volumineux");
        assertEquals("fichier", field(big));
        assertTrue(big.getString("message").contains("5 Mo"), big.toString());
        assertEquals("fichier", field(error(upload(token, type, date), 400, "fichier_manquant")));
        error(upload(token, type, date, Part.file("vide.pdf", new byte[0])), 400, "fichier_manquant");
        // the type and the child
        assertEquals("type", field(error(upload(token, date, pdf), 400, "type_inconnu")));
        error(upload(token, Part.field("type", "INCONNU"), date, pdf), 400, "type_inconnu");
        Part assurance = Part.field("type", "ASSURANCE");
        assertEquals("enfant", field(error(upload(token, assurance, date, pdf), 400, "enfant_manquant")));
        error(upload(token, assurance, date, Part.field("enfant", "abc"), pdf), 400, "enfant_invalide");
        error(upload(token, assurance, date, Part.field("enfant", Long.toString(f.other().childId())), pdf), 404,
                "enfant_inconnu");
        // the date
        assertEquals("date", field(error(upload(token, type, pdf), 400, "date_manquante")));
        error(upload(token, type, Part.field("date", "02/12/2026"), pdf), 400, "date_invalide");
        error(upload(token, type, Part.field("date", "2027-02-30"), pdf), 400, "date_invalide");
        assertEquals("date", field(error(upload(token, type, Part.field("date", today.plusDays(2).toString()), pdf), 400,
                "date_future")));
        error(upload(token, type, Part.field("date", today.minusYears(1).toString()), pdf), 400, "document_expire");
        // a far past date (a typing slip): refused in words, not the database's "date out of range" as a 500
        JsonObject old = error(upload(token, type, Part.field("date", "-5000-01-01"), pdf),
                400, "date_invalide");
        assertTrue(old.getString("message").contains("01/01/1900"), old.toString());
        // every field refused at once, the first one's code: no type, no date, a false PDF
        JsonObject all = error(upload(token, Part.file("bulletin.pdf", "<html>piège</html>".getBytes(
                java.nio.charset.StandardCharsets.UTF_8))), 400, "type_inconnu");
        assertEquals(List.of("type", "date", "fichier"), all.getJsonArray("champs").stream()
                .map(c -> c.asJsonObject().getString("champ")).toList(), all.toString());
        // not a form, or an unreadable one
        JsonObject json = error(postBody(ALPHA, token, "application/json", "{\"type\": \"DOMICILE\"}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), 415, "format_non_supporte");
        assertTrue(json.getString("message").contains("multipart/form-data"), json.toString());
        error(postBody(ALPHA, token, "multipart/form-data; boundary=pf", "pas un formulaire".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), 400, "requete_invalide");
        assertEquals(before, documentsOf(f.own()), "nothing stored");
        // a child's document with the child: accepted
        HttpResponse<String> child = upload(token, assurance, date, Part.field("enfant", Long.toString(f.own().childId())),
                Part.file("assurance.pdf", PDF));
        assertEquals(201, child.statusCode(), child.body());
        assertEquals(f.own().childId(), ((JsonObject) json(child)).getJsonNumber("enfant").longValue());
        assertEquals("Jade", ((JsonObject) json(child)).getString("enfantPrenom"));
        // more than the host's limit for a whole request (40 Mo): refused on its announced length, before it is read
        String tooBig = OperatorIT.raw(PlatformWebIT.host(ALPHA), "POST " + API + "/documents HTTP/1.1",
                "multipart/form-data; boundary=pf", "Content-Length: " + (41L << 20), "Authorization: Bearer " + token);
        assertTrue(tooBig.startsWith("HTTP/1.1 413"), tooBig);
        assertTrue(tooBig.contains("\"code\":\"envoi_trop_volumineux\""), tooBig);
        assertEquals(before + 1, documentsOf(f.own()));
        // a JSON body over 1 Mio (a selection is some tens of Kio): refused on its announced length, never read whole
        String hugeJson = OperatorIT.raw(PlatformWebIT.host(ALPHA), "POST " + API + "/reservations HTTP/1.1",
                "application/json", "Content-Length: " + (2L << 20), "Authorization: Bearer " + token);
        assertTrue(hugeJson.startsWith("HTTP/1.1 413"), hugeJson);
        assertTrue(hugeJson.contains("\"code\":\"envoi_trop_volumineux\"") && hugeJson.contains("(1 Mo)"), hugeJson);
        // the same body declared as anything but JSON (a wildcard): the resources would read it whole all the same
        String wildcard = OperatorIT.raw(PlatformWebIT.host(ALPHA), "POST " + API + "/reservations HTTP/1.1",
                "*/*", "Content-Length: " + (2L << 20), "Authorization: Bearer " + token);
        assertTrue(wildcard.startsWith("HTTP/1.1 413") && wildcard.contains("(1 Mo)"), wildcard);
        // a method the address does not take (PUT): 405 in JSON, with the methods it takes (Allow, as HTTP requires)
        String put = OperatorIT.raw(PlatformWebIT.host(ALPHA), "PUT " + API + "/reservations HTTP/1.1",
                "application/json", "Content-Length: 6", "Authorization: Bearer " + token);
        assertTrue(put.startsWith("HTTP/1.1 405") && put.contains("\"code\":\"methode_non_autorisee\""), put);
        assertTrue(put.toLowerCase(java.util.Locale.ROOT).contains("\r\nallow: "), put);
    }

    @Test
    void onlyTheFamilysOwnTokenReachesItsDocuments() throws Exception {
        Fixture f = fixture();
        String today = TestDays.today().toString();
        Part[] form = {Part.field("type", "DOMICILE"), Part.field("date", today), Part.file("bulletin.pdf", PDF)};
        long before = documentsOf(f.own());
        HttpResponse<String> anonymous = upload(null, form);
        error(anonymous, 401, "non_authentifie");
        assertTrue(anonymous.headers().firstValue("Location").isEmpty());
        error(get(API + "/documents", null), 401, "non_authentifie");
        String beta = CodeFlowTokens.accessToken(BETA, StackLauncher.parent(BETA), StackLauncher.PASSWORD_PARENT);
        error(upload(beta, form), 401, "jeton_invalide");
        error(get(API + "/documents", beta), 401, "jeton_invalide");
        error(upload(BETA, token(f.own()), form), 401, "jeton_invalide");
        String agent = CodeFlowTokens.accessToken(ALPHA, StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
        error(upload(agent, form), 403, "non_autorise");
        error(get(API + "/documents", agent), 403, "non_autorise");
        error(get(API + "/documents/types", agent), 403, "non_autorise");
        assertEquals(before, documentsOf(f.own()), "nothing stored");
    }

    @Test
    void openApiDescribesTheFamiliesApi() throws Exception {
        // the first request builds the document from the application's classes: slow on a loaded machine
        HttpResponse<String> openapi = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PlatformWebIT.PORT
                        + "/openapi?format=JSON")).header("Host", PlatformWebIT.host(ALPHA)).header("Accept", "application/json")
                .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, openapi.statusCode(), openapi.body());
        for (String path : List.of("/api/famille/v1/enfants", "/api/famille/v1/enfants/{id}/planning",
                "/api/famille/v1/reservations", "/api/famille/v1/factures", "/api/famille/v1/factures/{id}/pdf",
                "/api/famille/v1/fenetres", "/api/famille/v1/fenetres/{id}/demande", "/api/famille/v1/documents",
                "/api/famille/v1/documents/types", "/api/famille/v1/documents/{id}", "/api/famille/v1/documents/{id}/fichier")) {
            assertTrue(openapi.body().contains(path + "\"") || openapi.body().contains(path + ":"), path + " dans " + openapi.body());
        }
        assertTrue(openapi.body().contains("bearer"), "le schéma de sécurité Bearer");
        assertTrue(openapi.body().contains("enfant_inconnu"), "les codes d'erreur");
        assertTrue(openapi.body().contains("multipart/form-data") && openapi.body().contains("NouveauDocument")
                && openapi.body().contains("type_fichier_refuse"), "l'envoi d'un document, son formulaire et ses refus");
    }
}
