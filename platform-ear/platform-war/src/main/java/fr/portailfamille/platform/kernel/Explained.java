package fr.portailfamille.platform.kernel;

import fr.portailfamille.problems.Message;

/**
 * An exception that says why in a text a page reads in its language ({@link #text()}), its French being the
 * exception's message (the API's, the logs'): {@link Refused}, {@link Denied}, and the failures a page shows as they
 * are (an account service down, the payment provider's answer).
 */
public interface Explained {

    /** Why, to be read in any language (its French is the exception's message). */
    Message text();
}
