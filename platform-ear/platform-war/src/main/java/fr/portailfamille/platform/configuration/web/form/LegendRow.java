package fr.portailfamille.platform.configuration.web.form;

import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.Legend;
import java.io.Serializable;

/** A legend entry being edited: a state's label and colours. */
public class LegendRow implements Serializable {
    private final DayState state;
    private String label;
    private String background;
    private String text;

    public LegendRow(DayState state, Legend.LegendEntry e) {
        this.state = state;
        this.label = e.label();
        this.background = e.background();
        this.text = e.text();
    }

    /** The entry as typed, its label stripped. */
    public Legend.LegendEntry toEntry() {
        return new Legend.LegendEntry(label == null ? "" : label.strip(), background, text);
    }

    public DayState getState() { return state; }
    public String getLabel() { return label; }
    public void setLabel(String v) { label = v; }
    public String getBackground() { return background; }
    public void setBackground(String v) { background = v; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }

    /** The sample's inline colours, only when both are colours (never a typed text in a style). */
    public String getStyle() {
        return Legend.isColor(background) && Legend.isColor(text) ? "background: " + background + "; color: " + text : "";
    }
}
