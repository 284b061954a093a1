package fr.portailfamille.platform.booking.web;

import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.platform.booking.PlanningCell;
import fr.portailfamille.platform.booking.PlanningDay;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Mon planning's month as the page draws it: each day with its label, each unit-day with every word and
 * colour of its button already computed (its state in the commune's words, "sélectionné" when selected,
 * its accessible name), so that rendering the grid reads properties only. Built once per request by
 * {@link PlanningView} from the days it holds and the selection; never stored in the session.
 */
final class PlanningGridCells {

    /** The words a cell may show besides the legend's: "sélectionné", "à annuler" (page language). */
    record Words(String selected, String toCancel, String absence, String on) {
    }

    private PlanningGridCells() {
    }

    /** The weeks of {@code days} (columns {@code columns}, {@code null} for a day outside the month). */
    static List<List<GridDay>> weeks(List<PlanningDay> days, List<DayOfWeek> columns, Legend legend, Words words,
            Locale locale, BiPredicate<Long, LocalDate> selected) {
        DateTimeFormatter dayMonth = DateTimeFormatter.ofPattern("EEEE d MMMM", locale);
        DateTimeFormatter dayLabel = DateTimeFormatter.ofPattern("EEEE d", locale);
        Map<DayState, String[]> states = new EnumMap<>(DayState.class);
        for (DayState s : DayState.values()) {
            Legend.LegendEntry e = legend.entry(s);
            String label = legend.label(s, locale); // the default legend in the page's language
            String lower = label == null || label.isEmpty() ? "" : label.substring(0, 1).toLowerCase(locale) + label.substring(1);
            states.put(s, new String[] {label, "background: " + e.background() + "; color: " + e.text(), lower});
        }
        String lowerSelected = lower(words.selected(), locale);
        String lowerToCancel = lower(words.toCancel(), locale);
        List<GridDay> shown = new ArrayList<>(days.size());
        for (PlanningDay d : days) {
            if (d == null) {
                shown.add(null);
                continue;
            }
            String name = dayMonth.format(d.getDay());
            String label = dayLabel.format(d.getDay());
            List<GridCell> cells = new ArrayList<>(d.getCells().size());
            for (PlanningCell c : d.getCells()) {
                String[] st = states.get(c.getState());
                cells.add(new GridCell(c, selected.test(c.getUnitId(), c.getDay()), name, st[0], st[1], st[2],
                        words, lowerSelected, lowerToCancel, label));
            }
            shown.add(new GridDay(d.getDay(), label, cells));
        }
        return PlanningGrid.weeks(shown, GridDay::getDay, columns);
    }

    private static String lower(String word, Locale locale) {
        return word == null || word.isEmpty() ? "" : word.substring(0, 1).toLowerCase(locale) + word.substring(1);
    }

    /** A day of the grid: its date, its label ("mardi 8") and its unit-days. */
    public static final class GridDay {

        private final LocalDate day;
        private final String label;
        private final List<GridCell> cells;

        GridDay(LocalDate day, String label, List<GridCell> cells) {
            this.day = day;
            this.label = label;
            this.cells = cells;
        }

        public LocalDate getDay() { return day; }
        public String getLabel() { return label; }
        public int getDayOfMonth() { return day.getDayOfMonth(); }
        public List<GridCell> getCells() { return cells; }
    }

    /** A unit-day of the grid: the service's cell, whether it is selected, and its words and colours. */
    public static final class GridCell {

        private final PlanningCell cell;
        private boolean selected;
        private final String dayName;
        private final String stateLabel;
        private final String stateStyle;
        private final String stateLower;
        private final Words words;
        private final String lowerSelected;
        private final String lowerToCancel;
        private final String dayLabel;

        GridCell(PlanningCell cell, boolean selected, String dayName, String stateLabel, String stateStyle, String stateLower,
                Words words, String lowerSelected, String lowerToCancel, String dayLabel) {
            this.cell = cell;
            this.selected = selected;
            this.dayName = dayName;
            this.stateLabel = stateLabel;
            this.stateStyle = stateStyle;
            this.stateLower = stateLower;
            this.words = words;
            this.lowerSelected = lowerSelected;
            this.lowerToCancel = lowerToCancel;
            this.dayLabel = dayLabel;
        }

        /** The service's cell (what the toggle acts on). */
        public PlanningCell getCell() { return cell; }
        void setSelected(boolean selected) { this.selected = selected; }
        public boolean isSelected() { return selected; }
        /** Whether a tap does something: bookable, or booked and cancellable. */
        public boolean isActive() { return cell.isBookable() || cell.isCancellable(); }
        public LocalDate getDay() { return cell.getDay(); }
        public long getUnitId() { return cell.getUnitId(); }
        public String getUnitLabel() { return cell.getUnitLabel(); }
        public DayState getState() { return cell.getState(); }
        public Long getBookingId() { return cell.getBookingId(); }
        public boolean isSurcharged() { return cell.isSurcharged(); }
        public String getReason() { return cell.getReason(); }
        public boolean isAbsenceAllowed() { return cell.isAbsenceAllowed(); }
        /** The unpublished opening window the day is asked for in, or {@code null}. */
        public fr.portailfamille.platform.booking.WindowSpan getWindow() { return cell.getWindow(); }
        /** "mardi 8 septembre": the start of the cell's accessible names. */
        public String getDayName() { return dayName; }
        public String getCellClass() { return selected ? "pf-cell pf-cell-on" : "pf-cell"; }
        public String getToggleClass() { return selected ? "pf-toggle pf-toggle-on" : "pf-toggle"; }
        /** The commune's colours of the state, none once selected (the selected look is the stylesheet's). */
        public String getToggleStyle() { return selected ? null : stateStyle; }
        public String getStateStyle() { return stateStyle; }
        public String getAction() { return cell.isCancellable() ? "cancel" : "book"; }
        /** The state in words under the button: the commune's label, or "Sélectionné" / "À annuler". */
        public String getWord() {
            return selected ? (cell.isCancellable() ? words.toCancel() : words.selected()) : stateLabel;
        }
        /** The button's accessible name: "mardi 8 septembre, Midi : réservable". */
        public String getAriaLabel() {
            return dayName + ", " + cell.getUnitLabel() + " : "
                    + (selected ? (cell.isCancellable() ? lowerToCancel : lowerSelected) : stateLower);
        }
        /** The absence link's accessible name: "Signaler une absence Midi le mardi 8". */
        public String getAbsenceLabel() {
            return words.absence() + " " + cell.getUnitLabel() + " " + words.on() + " " + dayLabel;
        }
    }
}
