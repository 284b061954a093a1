package fr.portailfamille.platform.booking.web;

import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.web.ViewParams;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.platform.booking.ActivityCatalog;
import fr.portailfamille.platform.booking.ActivityUnit;
import fr.portailfamille.platform.booking.Booking;
import fr.portailfamille.platform.booking.AttendanceService;
import fr.portailfamille.platform.booking.BookingRefused;
import fr.portailfamille.platform.family.Child;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents' day sheet of a unit (pointage, usable on a tablet): occupancy (seats taken out of the
 * capacity, waiting list) and one row per child with "Présent", "Absent excusé", "Absent facturé".
 */
@Named
@ViewScoped
public class PointageView implements Serializable {

    @Inject
    AttendanceService bookings;

    @Inject
    ActivityCatalog catalog;

    @Inject
    UserView user;

    private Long unite;
    private String jour;
    private List<Activity> activities;
    private ActivityUnit unit;
    private List<Row> sheet;
    private long taken;
    private List<Candidate> unbookedCandidates = List.of();
    private Long presentChild;
    /** Why nobody can be recorded present without booking on the unit-day (it does not run), or null. */
    private String notRunning;
    private transient List<AttendanceService.Occupancy> occupancy;

    public void load() {
        activities = catalog.activities();
        refresh();
    }

    private void refresh() {
        unit = null;
        sheet = List.of();
        taken = 0;
        unbookedCandidates = List.of();
        notRunning = null;
        if (unite != null) {
            for (Activity a : activities) {
                catalog.unitsOf(a.getId()).stream().filter(u -> u.getId().equals(unite)).findFirst()
                        .ifPresent(u -> unit = u);
            }
        }
        if (unit != null) {
            sheet = bookings.daySheet(user.require(), unit.getId(), getDay()).stream().map(Row::of).toList();
            taken = bookings.placesTaken(user.require(), unit.getId(), getDay());
            unbookedCandidates = bookings.childrenWithoutBooking(user.require(), unit.getId(), getDay()).stream()
                    .map(Candidate::of).toList();
            notRunning = bookings.notRunning(user.require(), unit.getId(), getDay()).map(Texts::of).orElse(null);
        }
        occupancy = null;
    }

