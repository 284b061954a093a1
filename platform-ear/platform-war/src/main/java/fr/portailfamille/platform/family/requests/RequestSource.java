package fr.portailfamille.platform.family.requests;

/**
 * A context's share of Mes demandes: one SQL select of the family's requests of its own tables, which the family
 * context unites with the others (one statement for the whole list, its count and Accueil's pending counts).
 *
 * <p>The select restricts its rows to the signed-in family through two relations the family context provides:
 * {@code req_family(id)} — the family's id — and {@code req_children(id, position)} — its children with their
 * position in the file (1 = first, as Mon planning's {@code enfant}). It reads no other context's tables and
 * returns exactly the columns of {@link #COLUMNS}, in order, with these SQL types:
 * <ol>
 * <li>{@code kind} varchar — a {@link RequestKind} name;</li>
 * <li>{@code id} bigint — the request's id in its own table;</li>
 * <li>{@code child_id} bigint — the child concerned, or null for the family;</li>
 * <li>{@code subject} varchar — what is asked (the activity, the day and unit, the document…): names and dates as
 * they are, and the words the code adds as {@code {key}} of the pages' bundle ({@code agent.famille.change.*},
 * {@code requests.subject.*}), which the page writes in its language ({@link RequestLine#subjectIn});</li>
 * <li>{@code made_at} timestamptz — when the family made it;</li>
 * <li>{@code state} varchar — a {@link RequestState} name;</li>
 * <li>{@code decided_at} timestamptz — the decision's time, or null;</li>
 * <li>{@code reason} varchar — the refusal's reason (or the agent's note), or null;</li>
 * <li>{@code target} varchar — the page concerned, from the context path ({@code /espace/…}).</li>
 * </ol>
 */
public interface RequestSource {

    /** The columns every select returns, in order. */
    String COLUMNS = "kind, id, child_id, subject, made_at, state, decided_at, reason, target";

    /**
     * Whether the family may take back its pending requests of {@code kind} from Mes demandes (an activity
     * registration, a school pre-registration, a change of the file); a booking or an absence is taken back on Mon
     * planning, a document on Mes documents.
     */
    default boolean withdraws(RequestKind kind) {
        return false;
    }

    /**
     * The family of {@code user} takes back its pending request {@code id} of {@code kind} (one of {@link #kinds()}
     * that {@link #withdraws}): in the caller's transaction, the row locked, refused when it is not the family's or
     * already decided; nothing when already taken back.
     */
    default void withdraw(fr.portailfamille.platform.security.SignedInUser user, RequestKind kind, long id) {
        throw new UnsupportedOperationException(kind + " is not withdrawn from Mes demandes");
    }

    /** The kinds of requests this source returns. */
    java.util.Set<RequestKind> kinds();

    /** This context's select (no parameters, no trailing semicolon), restricted to {@code req_family} / {@code req_children}. */
    String select();
}
