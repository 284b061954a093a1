package fr.portailfamille.platform.booking.web;

import fr.portailfamille.booking.CancellationDecision;
import fr.portailfamille.booking.TypicalWeek;
import fr.portailfamille.platform.booking.BookingRefused;
import fr.portailfamille.platform.booking.PlanningService;
import fr.portailfamille.platform.booking.TypicalWeekResult;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Réserver au guichet ({@code agent/reserver-guichet.xhtml?famille=}): an agent books days for a family that asks at
 * the town hall or on the phone — a child and one unit of an activity it is registered to, one day or the ticked
 * weekdays of a period — and cancels its coming bookings or declares an absence on one, under the commune's rules as
 * the family's own booking is ({@link PlanningService#bookAtCounter}, {@link PlanningService#cancelAtCounter},
 * {@link fr.portailfamille.platform.booking.AbsenceService#declareAbsenceAtCounter}: the agent's role and the family's
 * child or booking are checked there).
 */
@Named
@ViewScoped
public class ReserverGuichetView implements Serializable {

    /** The weekdays a period's booking may tick, Monday to Saturday (no activity runs on Sunday). */
    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

    @Inject
    PlanningService planning;

    @Inject
    fr.portailfamille.platform.booking.AbsenceService absences;

    @Inject
    UserView user;

    @Inject
    PlanningLabels labels;

    private Long famille;
    private PlanningService.Counter counter;
    private String refusal;
    /** The coming bookings as the page showed them (kept with the view: a row's "Annuler" names the booking it showed). */
    private List<PlanningService.CounterBooking> bookings;
    /** The booking whose cancellation would be billed, waiting for the agent's confirmation. */
    private Long billedPending;
    /** The booked day whose absence the agent is declaring ("Absence…" on its row), with the form's reason and précisions. */
    private Long absenceFor;
    /** Whether the absence of {@link #absenceFor} would be billed (its tariff bills an unexcused absence). */
    private boolean absenceBilled = true;
    private String absenceReason;
    private String absenceComment;
    private String choice;
    private LocalDate from;
    private LocalDate to;
    private final Map<String, Boolean> days = new LinkedHashMap<>();

    /** Reads the family's counter once per view: its label and what may be booked, or why nothing may. */
    public void load() {
        if (counter != null || refusal != null) {
            return;
        }
        if (famille == null) {
            refusal = Texts.of(Refused.text("booking.counter.familyUnknown"));
            return;
        }
        try {
            counter = planning.counter(user.require(), famille);
            for (DayOfWeek d : WEEKDAYS) {
                days.putIfAbsent(d.name(), d != DayOfWeek.SATURDAY && d != DayOfWeek.WEDNESDAY);
            }
        } catch (Refused e) {
            refusal = Texts.of(e);
        }
    }

    /** "Réserver": the chosen unit on the period's ticked weekdays (or the one day), each day the commune's decision. */
    public void book() {
        if (counter == null) {
            return;
        }
        PlanningService.CounterChoice chosen = counter.choices().stream().filter(c -> key(c).equals(choice)).findFirst()
                .orElse(null);
        List<FieldError> errors = new ArrayList<>();
        if (chosen == null) {
            errors.add(new FieldError("choice", Refused.text("booking.counter.choice.required")));
        }
        // one day: its own weekday; a period: the ticked ones
        LocalDate last = to == null ? from : to;
        Set<DayOfWeek> ticked = from != null && from.equals(last) ? Set.of(from.getDayOfWeek()) : weekdays();
        long unitId = chosen == null ? 0 : chosen.unitId();
        Map<DayOfWeek, Set<Long>> byWeekday = new EnumMap<>(DayOfWeek.class);
        ticked.forEach(d -> byWeekday.put(d, Set.of(unitId)));
        // next to the date it is about; no weekday ticked, in the summary
        TypicalWeek.problem(byWeekday, from, last, PlatformTime.today()).ifPresent(p -> errors.add(p.field().equals("days")
                ? new FieldError("", Refused.text("booking.counter.noDay")) : p));
        if (!errors.isEmpty()) {
            FormErrors.show("guichet", errors);
            return;
        }
        billedPending = null;
        absenceFor = null;
        try {
            TypicalWeekResult result = planning.bookAtCounter(user.require(), famille, chosen.childId(), chosen.unitId(),
                    from, last, ticked);
            FormErrors.info(Texts.of("agent.guichet.booked", chosen.childName(), Texts.of(result.summary(CounterWords::of))));
            bookings = null;
        } catch (BookingRefused e) {
            if (e.field() != null && !e.field().isEmpty()) {
                // too many days for one booking at the counter: next to the end date
                FormErrors.show("guichet", List.of(new FieldError(e.field(), e.text())));
                return;
            }
            FormErrors.error(Texts.of(e));
        }
    }

