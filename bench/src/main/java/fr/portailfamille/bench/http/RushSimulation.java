package fr.portailfamille.bench.http;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The opening rush: {@code bench.n} parents, each with its own real access token of the commune's realm
 * ({@code tokens.csv}: token, child), all started at the same instant (or evenly over {@code bench.ramp} seconds),
 * each sending one call of the families' API for the same first days of the same activity — race mode:
 * {@code POST /api/famille/v1/reservations} (first come, first served on a limited seat count); window mode:
 * {@code POST /api/famille/v1/fenetres/{id}/demande}. Request name "race" or "window". Writes
 * {@code statuses-<mode>.txt}: the count of each HTTP status (of each parent's last call), the burst's duration (first
 * request sent to last answer) and the calls sent ({@code bench.retries}: in window mode a parent whose call failed
 * sends it again at once, as an application would — the request is idempotent).
 */
public class RushSimulation extends Simulation {

    static final String MODE = System.getProperty("bench.mode", "race");
    static final String HOST = System.getProperty("bench.host", "montfaucou.localhost");
    static final String BASE = System.getProperty("bench.base");
    static final int N = Integer.getInteger("bench.n", 500);
    static final Path OUT = Path.of(System.getProperty("bench.out", "bench/target/rush-out"));
    static final String UNIT = System.getProperty("bench.unit");
    static final List<String> DAYS = List.of(System.getProperty("bench.days", "").split(","));
    static final String WINDOW = System.getProperty("bench.window", "0");
    /** Window mode only: how many times a parent sends its request again after a failed call (it is idempotent). */
    static final int RETRIES = MODE.equals("window") ? Integer.getInteger("bench.retries", 0) : 0;
    static final AtomicInteger ATTEMPTS = new AtomicInteger();

    static final Map<Integer, AtomicInteger> STATUSES = new ConcurrentHashMap<>();
    static final AtomicLong FIRST = new AtomicLong(Long.MAX_VALUE);
    static final AtomicLong LAST = new AtomicLong();

    HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .hostNameAliases(Map.of(HOST, List.of("127.0.0.1")))
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .acceptLanguageHeader("fr-FR,fr")
            .disableCaching();

    static String body() {
        List<String> items = new ArrayList<>();
        if (MODE.equals("race")) {
            for (String d : DAYS) {
                items.add("{\"enfant\": #{child}, \"unite\": " + UNIT + ", \"date\": \"" + d + "\", \"action\": \"reserver\"}");
            }
            return "{\"elements\": [" + String.join(", ", items) + "]}";
        }
        for (String d : DAYS) {
            items.add("{\"unite\": " + UNIT + ", \"date\": \"" + d + "\"}");
        }
        return "{\"enfants\": [{\"enfant\": #{child}, \"jours\": [" + String.join(", ", items) + "]}]}";
    }

    ScenarioBuilder rush = scenario("rush-" + MODE).feed(csv(OUT.resolve("tokens.csv").toString()).queue())
            .exec(session -> {
                FIRST.accumulateAndGet(System.nanoTime(), Math::min);
                return session;
            })
            .tryMax(1 + RETRIES).on(io.gatling.javaapi.core.CoreDsl.exec(session -> {
                        ATTEMPTS.incrementAndGet();
                        return session.remove("status");
                    })
                    .exec(http(MODE).post(MODE.equals("race") ? "/api/famille/v1/reservations"
                                    : "/api/famille/v1/fenetres/" + WINDOW + "/demande")
                            .header("Authorization", "Bearer #{token}")
                            .body(StringBody(body()))
                            .check(status().saveAs("status"), status().is(200))))
            .exec(session -> {
                LAST.accumulateAndGet(System.nanoTime(), Math::max);
                int code = session.contains("status") ? session.getInt("status") : 0; // 0: no answer (connection failed)
                STATUSES.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
                return session;
            });

    {
        int ramp = Integer.getInteger("bench.ramp", 0);
        setUp(rush.injectOpen(ramp > 0 ? io.gatling.javaapi.core.CoreDsl.rampUsers(N).during(ramp) : atOnceUsers(N)))
                .protocols(protocol);
    }

    @Override
    public void after() {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(STATUSES).forEach((code, n) -> lines.add("status " + code + " " + n.get()));
        lines.add("burst_ms " + (LAST.get() - FIRST.get()) / 1_000_000);
        lines.add("attempts " + ATTEMPTS.get());
        try {
            Files.write(OUT.resolve("statuses-" + MODE + ".txt"), lines);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
