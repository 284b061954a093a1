package fr.portailfamille.platform.configuration.web.form;

import fr.portailfamille.configuration.CommuneConfiguration.Establishment;
import fr.portailfamille.configuration.CommuneConfiguration.EstablishmentKind;
import java.io.Serializable;

/** A school or accueil being edited. */
public class EstablishmentRow implements Serializable {
    private String code;
    private String name;
    private String kind;
    private String address;

    public static EstablishmentRow of(Establishment e) {
        EstablishmentRow r = new EstablishmentRow();
        r.code = e.code();
        r.name = e.name();
        r.kind = e.kind() == null ? null : e.kind().name();
        r.address = e.address();
        return r;
    }

    public Establishment toEstablishment() {
        return new Establishment(FormValues.upper(code), name, kind == null ? null : EstablishmentKind.valueOf(kind),
                FormValues.blankToNull(address));
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
}
