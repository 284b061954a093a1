package fr.portailfamille.platform.configuration.web.form;

import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.configuration.CommuneConfiguration.ActivityType;
import fr.portailfamille.configuration.CommuneConfiguration.Unit;
import fr.portailfamille.problems.FieldError;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A new activity with its first unit, as agents create it. */
public class NewActivityRow implements Serializable {
    /** Deadlines of a new activity, to be refined afterwards: two days before, 23:59. */
    public static final String DEFAULT_DEADLINE = "J-2@23:59";

    private String code;
    private String name;
    private String type;
    private String unitCode;
    private String unitLabel;
    private String unitStart;
    private String unitEnd;
    private Integer capacity;
    private List<String> weekdays = new ArrayList<>(UnitRow.SCHOOL_DAYS);

    /** The first time that is not "hh:mm", on its field. */
    public Optional<FieldError> timeError() {
        if (!FormValues.isTime(unitStart)) {
            return Optional.of(new FieldError("unitStart", FormValues.timeExpected()));
        }
        if (!FormValues.isTime(unitEnd)) {
            return Optional.of(new FieldError("unitEnd", FormValues.timeExpected()));
        }
        // left empty: the rules would read « négative »
        return capacity == null ? Optional.of(new FieldError("capacity", FormValues.capacityExpected())) : Optional.empty();
    }

    /**
     * The activity with one unit, default deadlines ({@value #DEFAULT_DEADLINE}, late bookings refused),
     * running in holidays when its type runs in holidays only; times must be checked first.
     */
    public Activity toActivity() {
        ActivityType t = type == null ? null : ActivityType.valueOf(type);
        return new Activity(FormValues.upper(code), name, null, t, null, null, null, List.of(), t != null && t.holidayOnly(),
                DEFAULT_DEADLINE, DEFAULT_DEADLINE, LatePolicy.REFUSED, false, List.of(),
                List.of(new Unit(FormValues.upper(unitCode), unitLabel, FormValues.time(unitStart), FormValues.time(unitEnd),
                        capacity == null ? -1 : capacity, FormValues.weekdays(weekdays))));
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String v) { unitCode = v; }
    public String getUnitLabel() { return unitLabel; }
    public void setUnitLabel(String v) { unitLabel = v; }
    public String getUnitStart() { return unitStart; }
    public void setUnitStart(String v) { unitStart = v; }
    public String getUnitEnd() { return unitEnd; }
    public void setUnitEnd(String v) { unitEnd = v; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer v) { capacity = v; }
    public List<String> getWeekdays() { return weekdays; }
    public void setWeekdays(List<String> v) { weekdays = v; }
}
