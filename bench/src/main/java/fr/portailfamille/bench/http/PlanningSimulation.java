package fr.portailfamille.bench.http;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * First one parent loads the planning {@code bench.count.pages} times alone while PostgreSQL's counters
 * ({@code pg_stat_statements}) give the statements and transactions (COMMIT/ROLLBACK) per page; then
 * {@code bench.users} parents, each signed in through the commune's Keycloak form (distinct sessions),
 * load the planning and the commune's 404 page in turn, {@code bench.rounds} rounds of each (ABBA: planning then 404 in
 * odd rounds, 404 then planning in even ones), {@code bench.seconds} of each page in all: same run, same server, same
 * sessions, and a machine whose speed drifts over minutes sees both pages in the same minutes. Each phase's requests
 * and its duration (from the parents' release to the last one's arrival at the next phase) are written to
 * {@code phases.tsv}: its throughput is its requests over its own duration. Request names: "planning" and "404".
 * Last, one parent alone again (a new session, warmed
 * up) loads {@code bench.cpu.pages} planning pages then as many 404 pages while Payara Micro's CPU time is read
 * ({@code bench.payara.pid}): the CPU per request of each page, written to {@code cpu.tsv}.
 */
public class PlanningSimulation extends Simulation {

    static final String HOST = System.getProperty("bench.host", "montfaucou.localhost");
    static final String BASE = System.getProperty("bench.base", "http://montfaucou.localhost:8080");
    static final String PLANNING = "/espace/planning.xhtml?enfant=1&mois=" + System.getProperty("bench.month", "2026-12");
    static final String MISSING = "/espace/page-inexistante.xhtml";
    static final int USERS = Integer.getInteger("bench.users", 50);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    /** Rounds of the measured phases: each page {@code SECONDS / ROUNDS} seconds per round. */
    static final int ROUNDS = Math.max(1, Integer.getInteger("bench.rounds", 4));
    static final int WARMUP = Integer.getInteger("bench.warmup", 15);
    static final int COUNT_PAGES = Integer.getInteger("bench.count.pages", 20);
    static final Path OUT = Path.of(System.getProperty("bench.out", "bench/target/http-out"));
    static final String JDBC = System.getProperty("bench.jdbc");
    /** Payara Micro's process: its CPU time is read around one parent's pages ({@link #cpu}). */
    static final long PAYARA_PID = Long.getLong("bench.payara.pid", 0);
    static final int CPU_PAGES = Integer.getInteger("bench.cpu.pages", 100);

    HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .hostNameAliases(Map.of(HOST, List.of("127.0.0.1")))
            .acceptLanguageHeader("fr-FR,fr")
            .disableCaching()
            .shareConnections()
            .maxConnectionsPerHost(USERS);

    /**
     * The planning page is there: its grid's table. A plain search in the body, not a CSS selector: Gatling shares the
     * server's two cores, and parsing each planning page into a DOM (the 404 page is checked by its status only) cost it
     * several milliseconds of CPU per page, taken from the server it measures.
     */
    static final io.gatling.javaapi.core.CheckBuilder CALENDAR = io.gatling.javaapi.core.CoreDsl.substring("id=\"calendar\"").exists();

    /** The commune's page, Keycloak's login form, the platform's session. */
    static ChainBuilder signIn() {
        return io.gatling.javaapi.core.CoreDsl.exec(http("sign-in form").get(PLANNING)
                        .check(css("#kc-form-login", "action").saveAs("action")))
                .exec(http("sign-in").post("#{action}")
                        .formParam("username", "#{email}").formParam("password", "#{password}")
                        .check(status().is(200), CALENDAR));
    }

    ScenarioBuilder count = scenario("count").feed(csv(OUT.resolve("counter.csv").toString()).circular())
            .exec(signIn())
            .repeat(3).on(io.gatling.javaapi.core.CoreDsl.exec(http("count warm-up").get(PLANNING).check(status().is(200))))
            .exec(session -> {
                snapshot("before");
                return session;
            })
            .repeat(COUNT_PAGES).on(io.gatling.javaapi.core.CoreDsl.exec(http("count").get(PLANNING)
                    .check(status().is(200), CALENDAR)))
            .exec(session -> {
                snapshot("after");
                return session;
            });

    ScenarioBuilder load = scenario("load").feed(csv(OUT.resolve("parents.csv").toString()).queue())
            .exec(signIn())
            .rendezVous(USERS)
            .during(WARMUP).on(io.gatling.javaapi.core.CoreDsl.exec(http("warm-up planning").get(PLANNING).check(status().is(200)))
                    .exec(http("warm-up 404").get(MISSING).check(status().is(404))))
            .rendezVous(USERS)
            .exec(measured());

