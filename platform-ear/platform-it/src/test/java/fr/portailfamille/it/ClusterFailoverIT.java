package fr.portailfamille.it;

import static fr.portailfamille.it.PlanningWalkIT.state;
import static fr.portailfamille.it.PlanningWalkIT.tap;
import static fr.portailfamille.it.PlanningWalkIT.toggle;
import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.devstack.DevStack;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.ClusterNode;
import fr.portailfamille.it.support.LoadBalancer;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.tenancy.Commune;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;

/**
 * Sessions survive an instance (issue 13): two more Payara Micro instances of the same WAR, clustered with each other
 * on 127.0.0.1 (Hazelcast, {@code <distributable/>}), behind a non-sticky round-robin HAProxy. A parent signs in through
 * HAProxy (the login's pending state is saved by one instance, the callback served by the other), confirms two days of
 * Mon planning and selects two more without confirming; the instance that served the last request is killed (SIGKILL);
 * the parent carries on, signed in, the selection in progress still there, the confirmed days too; a third instance
 * joins, serves the parent's next requests, and the selection is confirmed. Also measured: a planning page's time with
 * the session alone on one instance against replicated to a second one. Checked from HAProxy's log: no request of the
 * session was in progress while one of the parent's posts was (Payara writes each instance's whole copy of the session
 * back after every request, so two at once on two instances lose the older change). Runs after the other client
 * classes and before the outage drill, which stops the shared stack.
 */
@Order(Order.DEFAULT + 1)
// opt-in, 394-543 s here, mostly booting three instances (README, "Sessions across instances"): -Dpf.it.cluster=true
@EnabledIfSystemProperty(named = "pf.it.cluster", matches = "true")
class ClusterFailoverIT {

    static final int LB = Integer.getInteger("it.port.haproxy");
    static final int[] PORTS = {Integer.getInteger("it.port.node1"), Integer.getInteger("it.port.node2"),
            Integer.getInteger("it.port.node3")};
    /** Hazelcast ports of the three instances: from it.port.nodes-cluster on. */
    static final List<Integer> HAZELCAST = List.of(Integer.getInteger("it.port.nodes-cluster"),
            Integer.getInteger("it.port.nodes-cluster") + 1, Integer.getInteger("it.port.nodes-cluster") + 2);
    static final String PASSWORD = "Grappe2026";
    /** generous: the two cores may be shared with other builds (47 s for the pair on a quiet machine) */
    static final Duration BOOT = Duration.ofMinutes(10);

