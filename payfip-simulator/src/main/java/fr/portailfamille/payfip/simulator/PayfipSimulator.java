package fr.portailfamille.payfip.simulator;

import com.sun.net.httpserver.HttpServer;
import jakarta.xml.ws.Endpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A PayFiP-compatible server on 127.0.0.1: the SOAP service at {@code /tpa/services/securite} (WSDL at
 * {@code ?wsdl}), the payment page at {@code /tpa/paiementws.web?idop=…}, the same paths as PayFiP
 * ({@code https://www.payfip.gouv.fr}). Payments live in memory. A test chooses when {@code urlnotif} is called
 * ({@link #notification}); {@link #decide} does what the payment page does, for tests without a browser.
 */
public final class PayfipSimulator implements AutoCloseable {

    public static final String SERVICE_PATH = "/tpa/services/securite";
    public static final String PAGE_PATH = "/tpa/paiementws.web";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATTRANS = DateTimeFormatter.ofPattern("ddMMyyyy");
    private static final DateTimeFormatter HEURTRANS = DateTimeFormatter.ofPattern("HHmm");

    private final HttpServer server;
    private final ExecutorService executor;
    /** the notifications' own threads (a page request waits for them) */
    private final ExecutorService notifier = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "payfip-simulator-notification");
        t.setDaemon(true);
        return t;
    });
    private final Endpoint endpoint;
    private final Map<String, SimulatedPayment> payments = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** PayFiP: an operation's payment page may be used for 15 minutes after its creation (then P4). */
    public static final Duration EXPIRY = Duration.ofMinutes(15);

    private volatile Clock clock;
    private volatile NotificationMode mode = NotificationMode.BEFORE_REDIRECT;
    private volatile int repeat = 10;
    private volatile Duration afterRedirectDelay = Duration.ofMillis(500);

    private PayfipSimulator(HttpServer server, ExecutorService executor, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.clock = clock;
        this.endpoint = Endpoint.create(new SimulatedPaiementSecuriseService(this));
    }

    /** Starts the simulator on 127.0.0.1 at this port (0: any free port). */
    public static PayfipSimulator start(int port) throws IOException {
        return start(port, Clock.system(PARIS));
    }

    static PayfipSimulator start(int port, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "payfip-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        PayfipSimulator simulator = new PayfipSimulator(server, executor, clock);
        simulator.endpoint.publish(server.createContext(SERVICE_PATH));
        server.createContext(PAGE_PATH, new PaymentPage(simulator));
        server.start();
        return simulator;
    }

    /** Where the SOAP service answers (the platform's {@code pf.payfip.endpoint}). */
    public String endpoint() {
        return base() + SERVICE_PATH;
    }

    /** The payment page, without its {@code idop} parameter (the platform's {@code pf.payfip.payment-page}). */
    public String paymentPage() {
        return base() + PAGE_PATH;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private String base() {
        return "http://127.0.0.1:" + port();
    }

    /** The simulator's clock from now on (tests move it past {@link #EXPIRY}); the system's by default. */
    public void clock(Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock);
    }

    /** Whether an operation is expired: not decided and created {@link #EXPIRY} or more ago. */
    boolean expired(SimulatedPayment p) {
        return p.resultrans() == null && !clock.instant().isBefore(p.created().plus(EXPIRY));
    }

    /** When {@code urlnotif} is called from now on; {@code times} is the count of {@link NotificationMode#REPEATED}. */
    public void notification(NotificationMode mode, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("Au moins une notification : " + times);
        }
        this.mode = mode;
        this.repeat = times;
    }

    public NotificationMode notificationMode() {
        return mode;
    }

    public int notificationRepeat() {
        return repeat;
    }

    /** How long after the redirect an {@link NotificationMode#AFTER_REDIRECT} notification leaves. */
    public void afterRedirectDelay(Duration delay) {
        this.afterRedirectDelay = delay;
    }

    public Optional<SimulatedPayment> payment(String idOp) {
        return Optional.ofNullable(payments.get(idOp));
    }

    /** Forgets every payment (between tests). */
    public void clear() {
        payments.clear();
    }

    SimulatedPayment create(String numcli, String exer, String refdet, String objet, String montant, String mel,
            String urlnotif, String urlredirect, String saisie) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        // PayFiP's ids are UUIDs in their text form, hyphens included (cc0cb210-1cd4-11ea-8cca-0213ad91a103)
        StringBuilder id = new StringBuilder(36);
        for (int i = 0; i < bytes.length; i++) {
            id.append(i == 4 || i == 6 || i == 8 || i == 10 ? "-" : "").append(String.format("%02x", bytes[i]));
        }
        SimulatedPayment p = new SimulatedPayment(id.toString(), numcli, exer, refdet, objet, montant, mel, urlnotif,
                urlredirect, saisie, clock.instant());
        payments.put(p.idOp(), p);
        return p;
    }

    /**
     * What the payment page does when the payer decides: records the result, notifies {@code urlnotif} as chosen (the
     * notifications before the redirect are answered before this returns), and returns where the browser goes next
     * ({@code urlredirect} with {@code idOp}). Empty when the payment is unknown, expired or already decided.
     */
    public Optional<URI> decide(String idOp, Decision decision, boolean debit) {
        return decide(idOp, decision, debit, mode, repeat);
    }

    Optional<URI> decide(String idOp, Decision decision, boolean debit, NotificationMode how, int times) {
        SimulatedPayment p = payments.get(idOp);
        if (p == null || expired(p)) {
            return Optional.empty();
        }
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(PARIS);
        String numauto = decision == Decision.PAYER ? String.format("%06d", random.nextInt(1_000_000)) : null;
        if (!p.decide(decision.resultrans(debit), DATTRANS.format(now), HEURTRANS.format(now), numauto)) {
            return Optional.empty();
        }
        switch (how) {
            case BEFORE_REDIRECT -> notifyOnce(p);
            case REPEATED -> {
                List<CompletableFuture<Void>> all = new ArrayList<>();
                for (int i = 0; i < times; i++) {
                    all.add(CompletableFuture.runAsync(() -> notifyOnce(p), notifier));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            }
            case AFTER_REDIRECT -> CompletableFuture.runAsync(() -> notifyOnce(p),
                    CompletableFuture.delayedExecutor(afterRedirectDelay.toMillis(), TimeUnit.MILLISECONDS, notifier));
            case NEVER -> {
                // the platform has to ask by itself
            }
        }
        return Optional.of(redirect(p));
    }

    /** Sends {@code urlnotif} the notification PayFiP sends: a form POST carrying only {@code idOp}. */
    public void notifyAgain(String idOp) {
        payment(idOp).ifPresent(this::notifyOnce);
    }

    private void notifyOnce(SimulatedPayment p) {
        String body = "idOp=" + p.idOp();
        HttpRequest request = HttpRequest.newBuilder(URI.create(p.urlnotif())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            p.notified(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            p.notified(-1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.notified(-1);
        }
    }

    private static URI redirect(SimulatedPayment p) {
        String url = p.urlredirect();
        return URI.create(url + (url.contains("?") ? "&" : "?") + "idOp=" + p.idOp());
    }

    @Override
    public void close() {
        endpoint.stop();
        server.stop(0);
        executor.shutdownNow();
        notifier.shutdownNow();
    }
}
