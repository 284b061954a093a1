package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.AbsenceRules;
import fr.portailfamille.platform.family.requests.RequestKind;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.family.requests.RequestSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Mes demandes' bookings that an agent validates (every booking of an activity with validation, and any booking
 * awaiting validation or refused) and absences declared by the family (a medical certificate waits for
 * {@code agent-sante}'s review: accepted, the day is excused; refused, it is billed with the reason).
 */
@ApplicationScoped
public class BookingRequestSource implements RequestSource {

    private static final String DAY_UNIT = "to_char(b.day, 'DD/MM/YYYY') || ' – ' || a.name || ' (' || u.label || ')'";
    /** The prefix of an absence's reason as a word of the pages' bundle. */
    private static final String REASON_WORD = "requests.subject.absence.";
    private static final String PLANNING = "'/espace/planning.xhtml?enfant=' || k.position || '&activite=' || a.id"
            + " || '&mois=' || to_char(b.day, 'YYYY-MM')";

    /**
     * A booking's refusal reason; the nightly job's own and a closure's as words of the pages' bundle
     * ({@link ClosedDays#inWords}), the closure's label after them as the commune typed it.
     */
    private static final String REFUSAL = "case b.refusal_reason"
            + " when " + literal(ExpiredRequests.NO_SEAT) + " then '{" + ExpiredRequests.wordOf(ExpiredRequests.NO_SEAT) + "}'"
            + " when " + literal(ExpiredRequests.NOT_DECIDED) + " then '{" + ExpiredRequests.wordOf(ExpiredRequests.NOT_DECIDED) + "}'"
            + " when " + literal(ClosedDays.NO_LONGER_RUNS_REASON) + " then '{requests.reason.noLongerRuns}'"
            + " else case when b.refusal_reason like " + literal(ClosedDays.CLOSED + "%") + " then '{requests.reason.closed}'"
            + " || substr(b.refusal_reason, " + (ClosedDays.CLOSED.length() + 1) + ") else b.refusal_reason end end";

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public Set<RequestKind> kinds() {
        return Set.of(RequestKind.RESERVATION, RequestKind.ABSENCE);
    }

    @Override
    public String select() {
        return "select 'RESERVATION', b.id, b.child_id, cast(" + DAY_UNIT + " as varchar), b.created_at,"
                // on the waiting list: still a request, waiting (for a seat, then for validation), never "Acceptée"
                + " case b.status when 'PENDING_VALIDATION' then 'PENDING' when 'WAITING' then 'PENDING' when 'REFUSED' then 'REFUSED'"
                + " when 'CANCELLED_FREE' then 'CANCELLED' else 'ACCEPTED' end,"
                + " b.decided_at, " + REFUSAL + ", " + PLANNING
                + " from booking b join req_children k on k.id = b.child_id join activity_unit u on u.id = b.unit_id"
                + " join activity a on a.id = u.activity_id"
                // once on the waiting list: still a request when it got its seat (« Acceptée ») or was taken back
                + " where not b.unbooked and (a.needs_validation or b.waited or b.status in ('PENDING_VALIDATION', 'WAITING',"
                + " 'REFUSED'))"
                + " union all"
                // the reason as a word of the pages' bundle (family.requests.RequestSource)
                + " select 'ABSENCE', x.id, b.child_id, cast(" + DAY_UNIT + " || ' – {" + REASON_WORD + "' || case x.reason"
                + " when 'MALADIE' then 'MALADIE' when 'FAMILLE' then 'FAMILLE' else 'AUTRE' end || '}' as varchar), x.created_at,"
                + " case when b.status = 'ABSENT_PENDING' then 'PENDING'"
                + " when x.reviewed_at is not null and b.status = 'ABSENT_EXCUSED' then 'ACCEPTED'"
                + " when x.reviewed_at is not null and b.status = 'ABSENT_BILLED' then 'REFUSED' else 'RECORDED' end,"
                + " x.reviewed_at, x.review_reason,"
                // an illness declared without its certificate, or whose certificate was refused (illegible…): the
                // absence page, where one can still be sent
                + " case when x.reason = 'MALADIE' and b.status = 'ABSENT_BILLED'"
                + " and (x.certificate is null or x.reviewed_at is not null)"
                + " and b.day >= cast(now() at time zone " + PlatformTime.SQL_ZONE + " as date) - coalesce((select"
                + " s.certificate_days from billing_settings s), " + AbsenceRules.LATE_CERTIFICATE_DAYS + ")"
                + " then '/espace/absence.xhtml?reservation=' || b.id else " + PLANNING + " end"
                + " from absence x join booking b on b.id = x.booking_id join req_children k on k.id = b.child_id"
                + " join activity_unit u on u.id = b.unit_id join activity a on a.id = u.activity_id";
    }
}