    @Test
    void theParentCarriesOnWhenTheInstanceThatServedHimIsKilledAndAThirdOneJoins() throws Exception {
        LoadBalancer.binary(); // a clear message when HAProxy is missing, before anything starts
        DevStack stack = StackLauncher.stack();
        String base = "http://" + ALPHA + ".localhost:" + LB;
        Commune alpha = stack.tenantStore().findBySlug(ALPHA).orElseThrow();
        List<String> usual = stack.provisioner().baseUrls(alpha);
        List<ClusterNode> nodes = new ArrayList<>();
        LoadBalancer lb = null;
        try {
            // the commune's Keycloak client also accepts the load balancer's address (and links its theme there)
            List<String> withLb = new ArrayList<>(List.of(base));
            withLb.addAll(usual);
            stack.realmProvisioner().ensureRealm(alpha, withLb);

            long boot = System.nanoTime();
            nodes.add(ClusterNode.start("node1", PORTS[0], HAZELCAST.get(0), HAZELCAST));
            nodes.add(ClusterNode.start("node2", PORTS[1], HAZELCAST.get(1), HAZELCAST));
            CompletableFuture.allOf(nodes.stream().map(n -> CompletableFuture.runAsync(() -> {
                try {
                    n.awaitUp(BOOT);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            })).toArray(CompletableFuture[]::new)).join();
            System.out.println("[ClusterFailoverIT] deux instances prêtes en " + (System.nanoTime() - boot) / 1_000_000 + " ms");
            awaitMembers(nodes, 2);
            Map<String, Integer> servers = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                servers.put("node" + (i + 1), PORTS[i]);
            }
            lb = LoadBalancer.start(LB, servers);
            lb.awaitInService("node1", Duration.ofSeconds(20));
            lb.awaitInService("node2", Duration.ofSeconds(20));

            PlanningWalkIT.Phone p = PlanningWalkIT.phoneFamily(PASSWORD);
            LocalDate monday = p.monday();
            LocalDate tuesday = monday.plusDays(1);
            LocalDate late = monday.plusWeeks(2);
            try (Browser parent = new Browser()) {
                String planning = base + "/espace/planning.xhtml?enfant=1&mois=" + p.month();
                parent.get(planning);
                parent.signIn(p.email(), PASSWORD);
                parent.awaitUrlStartingWith(planning);
                parent.await(By.id("calendar"));
                trace(parent, lb, "étape 1");
                Set<String> servedLogin = lb.served().stream().map(LoadBalancer.Served::server).collect(Collectors.toSet());
                assertTrue(servedLogin.containsAll(Set.of("node1", "node2")),
                        "la connexion passe par les deux instances (pas d'affinité) : " + lb.served());

                // two days confirmed, two more selected and not confirmed
                tap(parent, toggle(monday, p.matin()), true);
                trace(parent, lb, "étape 2");
                tap(parent, toggle(monday, p.midi()), true);
                trace(parent, lb, "étape 3");
                parent.ajax(By.id("planning:review"));
                trace(parent, lb, "étape 4");
                parent.ajax(By.id("planning:confirm"));
                trace(parent, lb, "étape 5");
                assertTrue(parent.await(By.cssSelector("#summary .pf-info")).getText().startsWith("Sélection validée : 2 sur 2"),
                        parent.driver.findElement(By.id("summary")).getText());
                tap(parent, toggle(tuesday, p.midi()), true);
                trace(parent, lb, "étape 6");
                tap(parent, toggle(tuesday, p.soir()), true);
                trace(parent, lb, "étape 7");
                assertEquals("2 journée(s) sélectionnée(s)", parent.driver.findElement(By.id("planning:count")).getText());
                List<LoadBalancer.Served> pagePosts = posts(lb.served());
                assertTrue(pagePosts.stream().map(LoadBalancer.Served::server).distinct().count() == 2,
                        "les requêtes AJAX de la page alternent entre les deux instances : " + pagePosts);

                // the instance that served the last request dies
                String last = pagePosts.get(pagePosts.size() - 1).server();
                ClusterNode killed = nodes.stream().filter(n -> n.name.equals(last)).findFirst().orElseThrow();
                ClusterNode survivor = nodes.stream().filter(n -> !n.name.equals(last)).findFirst().orElseThrow();
                killed.kill();
                System.out.println("[ClusterFailoverIT] " + last + " tué (SIGKILL) après la dernière requête du parent");
                int before = lb.served().size();

                // the parent carries on: signed in, the selection in progress kept, the confirmed days there
                tap(parent, toggle(late, p.soir()), true);
                trace(parent, lb, "étape 8");
                assertEquals(null, parent.driver.executeScript(
                        "return document.documentElement.getAttribute('data-pf-ajax-error');"), "la requête AJAX aboutit");
                assertEquals("3 journée(s) sélectionnée(s)", parent.driver.findElement(By.id("planning:count")).getText(),
                        "la sélection en cours a survécu à l'instance");
                assertEquals("Sélectionné", state(parent, tuesday, p.midi()));
                assertEquals("Sélectionné", state(parent, tuesday, p.soir()));
                assertEquals("Réservé (annulable)", state(parent, monday, p.matin()));
                assertEquals("Réservé (annulable)", state(parent, monday, p.midi()));
                List<LoadBalancer.Served> after = posts(lb.servedSince(before));
                assertFalse(after.isEmpty());
                assertTrue(after.stream().allMatch(s -> s.server().equals(survivor.name) && s.status() == 200),
                        "servi par l'instance restante : " + after);

                // the selection, made on two instances, confirmed on the one left
                parent.ajax(By.id("planning:review"));
                trace(parent, lb, "étape 9");
                assertEquals(3, parent.await(By.id("recap")).findElements(By.cssSelector("tbody tr")).size());
                parent.ajax(By.id("planning:confirm"));
                trace(parent, lb, "étape 10");
                assertTrue(parent.await(By.cssSelector("#summary .pf-info")).getText().startsWith("Sélection validée : 3 sur 3"),
                        parent.driver.findElement(By.id("summary")).getText());

                // the page's time with the parent's session alone on one instance, then replicated to a second one
                Map<String, String> cookies = new LinkedHashMap<>();
                parent.driver.manage().getCookies().forEach(c -> cookies.put(c.getName(), c.getValue()));
                String page = "/espace/planning.xhtml?enfant=1&mois=" + p.month();
                long[] alone = timings(survivor.port, page, cookies);

                // a third instance joins the cluster and HAProxy puts it in service
                long joining = System.nanoTime();
                ClusterNode third = ClusterNode.start("node3", PORTS[2], HAZELCAST.get(2), HAZELCAST);
                nodes.add(third);
                third.awaitUp(BOOT);
                lb.awaitInService("node3", Duration.ofSeconds(20));
                awaitMembers(List.of(third), 2);
                System.out.println("[ClusterFailoverIT] troisième instance en service en "
                        + (System.nanoTime() - joining) / 1_000_000 + " ms");
                long[] replicated = timings(survivor.port, page, cookies);
                System.out.println("[ClusterFailoverIT] Mon planning (GET, même session), médiane / p90 sur "
                        + alone.length + " requêtes : seule dans sa grappe " + median(alone) + " / " + p90(alone)
                        + " ms ; répliquée vers une 2e instance " + median(replicated) + " / " + p90(replicated) + " ms");

                // the parent goes on through HAProxy, now balanced between the survivor and the newcomer
                int joined = lb.served().size();
                parent.get(planning);
                parent.await(By.id("calendar"));
                trace(parent, lb, "étape 11");
                assertTrue(parent.driver.getCurrentUrl().startsWith(planning), "toujours connecté : " + parent.driver.getCurrentUrl());
                assertEquals("Réservé (annulable)", state(parent, monday, p.matin()));
                assertEquals("Réservé (annulable)", state(parent, monday, p.midi()));
                assertEquals("Réservé (annulable)", state(parent, tuesday, p.midi()));
                assertEquals("Réservé (annulable)", state(parent, tuesday, p.soir()));
                assertEquals("Réservé (annulable)", state(parent, late, p.soir()));
                tap(parent, toggle(late, p.midi()), true);
                trace(parent, lb, "étape 12");
                tap(parent, toggle(late, p.matin()), true);
                trace(parent, lb, "étape 13");
                tap(parent, toggle(late, p.matin()), true);
                trace(parent, lb, "étape 14");
                assertEquals("1 journée(s) sélectionnée(s)", parent.driver.findElement(By.id("planning:count")).getText());
                parent.ajax(By.id("planning:review"));
                trace(parent, lb, "étape 15");
                parent.ajax(By.id("planning:confirm"));
                trace(parent, lb, "étape 16");
                assertTrue(parent.await(By.cssSelector("#summary .pf-info")).getText().startsWith("Sélection validée : 1 sur 1"),
                        parent.driver.findElement(By.id("summary")).getText());
                assertEquals("Réservé (annulable)", state(parent, late, p.midi()));
                List<LoadBalancer.Served> sinceJoin = posts(lb.servedSince(joined));
                assertTrue(sinceJoin.stream().anyMatch(s -> s.server().equals("node3")),
                        "la troisième instance sert le parent : " + sinceJoin);
                assertTrue(sinceJoin.stream().anyMatch(s -> s.server().equals(survivor.name)), "et l'autre aussi : " + sinceJoin);
                assertTrue(lb.servedSince(joined).stream().allMatch(s -> s.status() < 400), "aucune erreur : "
                        + lb.servedSince(joined));
                assertEquals("", parent.accessibilityViolations(), "axe-core, Mon planning derrière HAProxy");
                // what makes the replicated session right: no request of the parent in progress on one instance while
                // the other saves a change (each instance writes back its whole copy of the session after each request)
                List<LoadBalancer.Served> all = lb.served();
                for (LoadBalancer.Served post : posts(all)) {
                    List<LoadBalancer.Served> together = all.stream().filter(s -> s != post && s.overlaps(post)).toList();
                    assertTrue(together.isEmpty(), "requête de la même session pendant " + post + " : " + together);
                }
                Browser.screenshot(parent, "planning-grappe");
            }
            assertEquals(6, PlanningWalkIT.bookedCount(p.email()), "deux, trois puis une journée réservées, chacune une seule fois");
            for (ClusterNode n : nodes) {
                if (n.alive()) {
                    assertFalse(n.logText().contains("NotSerializableException"), n.name + " : " + n.tail());
                }
            }
        } finally {
            if (lb != null) {
                lb.close();
            }
            nodes.forEach(ClusterNode::close);
            stack.realmProvisioner().ensureRealm(alpha, usual);
        }
    }

