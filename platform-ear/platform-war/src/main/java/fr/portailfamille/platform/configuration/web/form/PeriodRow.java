package fr.portailfamille.platform.configuration.web.form;

import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.CommuneConfiguration.PeriodKind;
import java.io.Serializable;
import java.time.LocalDate;

/** A school year or holidays being edited (a new one is holidays). */
public class PeriodRow implements Serializable {
    private String kind = PeriodKind.VACANCES.name();
    private String label;
    private LocalDate start;
    private LocalDate end;

    public static PeriodRow of(Period p) {
        PeriodRow r = new PeriodRow();
        r.kind = p.kind() == null ? null : p.kind().name();
        r.label = p.label();
        r.start = p.start();
        r.end = p.end();
        return r;
    }

    public Period toPeriod() {
        return new Period(kind == null ? null : PeriodKind.valueOf(kind), label, start, end);
    }

    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getLabel() { return label; }
    public void setLabel(String v) { label = v; }
    public LocalDate getStart() { return start; }
    public void setStart(LocalDate v) { start = v; }
    public LocalDate getEnd() { return end; }
    public void setEnd(LocalDate v) { end = v; }
}
