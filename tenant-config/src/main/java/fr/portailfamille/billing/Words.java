package fr.portailfamille.billing;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;

/**
 * A text of the bundle {@value Problems#BUNDLE} that {@link Pricing} writes in French for each case it prices (an
 * invoice line's basis): its French is read once and cut around its arguments, so that writing it is a concatenation
 * of strings, as cheap as a literal's; {@link #of} gives the same text as a {@link Message} to read in a page's
 * language.
 */
final class Words {

    /** The arguments of a text to cut, {@code Problems.of(key, (Object[]) Words.MARKS)}; a text without any is given none. */
    static final Object[] MARKS = {"\u0000" + 0 + "\u0000", "\u0000" + 1 + "\u0000"};

    private final String key;
    /** The French around the arguments: before {0}, between {0} and {1}…, after the last. */
    private final String[] parts;

    /** The text {@code marked}, a key of the bundle given {@link #MARKS} when it has arguments: each once, in order. */
    Words(Message marked) {
        this.key = marked.key();
        String french = marked.french();
        int count = 0;
        while (count < MARKS.length && french.contains((String) MARKS[count])) {
            count++;
        }
        parts = new String[count + 1];
        int from = 0;
        for (int i = 0; i < count; i++) {
            int at = french.indexOf((String) MARKS[i], from);
            if (at < 0) {
                throw new IllegalStateException(key + ": {" + i + "} comes before {" + (i - 1) + "} in its French");
            }
            parts[i] = french.substring(from, at);
            from = at + ((String) MARKS[i]).length();
        }
        parts[count] = french.substring(from);
        for (String p : parts) {
            if (p.indexOf('\u0000') >= 0) {
                throw new IllegalStateException(key + ": an argument appears twice, or {" + count + "} without the ones before");
            }
        }
    }

    /** The text with {@code args}, to read in any language. */
    Message of(Object... args) {
        return Problems.of(key, args);
    }

    /** The French of a text without arguments. */
    String french() {
        return parts[0];
    }

    /** The French with {@code a} as {0}. */
    String french(String a) {
        return parts[0] + a + parts[1];
    }

    /** The French with {@code a} as {0} and {@code b} as {1}. */
    String french(String a, String b) {
        return parts[0] + a + parts[1] + b + parts[2];
    }
}
