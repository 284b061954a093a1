package fr.portailfamille.platform.kernel;

import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A form's one-time token: the page gives each form a new one ({@link #next()}), the service records it with what the
 * form records (a {@code form_token} column, unique) and refuses the same token sent again — a double click, a page
 * reloaded after sending — so that a payment, a top-up or a message to families is recorded once.
 */
public final class FormTokens {

    /** The tables keeping their forms' tokens (tenant V35; messages V39; news V52). */
    private static final Set<String> TABLES = Set.of("payment", "wallet_movement", "message_broadcast", "message", "news");

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Field of the refusal, so that the page knows to give its form a new token. */
    public static final String FIELD = "formToken";

    private FormTokens() {
    }

    /** A new token for a form. */
    public static String next() {
        return UUID.randomUUID().toString();
    }

    /**
     * The token {@code posted} as the service keeps it: {@code null} (nothing checked) when there is none or it is not
     * one of {@link #next()}'s.
     */
    public static String of(String posted) {
        return posted != null && TOKEN.matcher(posted).matches() ? posted : null;
    }

    /**
     * Refuses {@code token} when {@code table} already holds it; the same token sent at once twice waits for the first
     * one's transaction (a lock of the transaction on the token), then finds what it recorded.
     *
     * @throws Refused on {@link #FIELD}: "déjà enregistré"
     */
    public static void claim(EntityManager em, String table, String token) {
        if (token == null) {
            return;
        }
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException(table);
        }
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) l").setParameter(1, table + ":" + token)
                .getSingleResult();
        if (!em.createNativeQuery("select 1 from " + table + " where form_token = ?1").setParameter(1, token)
                .getResultList().isEmpty()) {
            throw new Refused(FIELD, Refused.text("form.alreadySent"));
        }
    }

    /** Whether {@code e} is {@link #claim}'s refusal: the form was sent before, its page needs a new token. */
    public static boolean alreadySent(Refused e) {
        return FIELD.equals(e.field());
    }
}
