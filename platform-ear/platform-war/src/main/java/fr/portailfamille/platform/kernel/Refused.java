package fr.portailfamille.platform.kernel;

import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Message;
import java.util.List;

/**
 * A user's request the platform refuses, with why ({@link #getMessage()} in French, for the API and the logs;
 * {@link #text()} in the language of the page that shows it) and, when the refusal is about one input, that input's
 * name (to show the message next to the field). Nothing was changed. Its texts are in the bundle {@value #BUNDLE}
 * ({@link #text(String, Object...)}).
 */
public class Refused extends RuntimeException implements Explained {

    /** The services' refusals: {@code refusals.properties} in French, {@code refusals_en.properties} in English. */
    public static final String BUNDLE = "fr.portailfamille.platform.kernel.refusals";

    private final String field;
    private final transient Message text;
    private final transient List<FieldError> errors;

    public Refused(String message) {
        this(null, message);
    }

    public Refused(String field, String message) {
        this(field, Message.literal(message));
    }

    public Refused(Message text) {
        this(null, text);
    }

    public Refused(String field, Message text) {
        super(text.french());
        this.field = field;
        this.text = text;
        this.errors = null;
    }

    /**
     * Every problem of one form at once ({@code errors}, at least one): the page shows each beside its field; the
     * message, field and text are the first one's.
     */
    public Refused(List<FieldError> errors) {
        super(errors.get(0).message());
        this.field = errors.get(0).field();
        this.text = errors.get(0).text();
        this.errors = List.copyOf(errors);
    }

    /** The refusals' text of {@code key} ({@value #BUNDLE}), with {@code args}. */
    public static Message text(String key, Object... args) {
        return Message.of(BUNDLE, key, args);
    }

    /** Why, to be read in any language (its French is {@link #getMessage()}). */
    @Override
    public Message text() {
        return text == null ? Message.literal(getMessage()) : text;
    }

    /**
     * The reason of an agent's decision, stripped ({@code null} when none): required to refuse, since it
     * is sent to the family, and 500 characters at most.
     *
     * @throws Refused on the field {@code reason}
     */
    public static String decisionReason(boolean accept, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (!accept && why == null) {
            throw new Refused("reason", Refused.text("decision.reasonRequired"));
        }
        if (TextLimits.exceeds(why, TextLimits.REASON)) {
            throw new Refused("reason", TextLimits.tooLong(Refused.text("common.what.reason"), TextLimits.REASON));
        }
        return why;
    }

    /**
     * A reason a money action requires (a payment cancelled, a credit note, a debit file withdrawn), stripped: kept
     * with the action in the régie's journal, 500 characters at most.
     *
     * @throws Refused on {@code field}: {@code missingKey}'s text when none is given, or too long
     */
    public static String requiredReason(String field, String reason, String missingKey) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null) {
            throw new Refused(field, Refused.text(missingKey));
        }
        if (TextLimits.exceeds(why, TextLimits.REASON)) {
            throw new Refused(field, TextLimits.tooLong(Refused.text("common.what.reason"), TextLimits.REASON));
        }
        return why;
    }

    /** Every problem found, each with its input ("" when about none): this refusal's alone unless made with several. */
    public List<FieldError> errors() {
        return errors != null ? errors : List.of(new FieldError(field == null ? "" : field, text()));
    }

    /** The input the message is about, or {@code null}. */
    public String field() {
        return field;
    }
}
