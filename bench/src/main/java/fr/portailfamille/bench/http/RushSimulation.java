package fr.portailfamille.bench.http;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.header;
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
 * A call answered 503 {@code file_attente} (the platform's surge queue) is sent again after its {@code Retry-After}
 * seconds with its ticket in the {@code File-Attente} header, as the families' app would, until it is served; the
 * time from each parent's first call to its final answer is written to {@code statuses-<mode>.txt} too
 * ({@code answered_p50_ms} … {@code answered_max_ms}) with the number of queue answers ({@code queued}).
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
    /** How many 503 answers of the surge queue the parents got, and each parent's time to its final answer. */
    static final AtomicInteger QUEUED = new AtomicInteger();
    static final java.util.Queue<Long> ANSWERED_MS = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** At most this many queue answers per parent before it gives up (a bound, not a behaviour). */
    static final int QUEUE_ROUNDS = Integer.getInteger("bench.queue.rounds", 1000);

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
                long now = System.nanoTime();
                FIRST.accumulateAndGet(now, Math::min);
                return session.set("start", now).set("again", true).set("ticket", "").set("retries", 0).set("rounds", 0);
            })
            .asLongAs(session -> session.getBoolean("again")).on(io.gatling.javaapi.core.CoreDsl.exec(session -> {
                        ATTEMPTS.incrementAndGet();
                        return session.remove("status").remove("retryAfter");
                    })
                    .exec(http(MODE).post(MODE.equals("race") ? "/api/famille/v1/reservations"
                                    : "/api/famille/v1/fenetres/" + WINDOW + "/demande")
                            .header("Authorization", "Bearer #{token}")
                            .header("File-Attente", "#{ticket}")
                            .body(StringBody(body()))
                            .check(status().saveAs("status"), status().in(200, 503),
                                    header("Retry-After").optional().saveAs("retryAfter"),
                                    jsonPath("$.ticket").optional().saveAs("ticket")))
                    .exec(session -> {
                        int code = session.contains("status") ? session.getInt("status") : 0; // 0: no answer
                        boolean queued = code == 503 && session.contains("retryAfter")
                                && session.getInt("rounds") < QUEUE_ROUNDS;
                        boolean retry = code == 0 && session.getInt("retries") < RETRIES;
                        if (queued) {
                            QUEUED.incrementAndGet();
                        }
                        return session.set("again", queued || retry)
                                .set("rounds", session.getInt("rounds") + (queued ? 1 : 0))
                                .set("retries", session.getInt("retries") + (retry ? 1 : 0))
                                .set("pauseS", queued ? Long.parseLong(session.getString("retryAfter").trim()) : 0L);
                    })
                    .doIf(session -> session.getLong("pauseS") > 0).then(pause(session ->
                            java.time.Duration.ofSeconds(session.getLong("pauseS")))))
            .exec(session -> {
                long now = System.nanoTime();
                LAST.accumulateAndGet(now, Math::max);
                ANSWERED_MS.add((now - session.getLong("start")) / 1_000_000);
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
        lines.add("queued " + QUEUED.get());
        List<Long> answered = new ArrayList<>(ANSWERED_MS);
        java.util.Collections.sort(answered);
        if (!answered.isEmpty()) {
            for (int pct : new int[] {50, 95, 99}) {
                lines.add("answered_p" + pct + "_ms " + answered.get(Math.min(answered.size() - 1, answered.size() * pct / 100)));
            }
            lines.add("answered_max_ms " + answered.get(answered.size() - 1));
        }
        try {
            Files.write(OUT.resolve("statuses-" + MODE + ".txt"), lines);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
