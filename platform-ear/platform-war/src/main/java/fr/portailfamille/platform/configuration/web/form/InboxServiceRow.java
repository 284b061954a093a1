package fr.portailfamille.platform.configuration.web.form;

import fr.portailfamille.messaging.InboxService;
import java.io.Serializable;
import java.util.Locale;

/** A service of the Boîte de réception being edited (agent/configuration/services). */
public class InboxServiceRow implements Serializable {
    private String code;
    private String label;
    private String email;

    public static InboxServiceRow of(InboxService s) {
        InboxServiceRow r = new InboxServiceRow();
        r.code = s.code();
        r.label = s.label();
        r.email = s.email();
        return r;
    }

    /** The service as typed: the code in lower case, an empty address as none. */
    public InboxService toService() {
        return new InboxService(code == null ? null : code.strip().toLowerCase(Locale.ROOT),
                label == null ? null : label.strip(), email == null || email.isBlank() ? null : email.strip());
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getLabel() { return label; }
    public void setLabel(String v) { label = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
}
