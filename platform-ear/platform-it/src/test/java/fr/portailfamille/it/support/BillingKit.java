package fr.portailfamille.it.support;

import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * What the billing tests run inside the container share: the staff they act as (an agent, régisseurs of
 * communes alpha and beta), a parent of a family, communes alpha and beta, work in a commune and in one
 * transaction, plain SQL on the commune's schema, and a PDF's text. A bean of the test deployment: a test
 * class inside the container has it injected ({@code @Inject BillingKit kit}); its static parts serve the
 * tests run as a client too.
 */
@Dependent
public class BillingKit {

    public static final SignedInUser AGENT = staff("alpha", "Agent Alpha", "agent@alpha.test", "agent");
    public static final SignedInUser REGISSEUR = staff("alpha", "Claude Moreau", "regie@alpha.test", "agent", "regisseur");
    public static final SignedInUser REGISSEUR_2 = staff("alpha", "Dominique Roy", "regie2@alpha.test", "agent", "regisseur");
    public static final SignedInUser REGISSEUR_BETA = staff("beta", "Régie Beta", "regie@beta.test", "agent", "regisseur");

    @Inject
    CommuneDirectory directory;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    UserTransaction tx;

    /** A staff member of {@code commune} with these realm roles. */
    public static SignedInUser staff(String commune, String name, String email, String... roles) {
        return new SignedInUser(commune, UUID.randomUUID().toString(), name, email, true, List.of(roles), null);
    }

    /** A parent of {@code commune} signed in with this account (its subject) and e-mail. */
    public static SignedInUser parent(String commune, String subject, String name, String email) {
        return new SignedInUser(commune, subject, name, email, true, List.of("parent"), null);
    }

    /** Today in the communes' time zone. */
    public static LocalDate today() {
        return TestDays.today();
    }

    /** {@code n} random upper-case letters and digits: codes, prefixes and names of one test. */
    public static String random(int n) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, n).toUpperCase();
    }

    /** A fresh invoice prefix starting with {@code letter} (letters and digits only). */
    public static String prefix(String letter) {
        return letter + random(5).replaceAll("[^A-Z0-9]", "X");
    }

    /** The text of a PDF, as PDFBox extracts it. */
    public static String pdfText(byte[] pdf) throws Exception {
        if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-")) {
            throw new AssertionError("not a PDF");
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    public Commune alpha() {
        return directory.bySlug("alpha").orElseThrow();
    }

    public Commune beta() {
        return directory.bySlug("beta").orElseThrow();
    }

    /** Runs {@code work} as commune {@code c}'s (its schema, its rules). */
    public <T> T in(Commune c, Callable<T> work) throws Exception {
        return TenantContext.call(c, work);
    }

    /** Runs {@code work} in the caller's transaction, or in a new one committed (rolled back when it throws). */
    public <T> T inTransaction(Callable<T> work) {
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                return work.call();
            }
            tx.begin();
            try {
                T result = work.call();
                tx.commit();
                return result;
            } catch (Exception e) {
                tx.rollback();
                throw e;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one value of a native query with positional parameters ?1, ?2… */
    public Object one(String sql, Object... params) {
        return inTransaction(() -> query(sql, params).getSingleResult());
    }

    /** The one number of a native query (an id, a count, an amount). */
    public long id(String sql, Object... params) {
        return ((Number) one(sql, params)).longValue();
    }

    /** The rows of a native query. */
    public List<?> list(String sql, Object... params) {
        return inTransaction(() -> query(sql, params).getResultList());
    }

    /** Runs a native statement; the rows it changed. */
    public int update(String sql, Object... params) {
        return inTransaction(() -> query(sql, params).executeUpdate());
    }

    private jakarta.persistence.Query query(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q;
    }
}
