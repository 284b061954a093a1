package fr.portailfamille.problems;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * A text for a person, kept as the key of a bundle of messages and its arguments so that it can be read in the
 * reader's language: French ({@link #french()}: the API's messages, the logs, what is stored), English for a page
 * shown to an English browser ({@link #in(Locale)}). With arguments the bundle's text is a {@link MessageFormat}
 * pattern (an apostrophe written twice); an argument that is itself a {@code Message} (a field's name) is read in
 * the same language. A {@linkplain #literal literal} is a text already written, the same in every language (a
 * message a library or the database gave, a name); a {@linkplain #dateTime date-time} is written by a pattern of the
 * bundle in the reader's language ("mardi 1 décembre à 23h59", "Tuesday 1 December at 23:59"); a
 * {@linkplain #written written} text is written by code for the reader's language when read (an amount of euros,
 * {@code Money.amount}: "1 200,60 €", "€1,200.60"). Two messages are equal when their French texts are.
 */
public final class Message {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String bundle;
    private final String key;
    private final Object[] args;
    /** Whether {@code key} is a {@link DateTimeFormatter} pattern for {@code args[0]}, a date or a time. */
    private final boolean temporal;
    /** What writes a {@linkplain #written written} text in a locale, {@code null} for the other messages. */
    private final Function<Locale, String> writer;

    private Message(String bundle, String key, Object[] args, boolean temporal) {
        this.bundle = bundle;
        this.key = Objects.requireNonNull(key, "key");
        this.args = args;
        this.temporal = temporal;
        this.writer = null;
    }

    private Message(Function<Locale, String> writer) {
        this.bundle = null;
        this.key = "";
        this.args = new Object[0];
        this.temporal = false;
        this.writer = writer;
    }

    /**
     * The text of {@code key} in the bundle {@code bundle} (a base name: its default file in French, {@code _en}
     * beside it), its {@code {0}}, {@code {1}}… replaced by {@code args}.
     */
    public static Message of(String bundle, String key, Object... args) {
        return new Message(Objects.requireNonNull(bundle, "bundle"), key, args.clone(), false);
    }

    /**
     * {@code value} (a date, a time, a date-time) written by the {@link DateTimeFormatter} pattern of
     * {@code patternKey} in {@code bundle}, in the reader's language: an argument of another message.
     */
    public static Message dateTime(String bundle, String patternKey, TemporalAccessor value) {
        return new Message(Objects.requireNonNull(bundle, "bundle"), patternKey,
                new Object[] {Objects.requireNonNull(value, "value")}, true);
    }

    /**
     * A text {@code writer} writes in the reader's language when the message is read ({@link #in(Locale)} gives it
     * the locale, French for {@link #french()}): a value a bundle's pattern cannot write, as an argument of another
     * message (an amount of euros: {@code Money.amount(cents)}).
     */
    public static Message written(Function<Locale, String> writer) {
        return new Message(Objects.requireNonNull(writer, "writer"));
    }

    /** A text already written, read the same in every language. */
    public static Message literal(String text) {
        return new Message(null, text == null ? "" : text, new Object[0], false);
    }

    /** The text in French. */
    public String french() {
        return in(Locale.FRENCH);
    }

    /** The text in {@code locale}'s language when its bundle has it, in French otherwise. */
    public String in(Locale locale) {
        Locale l = locale == null ? Locale.FRENCH : locale;
        if (writer != null) {
            return writer.apply(l);
        }
        if (bundle == null) {
            return key;
        }
        String pattern = ResourceBundle.getBundle(bundle, l, Message.class.getClassLoader(), NO_FALLBACK).getString(key);
        if (temporal) {
            return DateTimeFormatter.ofPattern(pattern, l).format((TemporalAccessor) args[0]);
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i] instanceof Message m ? m.in(l) : args[i];
        }
        return new MessageFormat(pattern, l).format(values);
    }

    /** The message's arguments, as given (a copy; none for a literal or a written text). */
    public Object[] args() {
        return args.clone();
    }

    /** The bundle's key, or the text itself for a literal (its French for a written text). */
    public String key() {
        return writer != null ? french() : key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && french().equals(m.french());
    }

    @Override
    public int hashCode() {
        return french().hashCode();
    }

    /** The French text (what a message built from a string before it read). */
    @Override
    public String toString() {
        return french();
    }
}
