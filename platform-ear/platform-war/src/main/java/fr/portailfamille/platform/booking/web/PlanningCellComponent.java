package fr.portailfamille.platform.booking.web;

import fr.portailfamille.platform.booking.WindowSpan;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.ActionEvent;
import jakarta.faces.event.FacesEvent;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * One unit-day of Mon planning's grid: its box, the toggle button (or the chip of a day that cannot be tapped, or the
 * link to the opening window's request), its state in words and its notes ({@link #write}, called by the grid,
 * {@link PlanningGridComponent}, for each unit-day of the month). The box's id {@code …:cell} is what a tap
 * re-renders, the button's {@code …:toggle} what it posts.
 * <p>A tap: the grid lends the request this component for the tapped unit-day ({@link #lent}); it decodes the tap
 * (the button's name in a plain form post, or the AJAX request's source: {@code planning.js} executes and renders the
 * box) and queues it through the grid; the cell's {@link PlanningView#toggle} runs in Invoke Application.
 */
@FacesComponent(PlanningCellComponent.TYPE)
public class PlanningCellComponent extends UIComponentBase {

    public static final String TYPE = "fr.portailfamille.PlanningCell";
    static final String FAMILY = "fr.portailfamille.Planning";
    private static final String RENDER = "@cell planning:count planning:actions planning:details";

    /** Set when the grid ({@link PlanningGridComponent}) lends this cell for one tap or one re-render: its box's id. */
    private String boxId;
    /** The grid that lent this cell, through which its tap is queued (the lent cell is not in the view's tree). */
    private UIComponent owner;

    public PlanningCellComponent() {
        setRendererType(null);
    }

    /** A cell lent by the grid: not in the tree, not saved, known by its box's id. */
    static PlanningCellComponent lent(UIComponent grid, String boxId, PlanningGridCells.GridCell cell, PlanningView view) {
        PlanningCellComponent c = new PlanningCellComponent();
        c.setTransient(true);
        c.boxId = boxId;
        c.owner = grid;
        c.getAttributes().put("value", cell);
        c.getAttributes().put("view", view);
        return c;
    }

    @Override
    public String getClientId(FacesContext context) {
        return boxId != null ? boxId : super.getClientId(context);
    }

    @Override
    public String getFamily() {
        return FAMILY;
    }

    private PlanningGridCells.GridCell cell() {
        return (PlanningGridCells.GridCell) getAttributes().get("value");
    }

    private PlanningView view() {
        return (PlanningView) getAttributes().get("view");
    }

    /** The button's id and name: the box's id ending in "toggle" instead of "cell", as the command button had. */
    String toggleId(FacesContext context) {
        return toggleOf(getClientId(context));
    }

    static String toggleOf(String box) {
        return box.endsWith("cell") ? box.substring(0, box.length() - 4) + "toggle" : box + ":toggle";
    }

    @Override
    public void decode(FacesContext context) {
        PlanningGridCells.GridCell cell = cell();
        if (cell == null || !cell.isActive()) {
            return;
        }
        String toggle = toggleId(context);
        Map<String, String> params = context.getExternalContext().getRequestParameterMap();
        if (params.containsKey(toggle) || toggle.equals(params.get("jakarta.faces.source"))) {
            ActionEvent tap = new ActionEvent(this);
            tap.setPhaseId(PhaseId.INVOKE_APPLICATION);
            (owner != null ? owner : this).queueEvent(tap);
        }
    }

    @Override
    public void broadcast(FacesEvent event) throws AbortProcessingException {
        super.broadcast(event);
        if (event instanceof ActionEvent) {
            PlanningGridCells.GridCell cell = cell();
            PlanningView view = view();
            if (cell != null && view != null) {
                view.toggle(cell);
            }
        }
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    @Override
    public void encodeChildren(FacesContext context) {
        // no children: the cell is written whole by encodeEnd
    }

    @Override
    public void encodeEnd(FacesContext context) throws IOException {
        PlanningGridCells.GridCell c = cell();
        if (c == null || !isRendered()) {
            return;
        }
        write(context, this, getClientId(context), c, view(), context.getApplication().getResourceBundle(context, "msg"),
                context.getExternalContext().getRequestContextPath());
    }

    /** Writes the cell {@code c} whose box's id is {@code box} ({@code owner}: the component writing it). */
    static void write(FacesContext context, UIComponent owner, String box, PlanningGridCells.GridCell c, PlanningView view,
                      ResourceBundle msg, String path) throws IOException {
        String key = c.getDay() + "-" + c.getUnitId();
        ResponseWriter w = context.getResponseWriter();
        w.startElement("div", owner);
        w.writeAttribute("id", box, null);
        w.writeAttribute("class", c.getCellClass(), null);
        WindowSpan window = c.getWindow();
        if (c.isActive()) {
            String toggle = toggleOf(box);
            w.startElement("input", null);
            w.writeAttribute("id", toggle, null);
            w.writeAttribute("type", "submit", null);
            w.writeAttribute("name", toggle, null);
            w.writeAttribute("value", c.getUnitLabel(), null);
            w.writeAttribute("class", c.getToggleClass(), null);
            if (c.getToggleStyle() != null) {
                w.writeAttribute("style", c.getToggleStyle(), null);
            }
            w.writeAttribute("aria-pressed", String.valueOf(c.isSelected()), null);
            w.writeAttribute("aria-label", c.getAriaLabel(), null);
            w.writeAttribute("data-day", c.getDay().toString(), null);
            w.writeAttribute("data-unit", String.valueOf(c.getUnitId()), null);
            w.writeAttribute("data-action", c.getAction(), null);
            w.writeAttribute("data-execute", "@cell", null);
            w.writeAttribute("data-render", RENDER, null);
            w.endElement("input");
        } else if (window == null) {
            w.startElement("span", null);
            w.writeAttribute("class", "pf-unit pf-chip", null);
            w.writeAttribute("style", c.getStateStyle(), null);
            w.writeText(c.getUnitLabel(), null);
            w.endElement("span");
        } else {
            w.startElement("a", null);
            w.writeAttribute("class", "pf-unit pf-chip pf-chip-link", null);
            w.writeAttribute("style", c.getStateStyle(), null);
            w.writeAttribute("id", "ask-" + key, null);
            w.writeURIAttribute("href", path + "/espace/ma-demande.xhtml?fenetre=" + window.getId(), null);
            w.writeAttribute("aria-label", c.getDayName() + ", " + c.getUnitLabel() + " : " + view.windowWords(window)
                    + ". " + msg.getString("planning.window.ask"), null);
            w.writeText(c.getUnitLabel(), null);
            w.endElement("a");
        }
        w.startElement("span", null);
        w.writeAttribute("class", "pf-state-word", null);
        w.writeAttribute("data-state", c.getState().name(), null);
        w.writeAttribute("id", "state-" + key, null);
        if (c.isActive() || window != null) {
            w.writeAttribute("aria-hidden", "true", null);
        }
        w.writeText(c.getWord(), null);
        w.endElement("span");
        if (c.isSurcharged()) {
            note(w, "surcharge-" + key, msg.getString("planning.cell.surcharged"));
        }
        if (c.getReason() != null) {
            note(w, "reason-" + key, msg.getString("planning.cell.reason") + " "
                    + fr.portailfamille.platform.booking.ClosedDays.inWords(c.getReason(), msg::getString));
        }
        if (c.isAbsenceAllowed()) {
            w.startElement("a", null);
            w.writeAttribute("class", "pf-cell-note", null);
            w.writeURIAttribute("href", path + "/espace/absence.xhtml?reservation=" + c.getBookingId(), null);
            w.writeAttribute("aria-label", c.getAbsenceLabel(), null);
            w.writeAttribute("data-day", c.getDay().toString(), null);
            w.writeText(msg.getString("planning.absence"), null);
            w.endElement("a");
        }
        w.endElement("div");
    }

    private static void note(ResponseWriter w, String id, String text) throws IOException {
        w.startElement("span", null);
        w.writeAttribute("class", "pf-hint pf-cell-note", null);
        w.writeAttribute("id", id, null);
        w.writeText(text, null);
        w.endElement("span");
    }
}
