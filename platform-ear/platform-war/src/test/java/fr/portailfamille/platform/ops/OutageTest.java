package fr.portailfamille.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Which failures mean "a service is down", and how repeated stack traces are kept out of the log. */
class OutageTest {

    @Test
    void databaseAndKeycloakFailuresAreRecognised() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        assertEquals(Optional.of(Outage.Cause.DATABASE),
                Outage.classify(new IllegalStateException("Lecture des communes impossible", refused)));
        assertEquals(Optional.of(Outage.Cause.DATABASE), Outage.classify(new RuntimeException(
                new SQLException("Error in allocating a connection. Cause: Connection could not be allocated"))));
        assertEquals(Optional.of(Outage.Cause.DATABASE), Outage.classify(new RuntimeException(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"))));
        assertEquals(Optional.of(Outage.Cause.IDENTITY), Outage.classify(
                new Exception("Connexion impossible", new ConnectException("Connection refused"))));
        assertEquals(Optional.of(Outage.Cause.IDENTITY),
                Outage.classify(new Outage.UnavailableException(Outage.Cause.IDENTITY, null)));
        // a bug is not an outage
        assertEquals(Optional.empty(), Outage.classify(new NullPointerException()));
        assertEquals(Optional.empty(), Outage.classify(new RuntimeException(new SQLException("duplicate key", "23505"))));
    }

    @Test
    void describeIsOneShortLine() {
        String d = Outage.describe(new RuntimeException("a", new SQLException("line1\nline2 " + "x".repeat(500))));
        assertTrue(d.startsWith("SQLException : line1 line2"), d);
        assertTrue(d.length() < 260 && !d.contains("\n"), d);
    }

    private static LogRecord record(Throwable t) {
        LogRecord r = new LogRecord(Level.SEVERE, "Erreur inattendue [abc] sur GET /");
        r.setLoggerName("fr.portailfamille.platform.ops.FailureFilter");
        r.setThrown(t);
        return r;
    }

    @Test
    void sameFailureKeepsItsStackTraceOnceAMinute() {
        AtomicLong now = new AtomicLong(1_000_000_000_000L);
        LogThrottle throttle = new LogThrottle(null, now::get);
        IllegalStateException failure = new IllegalStateException("boom");
        LogRecord first = record(failure);
        assertTrue(throttle.isLoggable(first));
        assertNotNull(first.getThrown(), "first occurrence: full trace");
        for (int i = 0; i < 100; i++) {
            LogRecord again = record(new IllegalStateException("boom"));
            now.addAndGet(100_000_000L); // 10 s for the 100
            assertTrue(throttle.isLoggable(again), "never lost: one line");
            assertNull(again.getThrown(), "no trace again within the minute");
            assertTrue(again.getMessage().contains("trace déjà écrite"), again.getMessage());
        }
        LogRecord other = record(new UnsupportedOperationException("other"));
        assertTrue(throttle.isLoggable(other));
        assertNotNull(other.getThrown(), "a different failure keeps its trace");
        now.addAndGet(LogThrottle.WINDOW_NANOS + 1);
        LogRecord later = record(new IllegalStateException("boom"));
        assertTrue(throttle.isLoggable(later));
        assertNotNull(later.getThrown(), "a minute later: the trace again");
        assertTrue(later.getMessage().contains("100 fois"), later.getMessage());
        // the server's repeated records: the first of the minute only
        for (int i = 0; i < 50; i++) {
            LogRecord pool = new LogRecord(Level.SEVERE, "RAR7115: Unable to set ClientInfo for connection");
            pool.setLoggerName("javax.enterprise.resource.resourceadapter.com.sun.gjc.spi.jdbc40");
            assertEquals(i == 0, throttle.isLoggable(pool), "record " + i);
        }
        LogRecord plain = new LogRecord(Level.WARNING, "no exception");
        plain.setLoggerName("fr.portailfamille.platform.ops.Outage");
        assertTrue(throttle.isLoggable(plain));
        assertEquals("no exception", plain.getMessage());
    }

    @Test
    void theCountOfHeldBackRecordsIsWrittenFromAnotherThreadNeverInsideTheHandler() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000_000L);
        CompletableFuture<Thread> writer = new CompletableFuture<>();
        List<String> written = new CopyOnWriteArrayList<>();
        LogThrottle throttle = new LogThrottle(null, now::get) {
            @Override
            void notice(String message) {
                written.add(message);
                Thread caller = Thread.currentThread();
                super.notice(message);
                writer.complete(caller);
            }
        };
        Logger own = Logger.getLogger(LogThrottle.class.getName());
        CompletableFuture<Thread> published = new CompletableFuture<>();
        Handler probe = new Handler() {
            @Override
            public void publish(LogRecord r) {
                published.complete(Thread.currentThread());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        own.addHandler(probe);
        try {
            for (int i = 0; i < 3; i++) {
                assertEquals(i == 0, throttle.isLoggable(pool()), "record " + i);
            }
            assertTrue(written.isEmpty(), "nothing written while records are held back");
            now.addAndGet(LogThrottle.WINDOW_NANOS + 1);
            assertTrue(throttle.isLoggable(pool()), "the first of the next minute");
            assertEquals(1, written.size());
            assertTrue(written.get(0).contains("2 fois"), written.get(0));
            Thread caller = writer.get(5, TimeUnit.SECONDS);
            Thread publisher = published.get(5, TimeUnit.SECONDS);
            assertTrue(publisher != caller, "the notice goes through the handlers on a thread of its own");
        } finally {
            own.removeHandler(probe);
        }
    }

    private static LogRecord pool() {
        LogRecord pool = new LogRecord(Level.SEVERE, "RAR7115: Unable to set ClientInfo for connection");
        pool.setLoggerName("javax.enterprise.resource.resourceadapter.com.sun.gjc.spi.jdbc40");
        return pool;
    }
}
