package fr.portailfamille.platform.configuration.web.form;

import fr.portailfamille.configuration.CommuneConfiguration.Unit;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A unit (moment) of an activity being edited; one added on the screen can still get its code. */
public class UnitRow implements Serializable {
    /** A new unit opens Monday, Tuesday, Thursday and Friday (school days). */
    static final List<String> SCHOOL_DAYS = List.of("1", "2", "4", "5");

    private String code;
    private final boolean fresh;
    private String label;
    private String start;
    private String end;
    private Integer capacity;
    private List<String> weekdays;

    /** A unit added on this screen. */
    public UnitRow() {
        fresh = true;
        weekdays = new ArrayList<>(SCHOOL_DAYS);
    }

    private UnitRow(Unit u) {
        code = u.code();
        fresh = false;
        label = u.label();
        start = u.start() == null ? null : u.start().toString();
        end = u.end() == null ? null : u.end().toString();
        capacity = u.capacity();
        weekdays = new ArrayList<>(u.weekdays().stream().map(String::valueOf).toList());
    }

    public static UnitRow of(Unit u) {
        return new UnitRow(u);
    }

    /** The unit as typed; times must be {@link FormValues#isTime checked} first; no capacity gives -1 (refused by the rules). */
    public Unit toUnit() {
        return new Unit(FormValues.upper(code), label, FormValues.time(start), FormValues.time(end),
                capacity == null ? -1 : capacity, FormValues.weekdays(weekdays));
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    /** A unit added on this screen, whose code can still be chosen. */
    public boolean isFresh() { return fresh; }
    public String getLabel() { return label; }
    public void setLabel(String v) { label = v; }
    public String getStart() { return start; }
    public void setStart(String v) { start = v; }
    public String getEnd() { return end; }
    public void setEnd(String v) { end = v; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer v) { capacity = v; }
    public List<String> getWeekdays() { return weekdays; }
    public void setWeekdays(List<String> v) { weekdays = v; }
}
