package fr.portailfamille.problems;

import java.time.temporal.TemporalAccessor;

/**
 * The texts of the rules of this module (configuration, billing, tenancy, messaging, news, documents) that a person
 * reads when an input is refused: bundle {@value #BUNDLE} ({@code problems.properties} in French,
 * {@code problems_en.properties} in English).
 */
public final class Problems {

    public static final String BUNDLE = "fr.portailfamille.problems.problems";

    private Problems() {
    }

    /** The text of {@code key}, with {@code args}. */
    public static Message of(String key, Object... args) {
        return Message.of(BUNDLE, key, args);
    }

    /**
     * {@code value} written by the date-time pattern {@code patternKey} of this bundle ({@code format.*}) in the reader's
     * language, as an argument of another text.
     */
    public static Message dateTime(String patternKey, TemporalAccessor value) {
        return Message.dateTime(BUNDLE, patternKey, value);
    }

    /** A field error whose text is {@code key}'s, with {@code args}. */
    public static FieldError error(String field, String key, Object... args) {
        return new FieldError(field, of(key, args));
    }
}
