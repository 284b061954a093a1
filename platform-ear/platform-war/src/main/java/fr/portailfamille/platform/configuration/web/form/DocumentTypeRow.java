package fr.portailfamille.platform.configuration.web.form;

import fr.portailfamille.documents.DocumentType;
import java.io.Serializable;
import java.time.LocalDate;

/** A document type being edited (agent/configuration/documents). */
public class DocumentTypeRow implements Serializable {
    private String code;
    private String label;
    private boolean forChild;
    private boolean health;
    private String validity = DocumentType.Validity.SCHOOL_YEAR.name();
    private Integer months;
    private LocalDate until;

    public static DocumentTypeRow of(DocumentType t) {
        DocumentTypeRow r = new DocumentTypeRow();
        r.code = t.code();
        r.label = t.label();
        r.forChild = t.forChild();
        r.health = t.health();
        r.validity = t.validity() == null ? null : t.validity().name();
        r.months = t.months();
        r.until = t.until();
        return r;
    }

    /** The type as typed; the months and the date are kept only for the validity that uses them. */
    public DocumentType toDocumentType() {
        DocumentType.Validity v = validity == null || validity.isBlank() ? null : DocumentType.Validity.valueOf(validity);
        return new DocumentType(FormValues.upper(code), label == null ? null : label.strip(), forChild, health, v,
                v == DocumentType.Validity.MONTHS ? months : null, v == DocumentType.Validity.UNTIL ? until : null);
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getLabel() { return label; }
    public void setLabel(String v) { label = v; }
    public boolean isForChild() { return forChild; }
    public void setForChild(boolean v) { forChild = v; }
    public boolean isHealth() { return health; }
    public void setHealth(boolean v) { health = v; }
    public String getValidity() { return validity; }
    public void setValidity(String v) { validity = v; }
    public Integer getMonths() { return months; }
    public void setMonths(Integer v) { months = v; }
    public LocalDate getUntil() { return until; }
    public void setUntil(LocalDate v) { until = v; }
}