    /** What the last step left: the server of the last request, the browser's cookies, a Faces AJAX error if any. */
    static void trace(Browser b, LoadBalancer lb, String step) throws Exception {
        List<LoadBalancer.Served> served = lb.served();
        String cookies = b.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        Object error = b.driver.executeScript("return document.documentElement.getAttribute('data-pf-ajax-error');");
        System.out.println("[ClusterFailoverIT] " + step + " — dernière requête : "
                + (served.isEmpty() ? "-" : served.get(served.size() - 1)) + " — cookies : " + cookies
                + (error == null ? "" : " — ERREUR AJAX : " + error));
    }

    /** The parent's Faces posts on Mon planning, in the order they were served. */
    static List<LoadBalancer.Served> posts(List<LoadBalancer.Served> served) {
        return served.stream().filter(s -> s.method().equals("POST") && s.path().startsWith("/espace/planning.xhtml")).toList();
    }

    /**
     * Waits until one of {@code nodes} says the cluster has {@code members} instances: Payara logs the cluster's state
     * when an instance starts and when one joins or leaves, but an instance still booting when its peer joins does not
     * always log the join, so the latest report of either instance counts.
     */
    static void awaitMembers(List<ClusterNode> nodes, int members) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            for (ClusterNode node : nodes) {
                if (node.clusterSize() == members) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(nodes.stream().map(n -> n.name).toList() + " : aucune ne voit " + members
                        + " instances :\n" + nodes.get(0).tail());
            }
            Thread.sleep(250);
        }
    }

    /** Twenty GETs of a page on one instance with the parent's cookies (after three to warm up): each in ms. */
    static long[] timings(int port, String page, Map<String, String> cookies) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String cookie = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        long[] ms = new long[20];
        for (int i = -3; i < ms.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
                    .header("Host", ALPHA + ".localhost:" + LB).header("Cookie", cookie)
                    .header("Accept-Language", "fr-FR,fr;q=0.9").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "connecté, la page s'affiche : " + r.headers().map());
            assertTrue(r.body().contains("id=\"calendar\""), "Mon planning");
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        return ms;
    }

    static long median(long[] ms) {
        long[] s = ms.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static long p90(long[] ms) {
        long[] s = ms.clone();
        Arrays.sort(s);
        return s[(int) Math.ceil(s.length * 0.9) - 1];
    }
}
