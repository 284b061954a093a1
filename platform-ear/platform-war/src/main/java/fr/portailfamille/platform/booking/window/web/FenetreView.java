package fr.portailfamille.platform.booking.window.web;

import fr.portailfamille.booking.window.Criterion;
import fr.portailfamille.booking.window.WindowRules;
import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.platform.booking.ActivityCatalog;
import fr.portailfamille.platform.booking.window.AllocationLine;
import fr.portailfamille.platform.booking.window.OpeningWindows;
import fr.portailfamille.platform.booking.window.WindowSettings;
import fr.portailfamille.platform.booking.window.WindowSummary;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.web.ViewParams;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Page agent/fenetre: the commune's opening windows with their requests counted; opening one (activity, period,
 * dates, the weight of each criterion); for one window, closing and allocating, re-running with the recorded seed,
 * the preview (who gets which day, who waits, why), adjustments with a reason, publishing.
 */
@Named
@ViewScoped
public class FenetreView implements Serializable {

    @Inject
    OpeningWindows desk;

    @Inject
    ActivityCatalog catalog;

    @Inject
    UserView user;

    private Long id;
    private List<WindowSummary> windows = List.of();
    private List<Activity> activities = List.of();
    private WindowSummary current;
    /** The allocation's lines, read a page at a time (a window of 2,000 requests has some 20,000). */
    private fr.portailfamille.platform.web.QueueModel<AllocationLine> lines;
    private long lineCount;
    private boolean healthRanked;
    // the form "Ouvrir une fenêtre"
    private Long activity;
    private String periodFrom;
    private String periodTo;
    private String opensAt;
    private String closesAt;
    private final Map<Criterion, Integer> weights = new EnumMap<>(Criterion.class);
    private Integer qfCeiling;
    private boolean siblingsTogether;
    private boolean proofRequired;
    private String reason;

    public void load() {
        activities = catalog.activities();
        windows = desk.windows(user.require());
        current = id == null ? null : windows.stream().filter(w -> w.getId() == id).findFirst().orElse(null);
        long total = current == null ? 0 : current.getPlaced() + current.getWaiting();
        // a window ranked by a health criterion: its lines for agent-sante only (OpeningWindows.mayRead)
        healthRanked = total > 0 && !desk.mayRead(user.require(), id);
        lineCount = healthRanked ? 0 : total;
        lines = lineCount == 0 ? null : new fr.portailfamille.platform.web.QueueModel<>(() -> total,
                (offset, limit, sort) -> desk.preview(user.require(), id, offset, limit), AllocationLine::getWishId);
    }

