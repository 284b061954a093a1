package fr.portailfamille.platform.configuration.web.form;

import fr.portailfamille.configuration.CommuneConfiguration.Closure;
import java.io.Serializable;
import java.time.LocalDate;

/** A closure day being edited. */
public class ClosureRow implements Serializable {
    private LocalDate day;
    private String label;

    public static ClosureRow of(Closure c) {
        ClosureRow r = new ClosureRow();
        r.day = c.day();
        r.label = c.label();
        return r;
    }

    public Closure toClosure() {
        return new Closure(day, label);
    }

    public LocalDate getDay() { return day; }
    public void setDay(LocalDate v) { day = v; }
    public String getLabel() { return label; }
    public void setLabel(String v) { label = v; }
}
