package fr.portailfamille.messaging;

/**
 * A service of the commune that families write to (enfance, éducation, régie…).
 *
 * @param code unique code, {@code [a-z0-9-]{1,40}}; an agent belongs to it through the realm group
 *     {@code service-<code>}
 * @param label what families and agents read, e.g. "Service enfance"
 * @param email where a family's new message is announced (a link, never the content); {@code null}: no mail
 */
public record InboxService(String code, String label, String email) {

    public String getCode() { return code; }
    public String getLabel() { return label; }
    public String getEmail() { return email; }
}