    public void mark(long bookingId, String status) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            BookingStatus mark = BookingStatus.valueOf(status);
            bookings.markAttendance(user.require(), bookingId, mark);
            refreshKeepingRows();
            // said in words in the page's live region, for screen readers (the row shows it too)
            sheet.stream().filter(b -> b.getId() == bookingId).findFirst().ifPresent(b -> {
                String said = Texts.of("agent.pointage.marked", b.getFirstName(), b.getLastName(),
                        status(mark).toLowerCase(PlanningLabels.locale()));
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, said, said));
            });
        } catch (BookingRefused e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.of(e), Texts.of(e)));
            refreshKeepingRows();
        }
    }

    /** « Retirer »: a presence « sans réservation » recorded by mistake taken back; the child offered again below. */
    public void removeUnbooked(long bookingId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Row row = sheet.stream().filter(b -> b.getId() == bookingId).findFirst().orElse(null);
        try {
            bookings.removeUnbookedPresence(user.require(), bookingId);
            refresh();
            if (row != null) {
                String said = Texts.of("agent.pointage.unbooked.removed", row.getFirstName(), row.getLastName());
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, said, said));
            }
        } catch (BookingRefused e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.of(e), Texts.of(e)));
            refreshKeepingRows();
        }
    }

    /**
     * The sheet read again after a tap, its rows where the tablet shows them ({@link #keepingRows}); the « présent sans
     * réservation » list as the tablet shows it (a tap does not redraw it): a child another tablet recorded meanwhile,
     * chosen there, gets the service's « déjà sur la feuille du jour », not a validation error on a list it no longer
     * matches.
     */
    private void refreshKeepingRows() {
        List<Row> shown = sheet;
        List<Candidate> offered = unbookedCandidates;
        refresh();
        sheet = keepingRows(shown, sheet);
        unbookedCandidates = offered;
    }

    /**
     * The sheet read again, each row where the tablet shows it: its buttons name their booking by its row's position
     * and a tap redraws that row only, so a child another tablet recorded, or a booking made, cancelled or promoted
     * since the page was drawn, must not move the rows under the agent's fingers (a tap on Léo's row marked the child
     * that had come to its place). Rows gone from the sheet stay as they were (their marks are refused); new ones come
     * after, shown at the next reading of the page.
     */
    static List<Row> keepingRows(List<Row> shown, List<Row> fresh) {
        Map<Long, Row> byId = new LinkedHashMap<>();
        fresh.forEach(b -> byId.put(b.getId(), b));
        List<Row> kept = new ArrayList<>(fresh.size());
        for (Row b : shown) {
            Row now = byId.remove(b.getId());
            kept.add(now == null ? b : now);
        }
        kept.addAll(byId.values());
        return kept;
    }

    /** Présence sans réservation: the chosen child is recorded present (billed at the penalty price). */
    public void markPresentWithoutBooking() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (unit == null) {
            return;
        }
        if (presentChild == null) {
            String why = Texts.of("agent.pointage.unbooked.required");
            faces.addMessage("unbooked:child", new FacesMessage(FacesMessage.SEVERITY_ERROR, why, why));
            return;
        }
        try {
            Booking b = bookings.markPresentWithoutBooking(user.require(), unit.getId(), getDay(), presentChild);
            String said = Texts.of("agent.pointage.unbooked.marked", b.getChild().getFirstName(), b.getChild().getLastName(),
                    Texts.of("agent.pointage.unbooked.done"));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, said, said));
            presentChild = null;
        } catch (BookingRefused e) {
            faces.addMessage("unbooked:child", new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.of(e), Texts.of(e)));
        }
        refresh();
    }

    public LocalDate getDay() {
        try {
            return jour == null ? PlatformTime.today() : LocalDate.parse(jour);
        } catch (DateTimeParseException e) {
            return PlatformTime.today();
        }
    }

    public LocalDate getToday() {
        return PlatformTime.today();
    }

    public List<ActivityUnit> unitsOf(Activity a) {
        return catalog.unitsOf(a.getId());
    }

    /** The unit-day's places taken: a child whose family declared an absence is on the sheet, its place freed. */
    public long getTaken() {
        return taken;
    }

    public long getWaiting() {
        return sheet.stream().filter(b -> b.getStatus() == BookingStatus.WAITING).count();
    }

    public String statusLabel(Row b) {
        return b.isUnbooked() && b.getStatus() == BookingStatus.PRESENT ? Texts.of("agent.pointage.status.unbooked")
                : b.isExpiredRequest() ? Texts.of("agent.pointage.status.expired") : status(b.getStatus());
    }

    /** A booking's state in words, in the page's language (the exports keep {@link AttendanceLabels}' French). */
    private static String status(BookingStatus status) {
        return Texts.of("agent.pointage.status." + status.name());
    }

    public boolean markable(Row b) {
        return b.getStatus() != BookingStatus.WAITING && b.getStatus() != BookingStatus.ABSENT_PENDING
                && !b.getDay().isAfter(PlatformTime.today());
    }

    /**
     * Whether the row's absence marks are offered: not on a request awaiting validation (pointed present only), nor on a
     * presence « sans réservation » (removed instead, {@link #removable}).
     */
    public boolean absenceMarkable(Row b) {
        return markable(b) && b.getStatus() != BookingStatus.PENDING_VALIDATION && !b.isExpiredRequest() && !b.isUnbooked();
    }

    /** Whether the row is a presence « sans réservation », offered « Retirer » (a wrong child recorded). */
    public boolean removable(Row b) {
        return b.isUnbooked() && b.getStatus() == BookingStatus.PRESENT;
    }

    /** Occupancy of every unit on the chosen day. */
    public List<AttendanceService.Occupancy> getOccupancy() {
        if (occupancy == null) {
            occupancy = bookings.occupancy(user.require(), getDay());
        }
        return occupancy;
    }

    public List<Activity> getActivities() { return activities; }
    public ActivityUnit getUnit() { return unit; }
    public List<Row> getSheet() { return sheet; }
    public List<Candidate> getUnbookedCandidates() { return unbookedCandidates; }
    public Long getPresentChild() { return presentChild; }
    public String getNotRunning() { return notRunning; }
    public void setPresentChild(Long v) { presentChild = v; }
    public Long getUnite() { return unite; }
    public void setUnite(Long v) { if (ViewParams.opening()) unite = v; }
    public String getJour() { return jour; }
    public void setJour(String v) { if (ViewParams.opening()) jour = v; }

    /**
     * A line of the day sheet as the view keeps it (in the session, replicated): the booking and its child's name only —
     * never the child's file, whose health fields (allergies, PAI, doctor) are agent-sante's.
     */
    public static final class Row implements Serializable {
        private final long id;
        private final String firstName;
        private final String lastName;
        private final BookingStatus status;
        private final boolean unbooked;
        private final boolean expiredRequest;
        private final LocalDate day;

        Row(long id, String firstName, String lastName, BookingStatus status, boolean unbooked, boolean expiredRequest,
            LocalDate day) {
            this.id = id;
            this.firstName = firstName;
            this.lastName = lastName;
            this.status = status;
            this.unbooked = unbooked;
            this.expiredRequest = expiredRequest;
            this.day = day;
        }

        static Row of(Booking b) {
            return new Row(b.getId(), b.getChild().getFirstName(), b.getChild().getLastName(), b.getStatus(), b.isUnbooked(),
                    b.isExpiredRequest(), b.getDay());
        }

        public long getId() { return id; }
        public String getFirstName() { return firstName; }
        public String getLastName() { return lastName; }
        public BookingStatus getStatus() { return status; }
        public boolean isUnbooked() { return unbooked; }
        public boolean isExpiredRequest() { return expiredRequest; }
        public LocalDate getDay() { return day; }
    }

    /** A child the agent may record present without booking, as the view keeps it: its id and name only. */
    public static final class Candidate implements Serializable {
        private final long id;
        private final String firstName;
        private final String lastName;

        Candidate(long id, String firstName, String lastName) {
            this.id = id;
            this.firstName = firstName;
            this.lastName = lastName;
        }

        static Candidate of(Child c) {
            return new Candidate(c.getId(), c.getFirstName(), c.getLastName());
        }

        public long getId() { return id; }
        public String getFirstName() { return firstName; }
        public String getLastName() { return lastName; }
    }
}
