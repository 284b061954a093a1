package fr.portailfamille.platform.kernel;

import fr.portailfamille.problems.Message;

/**
 * Maximum lengths of the free texts families and agents type, as the columns of the Flyway migrations
 * hold them (a longer text must be refused with a message next to its field, never reach the database
 * as a 500 page). The pages show the same numbers ({@code maxlength}, a hint).
 */
public final class TextLimits {

    /** Absence comment, school request comment ({@code varchar(500)}). */
    public static final int COMMENT = 500;
    /** An agent's refusal reason, sent to the family ({@code varchar(500)}). */
    public static final int REASON = 500;
    /** An uploaded file's stored name ({@code varchar(200)}). */
    public static final int FILE_NAME = UploadChecker.MAX_NAME_LENGTH;

    private TextLimits() {
    }

    /** "Le commentaire ne doit pas dépasser 500 caractères." */
    public static String tooLong(String what, int max) {
        return what + " ne doit pas dépasser " + max + " caractères.";
    }

    /** "{@code what} ne doit pas dépasser {@code max} caractères." in any language ({@code what}: "Le motif"…). */
    public static Message tooLong(Message what, int max) {
        return Refused.text("common.tooLong", what, max);
    }

    /** Whether a typed text, once stripped, is longer than {@code max} characters (null is not). */
    public static boolean exceeds(String text, int max) {
        return text != null && text.strip().length() > max;
    }
}
