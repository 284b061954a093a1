package fr.portailfamille.platform.configuration;

import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a transaction already read of the commune's configuration, kept in the JTA transaction's own resources
 * (gone with it, never shared with another request or commune): a page that needs the calendar and the school
 * years reads the calendar periods once. Outside a transaction nothing is kept.
 */
final class PerTransaction {

    private static final String KEY = PerTransaction.class.getName();

    private PerTransaction() {
    }

    /** {@code read}'s value, read at most once per transaction and commune. */
    @SuppressWarnings("unchecked")
    static <T> T memo(TransactionSynchronizationRegistry registry, String name, Supplier<T> read) {
        Map<String, Object> memo = current(registry);
        if (memo == null) {
            return read.get();
        }
        String key = TenantContext.require().schemaName() + '|' + name;
        Object value = memo.get(key);
        if (value == null) {
            value = read.get();
            memo.put(key, value);
        }
        return (T) value;
    }

    /** After a write of the configuration: the transaction reads it again. */
    static void forget(TransactionSynchronizationRegistry registry) {
        Map<String, Object> memo = current(registry);
        if (memo != null) {
            memo.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> current(TransactionSynchronizationRegistry registry) {
        if (registry == null || registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return null;
        }
        Map<String, Object> memo = (Map<String, Object>) registry.getResource(KEY);
        if (memo == null) {
            memo = new HashMap<>();
            registry.putResource(KEY, memo);
        }
        return memo;
    }
}
