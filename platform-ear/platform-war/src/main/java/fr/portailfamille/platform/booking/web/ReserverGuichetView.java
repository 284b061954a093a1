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
 * weekdays of a period — and cancels its coming bookings, under the commune's rules as the family's own booking is
 * ({@link PlanningService#bookAtCounter}, {@link PlanningService#cancelAtCounter}: the agent's role and the family's
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
    UserView user;

    @Inject
    PlanningLabels labels;

    private Long famille;
    private PlanningService.Counter counter;
    private String refusal;
    private transient List<PlanningService.CounterBooking> bookings;
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
            refusal = Texts.of("booking.counter.familyUnknown");
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
        TypicalWeek.problem(byWeekday, from, last).ifPresent(p -> errors.add(p.field().equals("days")
                ? new FieldError("", Refused.text("booking.counter.noDay")) : p));
        if (!errors.isEmpty()) {
            FormErrors.show("guichet", errors);
            return;
        }
        try {
            TypicalWeekResult result = planning.bookAtCounter(user.require(), famille, chosen.childId(), chosen.unitId(),
                    from, last, ticked);
            FormErrors.info(Texts.of("agent.guichet.booked", chosen.childName(), Texts.of(result.summary())));
            bookings = null;
        } catch (BookingRefused e) {
            FormErrors.error(Texts.of(e));
        }
    }

    /** "Annuler" on one of the coming bookings: free, billed or refused, as for the family. */
    public void cancel(long bookingId) {
        try {
            CancellationDecision decision = planning.cancelAtCounter(user.require(), famille, bookingId);
            if (decision.outcome() == CancellationDecision.Outcome.REFUSED) {
                FormErrors.error(Texts.of(decision.text()));
            } else {
                FormErrors.info(Texts.of(decision.text()));
            }
        } catch (BookingRefused e) {
            FormErrors.error(Texts.of(e));
        }
        bookings = null;
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

    /** The family's bookings from today on, read once per request that shows them. */
    public List<PlanningService.CounterBooking> getBookings() {
        if (bookings == null) {
            bookings = counter == null ? List.of()
                    : planning.counterBookings(user.require(), famille, PlatformTime.today(PlatformTime.clock()));
        }
        return bookings;
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
    public String getRefusal() { return refusal; }
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
