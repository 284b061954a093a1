package fr.portailfamille.platform.ops;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the server log readable when the same failure repeats (a database outage under load once wrote
 * a 12 KB stack trace per request): installed on the log handlers of the process, it lets the first
 * record of a kind of failure through with its stack trace, then, for a minute, the same kind of
 * failure is written on one line without the stack trace; the next full record says how many were
 * shortened. A "kind" is the logger, the level and the exception chain's classes and first frames, so
 * different failures are never merged, and records without an exception are never touched.
 */
@WebListener
public class LogThrottle implements Filter, ServletContextListener {

    static final long WINDOW_NANOS = 60_000_000_000L;
    private static final String SELF = LogThrottle.class.getName();
    /** The platform's own loggers: their per-request lines (with the correlation id) are never dropped. */
    private static final String OWN = "fr.portailfamille.";

    private final Filter previous;
    private final LongSupplier clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Map<Handler, Filter> installed = new IdentityHashMap<>();

    private static final class Window {
        volatile long start;
        final AtomicLong shortened = new AtomicLong();

        Window(long start) {
            this.start = start;
        }
    }

    /** The listener instance (created by the container). */
    public LogThrottle() {
        this(null, System::nanoTime);
    }

    LogThrottle(Filter previous, LongSupplier clock) {
        this.previous = previous;
        this.clock = clock;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (previous != null && !previous.isLoggable(record)) {
            return false;
        }
        Throwable thrown = record.getThrown();
        if (record.getLevel().intValue() < Level.WARNING.intValue()) {
            return true;
        }
        String logger = String.valueOf(record.getLoggerName());
        if (!logger.startsWith(OWN)) {
            // the server's own repeated records (the connection pool writes three per failed request
            // while the database is down): the first of a kind per minute, then a count
            return firstOfTheMinute(record);
        }
        if (thrown == null) {
            return true;
        }
        String key = key(record);
        long now = clock.getAsLong();
        Window w = windows.computeIfAbsent(key, k -> new Window(now - WINDOW_NANOS - 1));
        synchronized (w) {
            if (now - w.start > WINDOW_NANOS) {
                long shortened = w.shortened.getAndSet(0);
                w.start = now;
                if (shortened > 0 && isPlainText(record)) {
                    record.setMessage(record.getMessage() + " [même erreur " + shortened
                            + " fois dans la dernière minute, sans trace]");
                }
                if (windows.size() > 1_000) {
                    windows.clear();
                }
                return true;
            }
            w.shortened.incrementAndGet();
        }
        // the same failure again within the minute: one line, no stack trace
        if (isPlainText(record)) {
            record.setMessage(record.getMessage() + " (" + Outage.describe(thrown) + " ; trace déjà écrite)");
        }
        record.setThrown(null);
        return true;
    }

    private final ConcurrentMap<String, Window> serverWindows = new ConcurrentHashMap<>();

    private boolean firstOfTheMinute(LogRecord record) {
        String key = record.getLoggerName() + '|' + record.getLevel().getName() + '|' + record.getMessage()
                + (record.getThrown() == null ? "" : '|' + key(record));
        long now = clock.getAsLong();
        Window w = serverWindows.computeIfAbsent(key, k -> new Window(now - WINDOW_NANOS - 1));
        long dropped;
        synchronized (w) {
            if (now - w.start <= WINDOW_NANOS) {
                w.shortened.incrementAndGet();
                return false;
            }
            dropped = w.shortened.getAndSet(0);
            w.start = now;
            if (serverWindows.size() > 1_000) {
                serverWindows.clear();
            }
        }
        if (dropped > 0) {
            notice("Message répété " + dropped + " fois dans la dernière minute et non réécrit : "
                    + record.getLoggerName() + " " + record.getMessage());
        }
        return true;
    }

    /**
     * Writes a line of our own about the records held back, from another thread: this filter runs inside a
     * handler's {@code publish}, which holds that handler's lock, and logging from here would take the other
     * handlers' locks in the opposite order of a thread publishing through them (two threads deadlocked
     * that way in CI, and the liveness probe rightly reported the process dead).
     */
    void notice(String message) {
        Thread writer = new Thread(() -> Logger.getLogger(SELF).warning(message), "pf-log-throttle-notice");
        writer.setDaemon(true);
        writer.start();
    }

    /** A message the formatter prints as is (not a key of the logger's resource bundle, as Payara's are). */
    private static boolean isPlainText(LogRecord record) {
        String message = record.getMessage();
        return record.getResourceBundle() == null && message != null && message.indexOf(' ') >= 0;
    }

    /** Logger, level, and the exception chain's classes with their first frame. */
    static String key(LogRecord record) {
        StringBuilder key = new StringBuilder(String.valueOf(record.getLoggerName())).append('|')
                .append(record.getLevel().getName());
        int depth = 0;
        for (Throwable t = record.getThrown(); t != null && depth < 8; t = t.getCause(), depth++) {
            key.append('|').append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            if (frames.length > 0) {
                key.append('@').append(frames[0].getClassName()).append('.').append(frames[0].getMethodName());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return key.toString();
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Logger root = LogManager.getLogManager().getLogger("");
        if (root == null) {
            return;
        }
        synchronized (installed) {
            for (Handler handler : root.getHandlers()) {
                Filter current = handler.getFilter();
                if (current != null && current.getClass().getName().equals(SELF)) {
                    continue; // a previous deployment's throttle is still there
                }
                handler.setFilter(new LogThrottle(current, System::nanoTime));
                installed.put(handler, current);
            }
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        synchronized (installed) {
            List<Handler> handlers = new ArrayList<>(installed.keySet());
            for (Handler handler : handlers) {
                handler.setFilter(installed.get(handler));
            }
            installed.clear();
        }
    }
}
