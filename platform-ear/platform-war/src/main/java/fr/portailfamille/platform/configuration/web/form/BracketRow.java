package fr.portailfamille.platform.configuration.web.form;

import fr.portailfamille.billing.QfBracket;
import java.io.Serializable;

/** A quotient familial bracket being edited; no maximum: the last, open-ended bracket. */
public class BracketRow implements Serializable {
    private String code;
    private String label;
    private Integer min;
    private Integer max;

    public static BracketRow of(QfBracket b) {
        BracketRow r = new BracketRow();
        r.code = b.code();
        r.label = b.label();
        r.min = b.min();
        r.max = b.max();
        return r;
    }

    /** The bracket as typed (code upper case; bounds checked by the rules). */
    public QfBracket toBracket() {
        return new QfBracket(FormValues.upper(FormValues.blankToNull(code)), FormValues.blankToNull(label), min, max);
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getLabel() { return label; }
    public void setLabel(String v) { label = v; }
    public Integer getMin() { return min; }
    public void setMin(Integer v) { min = v; }
    public Integer getMax() { return max; }
    public void setMax(Integer v) { max = v; }
}
