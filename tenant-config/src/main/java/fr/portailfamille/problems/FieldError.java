package fr.portailfamille.problems;

/**
 * A refused input, with the field it concerns and why: {@link #message()} in French (the API's message, the logs),
 * {@link #text()} in any language a page reads it in. Built from a string, the text is a {@linkplain Message#literal
 * literal}, the same in every language.
 */
public record FieldError(String field, Message text) {

    public FieldError {
        text = text == null ? Message.literal("") : text;
    }

    public FieldError(String field, String message) {
        this(field, Message.literal(message));
    }

    /** Why, in French. */
    public String message() {
        return text.french();
    }

    @Override
    public String toString() {
        return field + " : " + message();
    }
}
