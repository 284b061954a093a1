package fr.portailfamille.platform.billing.web;

import fr.portailfamille.billing.Regie;
import fr.portailfamille.platform.billing.export.CafSummary;
import fr.portailfamille.platform.billing.export.RegieExports;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The staff's exports page (agent/exports-facturation): a régie and a period chosen in a GET form
 * ({@code ?regie=…&du=2026-10-01&au=2026-10-31}, last month by default), the CAF summary previewed, and
 * the links to download each dataset as CSV or XLSX ({@link BillingExportServlet}). A bad date or period
 * is said next to its field.
 */
@Named
@RequestScoped
public class ExportsFacturationView {

    @Inject
    RegieExports exports;

    @Inject
    UserView user;

    @Inject
    fr.portailfamille.platform.configuration.CommuneSettings settings;

    private String regie;
    private String du;
    private String au;
    private List<Regie> regies = List.of();
    private List<CafSummary.Row> summary;
    private String regieError;
    private String duError;
    private String auError;

    public void load() {
        regies = exports.regies(user.require());
        if ((regie == null || regie.isBlank()) && !regies.isEmpty()) {
            regie = regies.get(0).code();
        }
        YearMonth last = YearMonth.now(PlatformTime.ZONE).minusMonths(1);
        if (du == null || du.isBlank()) {
            du = last.atDay(1).toString();
        }
        if (au == null || au.isBlank()) {
            au = last.atEndOfMonth().toString();
        }
        if (regies.isEmpty()) {
            return;
        }
        LocalDate from = parse(du, true);
        LocalDate to = parse(au, false);
        if (from == null || to == null) {
            return;
        }
        try {
            summary = exports.cafSummary(user.require(), regie, from, to);
        } catch (Refused e) {
            if ("regie".equals(e.field())) {
                regieError = Texts.of(e);
            } else if ("du".equals(e.field())) {
                duError = Texts.of(e);
            } else {
                auError = Texts.of(e);
            }
        }
    }

    private LocalDate parse(String value, boolean first) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            String message = Texts.of(first ? "agent.exports.from.invalid" : "agent.exports.to.invalid");
            if (first) {
                duError = message;
            } else {
                auError = message;
            }
            return null;
        }
    }

    /** The download link of one dataset in one format, for the chosen régie and period. */
    public String link(String dataset, String format) {
        return "exports-facturation/fichier?regie=" + enc(regie) + "&du=" + enc(du) + "&au=" + enc(au) + "&donnees="
                + dataset + "&format=" + format;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /** Whether the links may be offered: a régie and a valid period. */
    public boolean isReady() {
        return summary != null;
    }

    public List<RegieExports.Dataset> getDatasets() { return List.of(RegieExports.Dataset.values()); }
    public List<Regie> getRegies() { return regies; }
    public List<CafSummary.Row> getSummary() { return summary; }

    /**
     * A row's bracket in the page's language: "T2 – Tranche 2 (QF from 451 to 700)", "no QF / maximum tariff", an
     * activity's total, the grand total (the files keep the French of {@link CafSummary.Row#bracketLabel()}).
     */
    public String label(CafSummary.Row r) {
        if (r.activity() == null) {
            return fr.portailfamille.platform.web.Texts.of("agent.exports.caf.grandTotal");
        }
        if (r.total()) {
            return fr.portailfamille.platform.web.Texts.of("agent.exports.caf.activityTotal", r.activity());
        }
        if (r.bracketCode() == null) {
            return fr.portailfamille.platform.web.Texts.of("agent.exports.caf.noBracket");
        }
        return settings.billing().settings().bracket(r.bracketCode()).map(q -> q.code() + " – " + q.label() + " ("
                + fr.portailfamille.platform.web.Texts.of(q.rangeWords()) + ")").orElse(r.bracketCode());
    }

    /** A dataset's name in the page's language. */
    public String title(RegieExports.Dataset d) {
        return fr.portailfamille.platform.web.Texts.of("agent.exports.dataset." + d.param());
    }
    public String getRegie() { return regie; }
    public void setRegie(String regie) { this.regie = regie; }
    public String getDu() { return du; }
    public void setDu(String du) { this.du = du; }
    public String getAu() { return au; }
    public void setAu(String au) { this.au = au; }
    public String getRegieError() { return regieError; }
    public String getDuError() { return duError; }
    public String getAuError() { return auError; }
}