    /**
     * "Annuler" on one of the coming bookings: free, or refused, as for the family; past the free-cancellation deadline,
     * nothing changes until the agent confirms that the day stays billed ({@link #confirmBilled}).
     */
    public void cancel(long bookingId) {
        cancel(bookingId, false);
    }

    /** "Confirmer l'annulation facturée" of the booking {@link #cancel} warned about. */
    public void confirmBilled() {
        if (billedPending != null) {
            cancel(billedPending, true);
        }
    }

    /** "Garder la réservation": the warned cancellation forgotten. */
    public void keep() {
        billedPending = null;
    }

    private void cancel(long bookingId, boolean billedConfirmed) {
        billedPending = null;
        absenceFor = null;
        try {
            CancellationDecision decision = planning.cancelAtCounter(user.require(), famille, bookingId, billedConfirmed);
            if (decision.outcome() == CancellationDecision.Outcome.REFUSED) {
                FormErrors.error(Texts.of(decision.text()));
            } else {
                FormErrors.info(Texts.of(decision.text()));
            }
        } catch (BookingRefused e) {
            if (!billedConfirmed && e.text().key().equals("booking.counter.cancel.billed")) {
                billedPending = bookingId;
            }
            FormErrors.error(Texts.of(e));
        }
        bookings = null;
    }

    /** "Absence…" on a booked day's row: the absence form opens for that day. */
    public void askAbsence(long bookingId) {
        billedPending = null;
        absenceFor = bookingId;
        absenceReason = null;
        absenceComment = null;
        try {
            absenceBilled = absences.absenceBilledAtCounter(user.require(), famille, bookingId);
        } catch (Refused e) {
            absenceBilled = true; // another family's or unknown: the declaration says so
        }
    }

    /** "Enregistrer l'absence": the reason the family gave, under the family's absence rules, without a certificate. */
    public void declareAbsence() {
        if (absenceFor == null) {
            return;
        }
        if (absenceReason == null || absenceReason.isBlank()) {
            FormErrors.show("absence", List.of(new FieldError("reason", Refused.text("booking.counter.absence.reason"))));
            return;
        }
        try {
            fr.portailfamille.booking.AbsenceReason reason = fr.portailfamille.booking.AbsenceReason.valueOf(absenceReason);
            fr.portailfamille.booking.BookingStatus after = absences.declareAbsenceAtCounter(user.require(), famille,
                    absenceFor, reason, absenceComment);
            // the agent's own words (the service's are the family's: "vous pouvez…")
            FormErrors.info(after == fr.portailfamille.booking.BookingStatus.CANCELLED_FREE
                    ? Texts.of("agent.guichet.absence.cancelled")
                    : !absences.absenceBilledAtCounter(user.require(), famille, absenceFor)
                    ? Texts.of("agent.guichet.absence.notBilled")
                    : reason == fr.portailfamille.booking.AbsenceReason.MALADIE
                    ? Texts.of("agent.guichet.absence.ill", absences.lateCertificateDays())
                    : Texts.of("agent.guichet.absence.billed"));
            absenceFor = null;
        } catch (Refused e) {
            // a too long comment next to its field, what was typed kept; anything else in the summary
            if ("comment".equals(e.field())) {
                FormErrors.show("absence", List.of(new FieldError("comment", e.text())));
                return;
            }
            FormErrors.error(Texts.of(e));
            absenceFor = null;
        } catch (IllegalArgumentException e) {
            FormErrors.show("absence", List.of(new FieldError("reason", Refused.text("booking.counter.absence.reason"))));
            return;
        }
        bookings = null;
    }

