package fr.portailfamille.platform.kernel;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters Keycloak refuses in a person's first or last name (its default user profile's
 * {@code person-name-prohibited-characters} validator): a name the platform sends to a commune's realm — an agent
 * invited, a family created at the counter, a new commune's first administrator — is told beside its field before
 * anything is made, not refused by Keycloak halfway (« Martin (DGS) »).
 */
public final class PersonNames {

    private static final Pattern REFUSED = Pattern.compile("[<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]");

    private PersonNames() {
    }

    /** The first character of {@code name} Keycloak would refuse, if any. */
    public static Optional<String> refusedCharacter(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = REFUSED.matcher(name);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** The refusal to show beside a name holding such a character, if any. */
    public static Optional<fr.portailfamille.problems.Message> refusal(String name) {
        return refusedCharacter(name).map(c -> Refused.text("person.name.character",
                Character.isISOControl(c.charAt(0)) ? "⏎" : c));
    }
}
