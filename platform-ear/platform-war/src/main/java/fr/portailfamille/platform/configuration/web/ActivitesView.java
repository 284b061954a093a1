package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.configuration.CommuneConfiguration.Establishment;
import fr.portailfamille.platform.configuration.web.form.ActivityRow;
import fr.portailfamille.platform.configuration.web.form.UnitRow;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.NextFocus;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code agent/configuration/activites.xhtml}: each activity's rules (deadlines, late policy, validation,
 * ages, levels, place, description, documents) and its units (times, weekdays, capacity; add, remove);
 * removing an activity or unit is refused at the save while it has bookings or registrations; an activity created
 * since the screen was opened is kept by its save.
 */
@Named
@ViewScoped
public class ActivitesView extends ConfigurationSection {

    private List<ActivityRow> activities;
    private Map<String, String> establishmentItems;
    /** The activities removed on this screen since the last save ("Retirer l'activité"). */
    private final RemovedRows<ActivityRow> removed = new RemovedRows<>();
    /** The units removed since the last save ("Retirer l'unité"), each from its activity's list. */
    private final RemovedRows<UnitRow> removedUnits = new RemovedRows<>();
    /** The codes of the activities this screen showed when it was read; null while it is being read. */
    private java.util.Set<String> shown;

    @Override
    public void load() {
        shown = null;
        CommuneConfiguration conf = opened();
        shown = conf.activities().stream().map(Activity::code).collect(java.util.stream.Collectors.toSet());
        activities = new ArrayList<>(conf.activities().stream().map(ActivityRow::new).toList());
        establishmentItems = establishmentItems(conf.establishments());
        removed.clear();
        removedUnits.clear();
    }

    /**
     * The activities the screen shows, as saved: a save refuses what another agent changed in them since (a capacity
     * raised, a weekday removed, a unit added would otherwise go back to what this screen read); one created since is
     * kept ({@link #edited}).
     */
    @Override
    protected Object part(CommuneConfiguration c) {
        return c.activities().stream().filter(a -> shown == null || shown.contains(a.code())).toList();
    }

    /**
     * A removal refused (the activity has bookings or registrations, the unit bookings): the rows come back where they
     * were ({@link RemovedRows}).
     */
    @Override
    protected void refused(List<FieldError> errors) {
        if (errors.stream().anyMatch(e -> "activities".equals(e.field()))) {
            removed.putBack();
        }
        if (unitRemovalRefused(errors)) {
            removedUnits.putBack();
        }
    }

    /** Whether {@code errors} refuse a unit's removal (ConfigurationStore: {@code activities[i].units}, the unit in use). */
    static boolean unitRemovalRefused(List<FieldError> errors) {
        return errors.stream().anyMatch(e -> e.field() != null && e.field().matches("activities\\[\\d+]\\.units"));
    }

    /**
     * The saved establishments, for the "Lieu" choice (name → code); two of one name (the école maternelle and the école
     * élémentaire « Jean Moulin ») stay two, each named with its code.
     */
    static Map<String, String> establishmentItems(List<Establishment> establishments) {
        List<Establishment> named = establishments.stream().filter(e -> e.code() != null && e.name() != null).toList();
        Map<String, Long> names = named.stream().collect(java.util.stream.Collectors.groupingBy(Establishment::name,
                java.util.stream.Collectors.counting()));
        Map<String, String> m = new LinkedHashMap<>();
        named.forEach(e -> m.put(names.get(e.name()) > 1 ? e.name() + " (" + e.code() + ")" : e.name(), e.code()));
        return m;
    }

    public void addUnit(int activity) {
        activities.get(activity).getUnits().add(new UnitRow());
        NextFocus.on("activites:activities:" + activity + ":units:" + (activities.get(activity).getUnits().size() - 1) + ":code");
    }

    public void removeUnit(int activity, int unit) {
        removedUnits.remove(activities.get(activity).getUnits(), unit);
        NextFocus.on("activites:activities:" + activity + ":addUnit");
    }

    /** "Retirer l'activité": gone at the next save, which refuses if the activity has bookings or registrations. */
    public void removeActivity(int activity) {
        removed.remove(activities, activity);
        NextFocus.on("activites:save");
    }

    public void save() {
        List<FieldError> times = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            times.addAll(activities.get(i).timeErrors("activities[" + i + "]"));
        }
        if (!times.isEmpty()) {
            FormErrors.show("activites", times);
            return;
        }
        // a weekday removed from a unit undoes what families booked on it from today: told, and saved once confirmed
        saveOnceConfirmed("activites", Texts.of("agent.config.activities.saved"), "agent.config.undo.confirm",
                c -> c.withActivities(edited(c.activities(), activities, removed.rows().stream().map(ActivityRow::getCode)
                        .collect(java.util.stream.Collectors.toSet()))), "activites:save");
    }

    /**
     * The rows applied to the saved activities of the same code (a row whose activity is gone is dropped), then the
     * saved activities this screen never showed — created since it was opened (Nouvelle activité, another agent) —,
     * kept unless removed here.
     */
    static List<Activity> edited(List<Activity> saved, List<ActivityRow> rows, java.util.Set<String> removed) {
        List<Activity> result = new ArrayList<>(rows.stream().map(r -> saved.stream().filter(a -> a.code().equals(r.getCode()))
                .findFirst().map(r::edited).orElse(null)).filter(Objects::nonNull).toList());
        java.util.Set<String> shown = rows.stream().map(ActivityRow::getCode).collect(java.util.stream.Collectors.toSet());
        saved.stream().filter(a -> !shown.contains(a.code()) && !removed.contains(a.code())).forEach(result::add);
        return List.copyOf(result);
    }

    public List<ActivityRow> getActivities() { return activities; }
    public Map<String, String> getEstablishmentItems() { return establishmentItems; }
}