    /** One measured phase of each page per round, in ABBA order, the parents meeting before each phase. */
    static ChainBuilder measured() {
        PHASES.clear();
        ChainBuilder chain = io.gatling.javaapi.core.CoreDsl.exec(session -> session);
        for (int round = 1; round <= ROUNDS; round++) {
            boolean planningFirst = round % 2 == 1;
            chain = chain.exec(phase(round, planningFirst)).exec(phase(round, !planningFirst));
        }
        return chain;
    }

    /** A phase: its page loaded by every parent for {@code SECONDS / ROUNDS} seconds, each request counted. */
    static ChainBuilder phase(int round, boolean planning) {
        Phase phase = new Phase(planning ? "planning" : "404", round);
        PHASES.add(phase);
        io.gatling.javaapi.http.HttpRequestActionBuilder request = planning
                ? http("planning").get(PLANNING).check(status().is(200), CALENDAR)
                : http("404").get(MISSING).check(status().is(404));
        return io.gatling.javaapi.core.CoreDsl.exec(session -> {
                    phase.started();
                    return session;
                })
                .during(Math.max(1, SECONDS / ROUNDS)).on(io.gatling.javaapi.core.CoreDsl.exec(request).exec(session -> {
                    phase.served();
                    return session;
                }))
                .exec(session -> {
                    phase.ended();
                    return session;
                })
                .rendezVous(USERS);
    }

    /** The phases in the order they run. */
    static final List<Phase> PHASES = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** One page's phase of one round: from the first parent's start to the last one's end, its requests. */
    static final class Phase {
        final String page;
        final int round;
        private long start = Long.MAX_VALUE;
        private long end;
        private long requests;

        Phase(String page, int round) {
            this.page = page;
            this.round = round;
        }

        synchronized void started() {
            start = Math.min(start, System.nanoTime());
        }

        synchronized void served() {
            requests++;
        }

        synchronized void ended() {
            end = Math.max(end, System.nanoTime());
        }

        /** "planning\t1\t612\t7512": page, round, requests (OK or not: Gatling's report counts the failed), milliseconds. */
        synchronized String line() {
            return page + "\t" + round + "\t" + requests + "\t" + (end - start) / 1_000_000;
        }
    }

    /** phases.tsv, once the load is over. */
    static void writePhases() {
        try {
            Files.write(OUT.resolve("phases.tsv"), PHASES.stream().map(Phase::line).toList());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The server's CPU per page, one parent alone after the load (the JIT has compiled the hot paths): a new session,
     * warmed up, then {@code bench.cpu.pages} planning pages, then as many 404 pages, sequential.
     */
    ScenarioBuilder cpu = scenario("cpu").feed(csv(OUT.resolve("counter.csv").toString()).circular())
            .exec(session -> {
                writePhases();
                return session;
            })
            .exec(signIn())
            .repeat(10).on(io.gatling.javaapi.core.CoreDsl.exec(http("cpu warm-up").get(PLANNING).check(status().is(200)))
                    .exec(http("cpu warm-up 404").get(MISSING).check(status().is(404))))
            .exec(session -> session.set("cpu0", cpu()))
            .repeat(CPU_PAGES).on(io.gatling.javaapi.core.CoreDsl.exec(http("cpu planning").get(PLANNING)
                    .check(status().is(200), CALENDAR)))
            .exec(session -> session.set("cpu1", cpu()))
            .repeat(CPU_PAGES).on(io.gatling.javaapi.core.CoreDsl.exec(http("cpu 404").get(MISSING).check(status().is(404))))
            .exec(session -> {
                long end = cpu();
                try {
                    Files.write(OUT.resolve("cpu.tsv"), List.of("planning\t" + (session.getLong("cpu1") - session.getLong("cpu0")),
                            "404\t" + (end - session.getLong("cpu1")), "pages\t" + CPU_PAGES));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return session;
            });

    {
        setUp(count.injectOpen(atOnceUsers(1)).andThen(load.injectOpen(atOnceUsers(USERS))
                .andThen(cpu.injectOpen(atOnceUsers(1))))).protocols(protocol);
    }

    /** Payara Micro's CPU time so far (user + system, /proc/&lt;pid&gt;/stat), in milliseconds; 0 without its pid. */
    static long cpu() {
        if (PAYARA_PID == 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + PAYARA_PID + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime, stime in ticks of 10 ms (USER_HZ 100)
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** pg_stat_statements of the platform's database: each statement's calls, written to counts-&lt;name&gt;.tsv. */
    static void snapshot(String name) {
        try (Connection c = DriverManager.getConnection(JDBC, "postgres", "postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select s.calls, regexp_replace(s.query, '\\s+', ' ', 'g') from pg_stat_statements s"
                     + " join pg_database d on d.oid = s.dbid where d.datname = 'portail' and s.query not like '%pg_stat%'")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getLong(1) + "\t" + rs.getString(2));
            }
            Files.write(OUT.resolve("counts-" + name + ".tsv"), lines);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
