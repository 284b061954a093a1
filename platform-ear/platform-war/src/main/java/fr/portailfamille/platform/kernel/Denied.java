package fr.portailfamille.platform.kernel;

import fr.portailfamille.problems.Message;

/**
 * An action the caller may not take: not theirs (another family's invoice, mandate or document), not their role (a
 * parent on an agents' action, an agent without the régisseur, agent-santé or administrator role), not their kind of
 * account (a staff account on a family's page). A {@link SecurityException}, so that whatever answers one answers it
 * as before (a servlet's 403 or 404, the API's refusal, a caller catching it by type); its message is French (the
 * API, the logs) and {@link #text()}, a key of the refusals' bundle ({@link Refused#text(String, Object...)}), is what
 * a page shows in its language.
 */
public class Denied extends SecurityException implements Explained {

    private final transient Message text;

    public Denied(Message text) {
        super(text.french());
        this.text = text;
    }

    @Override
    public Message text() {
        return text == null ? Message.literal(getMessage()) : text;
    }
}
