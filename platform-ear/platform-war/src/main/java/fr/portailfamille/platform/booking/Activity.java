package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.BookingRules;
import fr.portailfamille.booking.DeadlineCodec;
import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.configuration.CommuneConfiguration.ActivityType;
import fr.portailfamille.configuration.SchoolLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;
import java.time.LocalDate;
import java.util.List;

/** An activity of the commune (périscolaire, restauration, mercredis…) and its booking rules. */
@Entity
@Table(name = "activity")
@ReadOnly // written only by tenant-config's ConfigurationStore (JDBC), never through JPA
public class Activity implements java.io.Serializable {

    @Id
    private Long id;
    private String code;
    private String name;
    private String type;
    @Column(name = "runs_in_holidays")
    private boolean runsInHolidays;
    @Column(name = "booking_deadline")
    private String bookingDeadline;
    @Column(name = "cancellation_deadline")
    private String cancellationDeadline;
    @Column(name = "late_policy")
    private String latePolicy;
    @Column(name = "needs_validation")
    private boolean needsValidation;
    private String description;
    @Column(name = "min_age")
    private Integer minAge;
    @Column(name = "max_age")
    private Integer maxAge;
    /** School levels accepted, "PS,MS,GS…"; {@code null} for every level. */
    @Column(name = "school_levels")
    private String schoolLevels;
    /** The last day it runs ({@code null}: it runs on); tenant V51. */
    @Column(name = "last_day")
    private LocalDate lastDay;

    protected Activity() {
    }

    public BookingRules rules() {
        return new BookingRules(DeadlineCodec.parse(bookingDeadline), DeadlineCodec.parse(cancellationDeadline),
                LatePolicy.valueOf(latePolicy), needsValidation);
    }

    /** Whether it runs during school holidays only ({@link ActivityType#holidayOnly()}). */
    public boolean isHolidayOnly() {
        return ActivityType.valueOf(type).holidayOnly();
    }

    /**
     * Whether a child of {@code age} in {@code level} (a free text such as "CP", may be null) may
     * register: within the age range, and in an accepted level when the child's level is known.
     */
    public boolean accepts(int age, String level) {
        if (minAge != null && age < minAge || maxAge != null && age > maxAge) {
            return false;
        }
        if (schoolLevels == null || schoolLevels.isBlank() || level == null || level.isBlank()) {
            return true;
        }
        List<String> levels = List.of(schoolLevels.split(","));
        return SchoolLevel.parse(level).map(l -> levels.contains(l.name())).orElse(true);
    }

    /** The school levels it takes ("CP,CE1"), none for every level. */
    public String getSchoolLevels() { return schoolLevels; }
    public Long getId() { return id; }
    public String getDescription() { return description; }
    public Integer getMinAge() { return minAge; }
    public Integer getMaxAge() { return maxAge; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getType() { return type; }
    public boolean isRunsInHolidays() { return runsInHolidays; }
    public boolean isNeedsValidation() { return needsValidation; }
    public LocalDate getLastDay() { return lastDay; }

    /** Whether it no longer takes registrations on {@code today}: its last day has passed. */
    public boolean endedBy(LocalDate today) {
        return lastDay != null && lastDay.isBefore(today);
    }
}
