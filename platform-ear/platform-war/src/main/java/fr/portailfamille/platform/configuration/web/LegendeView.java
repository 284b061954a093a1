package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.platform.configuration.web.form.LegendRow;
import fr.portailfamille.platform.web.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** {@code agent/configuration/legende.xhtml}: each calendar state's label and colours (4.5:1 contrast). */
@Named
@ViewScoped
public class LegendeView extends ConfigurationSection {

    private List<LegendRow> legend;

    @Override
    public void load() {
        Legend saved = opened().legend();
        legend = new ArrayList<>();
        for (DayState s : DayState.values()) {
            legend.add(new LegendRow(s, saved.entry(s)));
        }
    }

    public void save() {
        Map<DayState, Legend.LegendEntry> entries = new EnumMap<>(DayState.class);
        legend.forEach(r -> entries.put(r.getState(), r.toEntry()));
        save("legende", Texts.of("agent.config.legend.saved"), c -> c.withLegend(new Legend(entries)));
    }

    public List<LegendRow> getLegend() { return legend; }

    /** What a state means, in words ("Réservé, encore annulable sans frais"): the row's title, never its code. */
    public String meaning(LegendRow row) {
        return meaning(row.getState().name());
    }

    /** {@link #meaning(LegendRow)} of a state's code (the configuration's journal names the legend's items by it). */
    public static String meaning(String state) {
        return Texts.word(STATE, state);
    }

    private static final String STATE = "agent.config.legend.state.";

    /** What another agent's save may not be overwritten with: the legend. */
    @Override
    protected Object part(CommuneConfiguration c) {
        return c.legend() == null ? "" : new java.util.TreeMap<>(c.legend().entries()); // in the states' order
    }
}
