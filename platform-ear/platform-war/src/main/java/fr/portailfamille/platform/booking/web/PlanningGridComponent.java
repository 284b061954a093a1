package fr.portailfamille.platform.booking.web;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.NamingContainer;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.component.visit.VisitCallback;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The body of Mon planning's month grid ({@code <pf:planningGrid id="w" view="#{planningView}"/>} in a
 * {@code <tbody>}): one row per week, one cell per day, each unit-day written by {@link PlanningCellComponent#write},
 * by this one component. The grid used three nested {@code ui:repeat} (weeks, days, units) around a cell component:
 * on every page the repeats saved and restored their rows' state and evaluated their expressions for each of the
 * month's ~100 unit-days (bench 4's profile: a third of the page's rendering).
 * <p>The ids are those the repeats gave, {@code planning:w:<week>:d:<day>:u:<unit>:cell} (the box) and
 * {@code …:toggle} (its button): a tap sent by {@code planning.js} executes and re-renders that id, so when a request
 * (Faces AJAX) names one of them, this grid lends the request a {@link PlanningCellComponent} for that unit-day
 * ({@link #visitTree}), which decodes the tap and queues it through this grid, and writes the box again. A form
 * posted without JavaScript carries the button's name, found by {@link #decode}.
 */
@FacesComponent(PlanningGridComponent.TYPE)
public class PlanningGridComponent extends UIComponentBase implements NamingContainer {

    public static final String TYPE = "fr.portailfamille.PlanningGrid";

    public PlanningGridComponent() {
        setRendererType(null);
    }

    @Override
    public String getFamily() {
        return PlanningCellComponent.FAMILY;
    }

    private PlanningView view() {
        return (PlanningView) getAttributes().get("view");
    }

    private List<List<PlanningGridCells.GridDay>> weeks() {
        PlanningView view = view();
        return view == null ? List.of() : view.getWeeks();
    }

    /** The box id of the unit {@code u} of the day {@code d} of the week {@code w}, as the repeats named it. */
    static String boxId(String grid, char sep, int w, int d, int u) {
        return grid + sep + w + sep + "d" + sep + d + sep + "u" + sep + u + sep + "cell";
    }

    /** The cell whose box id is {@code id}, lent for this request, or null when no unit-day of the grid has that id. */
    PlanningCellComponent cellAt(FacesContext context, String id) {
        String grid = getClientId(context);
        char sep = UINamingContainer.getSeparatorChar(context);
        int[] at = indexes(grid, sep, id);
        if (at == null) {
            return null;
        }
        List<List<PlanningGridCells.GridDay>> weeks = weeks();
        int w = at[0];
        int d = at[1];
        int u = at[2];
        if (w >= weeks.size() || d >= weeks.get(w).size() || weeks.get(w).get(d) == null
                || u >= weeks.get(w).get(d).getCells().size()) {
            return null;
        }
        return PlanningCellComponent.lent(this, id, weeks.get(w).get(d).getCells().get(u), view());
    }

    /**
     * The week, day and unit indexes a box id names ({@code <grid>:<w>:d:<d>:u:<u>:cell}, as {@link #boxId} writes it),
     * or null when {@code id} is not such an id of the grid {@code grid}.
     */
    static int[] indexes(String grid, char sep, String id) {
        String prefix = grid + sep;
        if (!id.startsWith(prefix)) {
            return null;
        }
        String[] parts = id.substring(prefix.length()).split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
        if (parts.length != 6 || !"d".equals(parts[1]) || !"u".equals(parts[3]) || !"cell".equals(parts[5])) {
            return null;
        }
        try {
            int[] at = {Integer.parseInt(parts[0]), Integer.parseInt(parts[2]), Integer.parseInt(parts[4])};
            // only the id the grid writes: no sign, no leading zero
            return at[0] >= 0 && at[1] >= 0 && at[2] >= 0 && id.equals(boxId(grid, sep, at[0], at[1], at[2])) ? at : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Visits this grid, then, when the request names unit-days of it (a tap's execute and render), a cell lent for
     * each. A visit of the whole tree (state saving, {@link VisitHint#SKIP_ITERATION}) sees the grid alone: its cells
     * are written from the view's bean, they hold no state.
     */
    @Override
    public boolean visitTree(VisitContext context, VisitCallback callback) {
        if (!isVisitable(context)) {
            return false;
        }
        FacesContext faces = context.getFacesContext();
        pushComponentToEL(faces, null);
        try {
            VisitResult result = context.invokeVisitCallback(this, callback);
            if (result == VisitResult.COMPLETE) {
                return true;
            }
            if (result == VisitResult.ACCEPT && !context.getHints().contains(VisitHint.SKIP_ITERATION)) {
                Collection<String> ids = context.getSubtreeIdsToVisit(this);
                if (ids != VisitContext.ALL_IDS) {
                    for (String id : List.copyOf(ids)) {
                        PlanningCellComponent cell = cellAt(faces, id);
                        if (cell != null && context.invokeVisitCallback(cell, callback) == VisitResult.COMPLETE) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } finally {
            popComponentFromEL(faces);
        }
    }

    /** A form posted without JavaScript: the tapped button's name is among the parameters. */
    @Override
    public void decode(FacesContext context) {
        Map<String, String> params = context.getExternalContext().getRequestParameterMap();
        char sep = UINamingContainer.getSeparatorChar(context);
        String grid = getClientId(context);
        List<List<PlanningGridCells.GridDay>> weeks = weeks();
        for (int w = 0; w < weeks.size(); w++) {
            List<PlanningGridCells.GridDay> week = weeks.get(w);
            for (int d = 0; d < week.size(); d++) {
                if (week.get(d) == null) {
                    continue;
                }
                List<PlanningGridCells.GridCell> cells = week.get(d).getCells();
                for (int u = 0; u < cells.size(); u++) {
                    String box = boxId(grid, sep, w, d, u);
                    if (params.containsKey(PlanningCellComponent.toggleOf(box))) {
                        PlanningCellComponent.lent(this, box, cells.get(u), view()).decode(context);
                    }
                }
            }
        }
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    @Override
    public void encodeChildren(FacesContext context) {
        // no children: the rows are written by encodeEnd
    }

    @Override
    public void encodeEnd(FacesContext context) throws IOException {
        if (!isRendered()) {
            return;
        }
        PlanningView view = view();
        ResourceBundle msg = context.getApplication().getResourceBundle(context, "msg");
        String path = context.getExternalContext().getRequestContextPath();
        char sep = UINamingContainer.getSeparatorChar(context);
        String grid = getClientId(context);
        ResponseWriter out = context.getResponseWriter();
        List<List<PlanningGridCells.GridDay>> weeks = weeks();
        for (int w = 0; w < weeks.size(); w++) {
            out.startElement("tr", this);
            List<PlanningGridCells.GridDay> week = weeks.get(w);
            for (int d = 0; d < week.size(); d++) {
                PlanningGridCells.GridDay day = week.get(d);
                out.startElement("td", null);
                out.writeAttribute("class", day == null ? "pf-out" : "pf-day", null);
                if (day != null) {
                    out.startElement("span", null);
                    out.writeAttribute("class", "pf-day-name", null);
                    out.startElement("span", null);
                    out.writeAttribute("class", "pf-wide", null);
                    out.writeText(day.getLabel(), null);
                    out.endElement("span");
                    out.startElement("span", null);
                    out.writeAttribute("class", "pf-narrow", null);
                    out.writeAttribute("aria-hidden", "true", null);
                    out.writeText(String.valueOf(day.getDayOfMonth()), null);
                    out.endElement("span");
                    out.endElement("span");
                    List<PlanningGridCells.GridCell> cells = day.getCells();
                    for (int u = 0; u < cells.size(); u++) {
                        PlanningCellComponent.write(context, this, boxId(grid, sep, w, d, u), cells.get(u), view, msg, path);
                    }
                }
                out.endElement("td");
            }
            out.endElement("tr");
        }
    }
}