    /** "Fermer": the absence form closed, nothing declared. */
    public void closeAbsence() {
        absenceFor = null;
    }

    /** The booking the absence form is about, in words: "Inès, lundi 11 janvier 2027, Cantine – Midi". */
    public String getAbsenceTitle() {
        return words(absenceFor);
    }

    /** The booking whose billed cancellation waits for the agent's confirmation, in words. */
    public String getBilledTitle() {
        return words(billedPending);
    }

    private String words(Long bookingId) {
        return getBookings().stream().filter(b -> bookingId != null && b.id() == bookingId).findFirst()
                .map(b -> b.childName() + ", " + day(b.day()) + ", " + b.activityName() + " – " + b.unitLabel()).orElse("");
    }

    private Set<DayOfWeek> weekdays() {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        days.forEach((d, on) -> {
            if (Boolean.TRUE.equals(on)) {
                set.add(DayOfWeek.valueOf(d));
            }
        });
        return set;
    }

    private static String key(PlanningService.CounterChoice c) {
        return c.childId() + "-" + c.unitId();
    }

    /** The form's choices, label → "child-unit": "Léa – Restauration scolaire (Midi)". */
    public Map<String, String> getChoices() {
        Map<String, String> items = new LinkedHashMap<>();
        if (counter != null) {
            for (PlanningService.CounterChoice c : counter.choices()) {
                items.put(Texts.of("agent.guichet.choice.item", c.childName(), c.activityName(), c.unitLabel()), key(c));
            }
        }
        return items;
    }

    /**
     * The family's coming bookings that may be cancelled, the first {@link PlanningService#COUNTER_SHOWN}; read again after
     * each action, kept with the view in between.
     */
    public List<PlanningService.CounterBooking> getBookings() {
        if (bookings == null) {
            bookings = counter == null ? List.of()
                    : planning.counterBookings(user.require(), famille, PlatformTime.today(PlatformTime.clock()));
        }
        return bookings.size() > PlanningService.COUNTER_SHOWN ? bookings.subList(0, PlanningService.COUNTER_SHOWN) : bookings;
    }

    /** "Lundi 7 décembre 2026", a booking's day in the page's language. */
    public String day(LocalDate d) {
        return labels.weekdayLabel(d.getDayOfWeek()) + " "
                + d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Texts.locale()));
    }

    public String weekdayLabel(String d) {
        return labels.weekdayLabel(DayOfWeek.valueOf(d));
    }

    public List<String> getWeekdays() {
        return WEEKDAYS.stream().map(DayOfWeek::name).toList();
    }

    public String getFamilyLabel() { return counter == null ? "" : counter.familyLabel(); }
    public boolean isReady() { return counter != null; }
    public boolean isNothingToBook() { return counter != null && counter.choices().isEmpty(); }
    /** Why nothing may be booked here: the family's refusal, or an unknown family when the page was opened without one. */
    public String getRefusal() {
        return refusal != null || counter != null ? refusal : Texts.of(Refused.text("booking.counter.familyUnknown"));
    }
    /** Whether the coming bookings are cut at {@link PlanningService#COUNTER_SHOWN}. */
    public boolean isMoreBookings() { return getBookings() != bookings; }
    public int getShown() { return PlanningService.COUNTER_SHOWN; }
    public Long getBilledPending() { return billedPending; }
    public Long getAbsenceFor() { return absenceFor; }
    public boolean isAbsenceBilled() { return absenceBilled; }
    public String getAbsenceReason() { return absenceReason; }
    public void setAbsenceReason(String v) { absenceReason = v; }
    public String getAbsenceComment() { return absenceComment; }
    public void setAbsenceComment(String v) { absenceComment = v; }
    /** The commune's delay for a medical certificate sent after the absence, in days (the absence form's hint). */
    public int getCertificateDays() { return absences.lateCertificateDays(); }
    public Long getFamille() { return famille; }
    public void setFamille(Long famille) { this.famille = famille; }
    public String getChoice() { return choice; }
    public void setChoice(String choice) { this.choice = choice; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public Map<String, Boolean> getDays() { return days; }
}
