package fr.portailfamille.platform.registration;

import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.platform.family.Child;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A child's registration to an activity: its days can be booked once an agent validated it. */
@Entity
@Table(name = "registration")
public class Registration extends FamilyRequest {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "activity_id")
    private Activity activity;
    @Column(name = "cgu_accepted_at")
    private OffsetDateTime cguAcceptedAt;

    protected Registration() {
    }

    Registration(Child child, Activity activity, OffsetDateTime now) {
        super(child, now);
        this.activity = activity;
        this.cguAcceptedAt = now;
    }

    public Activity getActivity() { return activity; }
    public OffsetDateTime getCguAcceptedAt() { return cguAcceptedAt; }
}
