package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.MonthPlan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;
import java.time.LocalTime;

/** A unit of an activity's day (MATIN 07:15–08:20, MIDI, SOIR…) with its capacity and weekdays. */
@Entity
@Table(name = "activity_unit")
@ReadOnly // written only by tenant-config's ConfigurationStore (JDBC), never through JPA
public class ActivityUnit implements java.io.Serializable {

    @Id
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "activity_id")
    private Activity activity;
    private String code;
    private String label;
    @Column(name = "start_time")
    private LocalTime startTime;
    @Column(name = "end_time")
    private LocalTime endTime;
    private int capacity;
    private String weekdays;

    protected ActivityUnit() {
    }

    /** What the planning rules need of this unit and its activity. */
    public MonthPlan.Unit plan() {
        return new MonthPlan.Unit(id, label, capacity, MonthPlan.Unit.weekdays(weekdays), activity.rules(),
                activity.isRunsInHolidays(), activity.isHolidayOnly(), startTime, activity.getLastDay());
    }

    /** Whether it runs on that day of the week (the semaine type offers a tick only there). */
    public boolean runsOnWeekday(java.time.DayOfWeek day) {
        return MonthPlan.Unit.weekdays(weekdays).contains(day);
    }

    public Long getId() { return id; }
    public Activity getActivity() { return activity; }
    public String getCode() { return code; }
    public String getLabel() { return label; }
    public LocalTime getStartTime() { return startTime; }
    public LocalTime getEndTime() { return endTime; }
    public int getCapacity() { return capacity; }
}
