package fr.portailfamille.platform.kernel;

import fr.portailfamille.problems.Message;

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

    /** The input the message is about, or {@code null}. */
    public String field() {
        return field;
    }
}
