package fr.portailfamille.platform.configuration.web.form;

import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.configuration.SchoolLevel;
import fr.portailfamille.problems.FieldError;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An activity's rules and units being edited (its code and type are kept as they are). */
public class ActivityRow implements Serializable {
    private final String code;
    private String name;
    private String bookingDeadline;
    private String cancellationDeadline;
    private String latePolicy;
    private boolean needsValidation;
    private Integer minAge;
    private Integer maxAge;
    private String documents;
    private String description;
    private String establishment;
    private List<String> levels;
    private LocalDate lastDay;
    private final List<UnitRow> units = new ArrayList<>();

    public ActivityRow(Activity a) {
        code = a.code();
        name = a.name();
        description = a.description();
        establishment = a.establishment();
        levels = new ArrayList<>(a.levels());
        bookingDeadline = a.bookingDeadline();
        cancellationDeadline = a.cancellationDeadline();
        latePolicy = a.latePolicy() == null ? null : a.latePolicy().name();
        needsValidation = a.needsValidation();
        minAge = a.minAge();
        maxAge = a.maxAge();
        documents = String.join("\n", a.documents());
        lastDay = a.lastDay();
        a.units().forEach(u -> units.add(UnitRow.of(u)));
    }

    /**
     * Times that are not "hh:mm" and capacities left empty (the rules would read « négative »), with their paths
     * ({@code at} is this row's, e.g. "activities[2]").
     */
    public List<FieldError> timeErrors(String at) {
        List<FieldError> errors = new ArrayList<>();
        for (int j = 0; j < units.size(); j++) {
            UnitRow u = units.get(j);
            if (!FormValues.isTime(u.getStart())) {
                errors.add(new FieldError(at + ".units[" + j + "].start", FormValues.timeExpected()));
            }
            if (!FormValues.isTime(u.getEnd())) {
                errors.add(new FieldError(at + ".units[" + j + "].end", FormValues.timeExpected()));
            }
            if (u.getCapacity() == null) {
                errors.add(new FieldError(at + ".units[" + j + "].capacity", FormValues.capacityExpected()));
            }
        }
        return errors;
    }

    /** {@code saved} (the same code) with what was typed here; its type and holiday flag are kept. */
    public Activity edited(Activity saved) {
        return new Activity(saved.code(), name, FormValues.blankToNull(description), saved.type(),
                FormValues.blankToNull(establishment), minAge, maxAge,
                levels == null ? List.of() : SchoolLevel.inOrder(levels), saved.runsInHolidays(), bookingDeadline,
                cancellationDeadline, latePolicy == null ? null : LatePolicy.valueOf(latePolicy), needsValidation,
                FormValues.lines(documents), units.stream().map(UnitRow::toUnit).toList(), lastDay);
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getBookingDeadline() { return bookingDeadline; }
    public void setBookingDeadline(String v) { bookingDeadline = v; }
    public String getCancellationDeadline() { return cancellationDeadline; }
    public void setCancellationDeadline(String v) { cancellationDeadline = v; }
    public String getLatePolicy() { return latePolicy; }
    public void setLatePolicy(String v) { latePolicy = v; }
    public boolean isNeedsValidation() { return needsValidation; }
    public void setNeedsValidation(boolean v) { needsValidation = v; }
    public Integer getMinAge() { return minAge; }
    public void setMinAge(Integer v) { minAge = v; }
    public Integer getMaxAge() { return maxAge; }
    public void setMaxAge(Integer v) { maxAge = v; }
    public String getDocuments() { return documents; }
    public void setDocuments(String v) { documents = v; }
    public List<UnitRow> getUnits() { return units; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getEstablishment() { return establishment; }
    public void setEstablishment(String v) { establishment = v; }
    public List<String> getLevels() { return levels; }
    public void setLevels(List<String> v) { levels = v; }
    public LocalDate getLastDay() { return lastDay; }
    public void setLastDay(LocalDate v) { lastDay = v; }
}
