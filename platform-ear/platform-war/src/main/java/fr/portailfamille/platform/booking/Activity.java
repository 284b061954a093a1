package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.BookingRules;
import fr.portailfamille.booking.DeadlineCodec;
import fr.portailfamille.booking.LatePolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An activity of the commune (périscolaire, restauration, mercredis…) and its booking rules. */
@Entity
@Table(name = "activity")
public class Activity {

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

    protected Activity() {
    }

    public BookingRules rules() {
        return new BookingRules(DeadlineCodec.parse(bookingDeadline), DeadlineCodec.parse(cancellationDeadline),
                LatePolicy.valueOf(latePolicy), needsValidation);
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getType() { return type; }
    public boolean isRunsInHolidays() { return runsInHolidays; }
    public boolean isNeedsValidation() { return needsValidation; }
}
