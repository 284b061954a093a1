package fr.portailfamille.platform.family.requests;

import java.time.OffsetDateTime;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line of Mes demandes: what the family asked, about which child, when, and what became of it. */
public final class RequestLine {

    private final RequestKind kind;
    private final long id;
    private final String childName;
    private final String subject;
    private final OffsetDateTime madeAt;
    private final RequestState state;
    private final OffsetDateTime decidedAt;
    private final String reason;
    private final String target;

    public RequestLine(RequestKind kind, long id, String childName, String subject, OffsetDateTime madeAt,
                       RequestState state, OffsetDateTime decidedAt, String reason, String target) {
        this.kind = kind;
        this.id = id;
        this.childName = childName;
        this.subject = subject;
        this.madeAt = madeAt;
        this.state = state;
        this.decidedAt = decidedAt;
        this.reason = reason;
        this.target = target;
    }

    public RequestKind getKind() { return kind; }
    public long getId() { return id; }
    /** The child's first name, or null for a request about the family. */
    public String getChildName() { return childName; }
    /** What is asked as the sources wrote it: names and dates, and words as {@code {key}} ({@link RequestSource}). */
    public String getSubject() { return subject; }

    /** What is asked, each {@code {key}} of the pages' bundle written by {@code words} (the page's language). */
    public String subjectIn(UnaryOperator<String> words) {
        return wordsIn(subject, words);
    }

    /** Why it was decided so, each {@code {key}} of the pages' bundle written by {@code words}; or null. */
    public String reasonIn(UnaryOperator<String> words) {
        return reason == null ? null : wordsIn(reason, words);
    }

    private static String wordsIn(String text, UnaryOperator<String> words) {
        Matcher m = WORD.matcher(text == null ? "" : text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(words.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A word of a subject or a reason: the key of the pages' bundle the sources write between braces. */
    private static final Pattern WORD = Pattern.compile("\\{((?:agent\\.famille\\.change|requests\\.subject|requests\\.reason)\\.[A-Za-z._]+)\\}");
    public OffsetDateTime getMadeAt() { return madeAt; }
    public RequestState getState() { return state; }
    public OffsetDateTime getDecidedAt() { return decidedAt; }
    public String getReason() { return reason; }
    /** The page concerned, from the context path. */
    public String getTarget() { return target; }
    /** The request's reference in URLs: kind and id ({@code ABSENCE-12}). */
    public String getRef() { return kind.name() + "-" + id; }
}
