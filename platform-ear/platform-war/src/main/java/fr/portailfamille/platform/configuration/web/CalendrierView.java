package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.NextSchoolYear;
import fr.portailfamille.platform.configuration.web.form.ClosureRow;
import fr.portailfamille.platform.configuration.web.form.PeriodRow;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.NextFocus;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.booking.ClosedDays;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@code agent/configuration/calendrier.xhtml}: school years, school holidays and closure days. */
@Named
@ViewScoped
public class CalendrierView extends ConfigurationSection {

    private List<PeriodRow> periods;
    private List<ClosureRow> closures;

    @Inject
    ClosedDays closedDays;

    @Override
    public void load() {
        CommuneConfiguration conf = configuration.current();
        periods = new ArrayList<>(conf.periods().stream().map(PeriodRow::of).toList());
        closures = new ArrayList<>(conf.closures().stream().map(ClosureRow::of).toList());
    }

    public void addPeriod() {
        periods.add(new PeriodRow());
        NextFocus.on("calendrier:periods:" + (periods.size() - 1) + ":label");
    }

    /**
     * "Préparer l'année scolaire suivante": the last school year and its holidays drafted 52 weeks later
     * ({@link NextSchoolYear}), added to the form unsaved for the agent to check against the official calendar.
     */
    public void prepareNextYear() {
        List<Period> next = NextSchoolYear.after(periods.stream().map(PeriodRow::toPeriod).toList());
        if (next.isEmpty()) {
            FormErrors.error(Texts.of("agent.config.calendar.next.none"));
            return;
        }
        int first = periods.size();
        next.forEach(p -> periods.add(PeriodRow.of(p)));
        FormErrors.info(Texts.of("agent.config.calendar.next.done", next.get(0).label(), next.size() - 1));
        NextFocus.on("calendrier:periods:" + first + ":start");
    }

    public void removePeriod(int index) {
        periods.remove(index);
        NextFocus.on("calendrier:addPeriod");
    }

    public void addClosure() {
        closures.add(new ClosureRow());
        NextFocus.on("calendrier:closures:" + (closures.size() - 1) + ":day");
    }

    public void removeClosure(int index) {
        closures.remove(index);
        NextFocus.on("calendrier:addClosure");
    }

    /**
     * Saves the calendar. Closure days added on which families booked cancel those bookings (free, families mailed:
     * {@code booking.ClosedDays}), which removing the closure does not give back: the first "Enregistrer" says how many
     * and the agent confirms by saving again the same days.
     */
    public void save() {
        Set<LocalDate> before = configuration.current().closures().stream().map(CommuneConfiguration.Closure::day)
                .collect(Collectors.toSet());
        Set<LocalDate> added = new TreeSet<>();
        closures.stream().map(ClosureRow::getDay).filter(d -> d != null && !before.contains(d)).forEach(added::add);
        if (!added.isEmpty() && !added.equals(confirmed)) {
            int cancelled = closedDays.affected(user.require(), added);
            if (cancelled > 0) {
                confirmed = added;
                FormErrors.error(Texts.of("agent.config.closure.confirm", cancelled));
                NextFocus.on("calendrier:save");
                return;
            }
        }
        if (save("calendrier", Texts.of("agent.config.calendar.saved"),
                c -> c.withCalendar(periods.stream().map(PeriodRow::toPeriod).toList(),
                        closures.stream().map(ClosureRow::toClosure).toList()))) {
            confirmed = null;
        }
    }

    /** The closure days the agent was told cancel bookings: saving them again confirms. */
    private Set<LocalDate> confirmed;

    public List<PeriodRow> getPeriods() { return periods; }
    public List<ClosureRow> getClosures() { return closures; }
}