    /** Opens a window with the form's settings. */
    public String open() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        LocalDate from = date(ctx, "open:from", periodFrom);
        LocalDate to = date(ctx, "open:to", periodTo);
        LocalDateTime opens = dateTime(ctx, "open:opens", opensAt);
        LocalDateTime closes = dateTime(ctx, "open:closes", closesAt);
        if (activity == null) {
            error(ctx, "open:activity", Texts.of("fenetre.agent.activity.required"));
        }
        // each weight beside its own input (the rows of ui:repeat "criteria"), the ceiling beside its own
        List<Criterion> criteria = getCriteria();
        for (int i = 0; i < criteria.size(); i++) {
            Integer w = weights.get(criteria.get(i));
            if (w != null && (w < 0 || w > WindowRules.MAX_WEIGHT)) {
                error(ctx, "open:criteria:" + i + ":weight", Texts.of("fenetre.agent.weight.range", WindowRules.MAX_WEIGHT));
            }
        }
        if (qfCeiling != null && qfCeiling < 0) {
            error(ctx, "open:qf", Texts.of("fenetre.agent.qf.negative"));
        }
        if (!ctx.getMessageList().isEmpty()) {
            return null;
        }
        try {
            long opened = desk.open(user.require(), new WindowSettings(activity, from, to, opens, closes,
                    new WindowRules(weights, qfCeiling, siblingsTogether), proofRequired));
            return "/agent/fenetre.xhtml?faces-redirect=true&id=" + opened;
        } catch (Refused e) {
            // next to its field when it has one (the period, the closing), else under the button
            error(ctx, e.field() == null || e.field().isEmpty() ? "open:submit" : "open:" + e.field(), Texts.of(e));
            return null;
        }
    }

    public void close() {
        act(() -> desk.close(user.require(), id), "fenetre.agent.closed");
    }

    /** "Retirer la fenêtre": gone, and the list of windows says so (this window's page has nothing left to show). */
    public String withdraw() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        try {
            int told = desk.withdraw(user.require(), id);
            String text = Texts.of("fenetre.agent.withdrawn", told);
            ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
            ctx.getExternalContext().getFlash().setKeepMessages(true);
            return "/agent/fenetre.xhtml?faces-redirect=true";
        } catch (Refused e) {
            String text = Texts.of(e);
            ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
            load();
            return null;
        }
    }

    public void rerun() {
        act(() -> desk.rerun(user.require(), id), "fenetre.agent.rerunDone");
    }

    public void publish() {
        act(() -> desk.publish(user.require(), id), "fenetre.agent.published");
    }

    /** Gives a seat to ({@code place}) or takes it from one line, with the reason typed above the table. */
    public void adjust(long wishId, boolean place) {
        act(() -> {
            desk.adjust(user.require(), wishId, place, reason);
            reason = null;
            return null;
        }, "fenetre.agent.adjusted");
    }

    /** Runs {@code action}, then says so with the text of the key {@code done}, or shows the refusal. */
    private void act(java.util.function.Supplier<Object> action, String done) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        try {
            action.get();
            String text = Texts.of(done);
            ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
        } catch (Refused e) {
            error(ctx, "reason".equals(e.field()) ? "preview:reason" : null, Texts.of(e));
        }
        load();
    }

    private static LocalDate date(FacesContext ctx, String field, String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(ctx, field, Texts.of("fenetre.agent.date.invalid"));
            return null;
        }
    }

    private static LocalDateTime dateTime(FacesContext ctx, String field, String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            error(ctx, field, Texts.of("fenetre.agent.dateTime.invalid"));
            return null;
        }
    }

    private static void error(FacesContext ctx, String clientId, String message) {
        ctx.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    }

    /** The criteria in their order, for the weights' inputs. */
    public List<Criterion> getCriteria() {
        return List.of(Criterion.values());
    }

    public Long getId() { return id; }
    public void setId(Long v) { if (ViewParams.opening()) id = v; }
    public List<WindowSummary> getWindows() { return windows; }
    public List<Activity> getActivities() { return activities; }
    public WindowSummary getCurrent() { return current; }
    /** The allocation's lines as a lazy table (null when none). */
    public fr.portailfamille.platform.web.QueueModel<AllocationLine> getLines() { return lines; }
    /** Whether the allocation has lines to show. */
    public boolean isHasLines() { return lineCount > 0; }
    public boolean isHealthRanked() { return healthRanked; }
    public Long getActivity() { return activity; }
    public void setActivity(Long v) { activity = v; }
    public String getPeriodFrom() { return periodFrom; }
    public void setPeriodFrom(String v) { periodFrom = v; }
    public String getPeriodTo() { return periodTo; }
    public void setPeriodTo(String v) { periodTo = v; }
    public String getOpensAt() { return opensAt; }
    public void setOpensAt(String v) { opensAt = v; }
    public String getClosesAt() { return closesAt; }
    public void setClosesAt(String v) { closesAt = v; }
    public Map<Criterion, Integer> getWeights() { return weights; }
    public Integer getQfCeiling() { return qfCeiling; }
    public void setQfCeiling(Integer v) { qfCeiling = v; }
    public boolean isSiblingsTogether() { return siblingsTogether; }
    public void setSiblingsTogether(boolean v) { siblingsTogether = v; }
    public boolean isProofRequired() { return proofRequired; }
    public void setProofRequired(boolean v) { proofRequired = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }

    /** A criterion in the page's language ("parents qui travaillent", "working parents"), beside its weight. */
    public String criterion(Criterion c) {
        return Texts.of(fr.portailfamille.problems.Problems.of("booking.criterion." + c.name()));
    }
}
