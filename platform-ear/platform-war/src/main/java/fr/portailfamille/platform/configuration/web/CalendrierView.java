package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.NextSchoolYear;
import fr.portailfamille.platform.configuration.web.form.ClosureRow;
import fr.portailfamille.platform.configuration.web.form.PeriodRow;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.NextFocus;
import fr.portailfamille.platform.web.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/** {@code agent/configuration/calendrier.xhtml}: school years, school holidays and closure days. */
@Named
@ViewScoped
public class CalendrierView extends ConfigurationSection {

    private List<PeriodRow> periods;
    private List<ClosureRow> closures;

    @Override
    public void load() {
        CommuneConfiguration conf = opened();
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
     * Saves the calendar. Closure days added, or school years and holidays changed so that days families booked no
     * longer run, cancel those bookings (free, families mailed: {@code booking.ClosedDays}), which undoing the change
     * does not give back: the first "Enregistrer" says how many and the agent confirms by saving the same again.
     */
    public void save() {
        saveOnceConfirmed("calendrier", Texts.of("agent.config.calendar.saved"), "agent.config.undo.confirm",
                c -> c.withCalendar(periods.stream().map(PeriodRow::toPeriod).toList(),
                        closures.stream().map(ClosureRow::toClosure).toList()), "calendrier:save");
    }

    public List<PeriodRow> getPeriods() { return periods; }
    public List<ClosureRow> getClosures() { return closures; }

    /** What another agent's save may not be overwritten with: the periods and closures. */
    @Override
    protected Object part(CommuneConfiguration c) {
        return List.of(c.periods(), c.closures());
    }
}
