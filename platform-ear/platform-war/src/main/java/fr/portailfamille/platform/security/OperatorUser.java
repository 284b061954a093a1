package fr.portailfamille.platform.security;

import java.io.Serializable;
import java.util.List;

/**
 * An operator signed in to the operators' realm (never a commune's): kept in the session of the operator host under its
 * own attribute, which commune hosts never read, so an operator's session opens nothing of a commune and a commune's
 * session nothing of the console.
 */
public record OperatorUser(String subject, String name, String email, List<String> roles, String idToken)
        implements Serializable {

    public static final String SESSION_ATTRIBUTE = "pf.operator";
    /** Request attribute where the authentication leaves the operator of this request (session or bearer token). */
    public static final String REQUEST_ATTRIBUTE = "pf.operator.user";
    /** The realm role every operator needs. */
    public static final String ROLE = "operateur";

    public OperatorUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The operator the authentication recognised for this request (operator host only), or {@code null}. */
    public static OperatorUser of(jakarta.servlet.http.HttpServletRequest request) {
        return request.getAttribute(REQUEST_ATTRIBUTE) instanceof OperatorUser u && u.isOperator() ? u : null;
    }

    public boolean isOperator() {
        return roles.contains(ROLE);
    }

    /** How the audit names the operator: name and address. */
    public String actor() {
        return (name == null || name.isBlank() ? "" : name + " ") + "<" + (email == null ? subject : email) + ">";
    }
}
