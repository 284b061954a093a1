package fr.portailfamille.platform.billing.web;

import fr.portailfamille.billing.Regie;
import fr.portailfamille.platform.billing.DraftInvoices;
import fr.portailfamille.platform.billing.InvoicingRun;
import fr.portailfamille.platform.billing.IssuedInvoice;
import fr.portailfamille.platform.billing.RunState;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The staff's invoicing page: choose a régie and a month ({@code ?regie=…&mois=2026-10}, so that a
 * reload shows the same run), preview each family's draft with the totals per activity and the
 * anomalies, issue (régisseurs only; the service checks it again), follow the stored progress, list the
 * month's invoices.
 */
@Named
@ViewScoped
public class FacturationView implements Serializable {

    @Inject
    InvoicingRun run;

    @Inject
    UserView user;

    private String regie;
    private String mois;
    /** Why the month in the address cannot be read (beside its field), or {@code null}. */
    private String moisError;
    private transient List<Regie> regies;
    private transient InvoicingRun.Preview preview;
    private transient List<DraftInvoices.MonthToBill> runAgain;

    public void load() {
        regies = run.regies(user.require());
        if ((regie == null || regie.isBlank()) && !regies.isEmpty()) {
            regie = regies.get(0).code();
        }
        runAgain = regie == null || regies.stream().noneMatch(r -> r.code().equals(regie)) ? List.of()
                : run.monthsToRunAgain(user.require(), regie);
        if (mois == null || mois.isBlank()) {
            mois = YearMonth.now(PlatformTime.ZONE).minusMonths(1).toString();
        }
        // a browser without a month picker lets "11/2026" through: said beside the field, as typed
        try {
            month();
            moisError = null;
        } catch (Refused e) {
            moisError = Texts.of(e);
        }
    }

    public String getMoisError() {
        return moisError;
    }

    private YearMonth month() {
        try {
            return YearMonth.parse(mois);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new Refused("mois", Texts.of("agent.facturation.month.invalid"));
        }
    }

    public void showPreview() {
        if (moisError != null) {
            return;
        }
        try {
            preview = run.preview(user.require(), regie, month());
        } catch (Refused e) {
            error(Texts.of(e));
        }
    }

    public void issue() {
        if (moisError != null) {
            return;
        }
        try {
            run.start(user.require(), regie, month());
            readFor = null; // its progress and invoices, read again by the page
            preview = null; // the drafts just went to the run: a new preview shows what is left to bill
            info(Texts.of("agent.facturation.started"));
        } catch (Refused | SecurityException e) {
            error(Texts.of(e));
        }
    }

    /** The request whose reads {@link #progress} and {@link #invoices} are: a page asks for them many times. */
    private transient FacesContext readFor;
    private transient RunState progress;
    private transient boolean progressRead;
    private transient List<IssuedInvoice> invoices;

    /** {@link #progress} and {@link #invoices} read again once per request (the poll's, a reload's). */
    private void fresh() {
        FacesContext now = FacesContext.getCurrentInstance();
        if (readFor != now) {
            readFor = now;
            progress = null;
            progressRead = false;
            invoices = null;
        }
    }

    /** The stored progress of the régie's month, or {@code null} when never issued (read once per request). */
    public RunState getProgress() {
        fresh();
        if (!progressRead && regie != null) {
            progressRead = true;
            try {
                progress = run.progress(user.require(), regie, month()).orElse(null);
            } catch (Refused e) {
                progress = null;
            }
        }
        return progress;
    }

    /** The run's state in words ("en cours", "terminée"…), in the page's language. */
    public String stateLabel(RunState progress) {
        return switch (progress.state()) {
            case "RUNNING", "DONE", "FAILED" -> Texts.of("agent.facturation.state." + progress.state());
            default -> progress.state().toLowerCase(Locale.ROOT);
        };
    }

    /** The month's invoices and credit notes (read once per request; the table shows them by pages). */
    public List<IssuedInvoice> getInvoices() {
        fresh();
        if (invoices == null) {
            try {
                invoices = regie == null ? List.of() : run.invoices(user.require(), regie, month());
            } catch (Refused e) {
                invoices = List.of();
            }
        }
        return invoices;
    }

    public boolean isRegisseur() {
        SignedInUser u = user.require();
        return u.hasRole(StaffRoles.REGISSEUR);
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    public InvoicingRun.Preview getPreview() { return preview; }
    /** The régie's months already invoiced with absences billable since (a certificate refused after the run). */
    public List<DraftInvoices.MonthToBill> getRunAgain() { return runAgain == null ? List.of() : runAgain; }
    /** "octobre 2026" in the page's language. */
    public String monthName(java.time.YearMonth m) {
        return java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", Texts.locale()).format(m);
    }
    public List<Regie> getRegies() {
        if (regies == null) {
            regies = run.regies(user.require());
        }
        return regies;
    }
    public String getRegie() { return regie; }
    public void setRegie(String regie) { this.regie = regie; readFor = null; }
    public String getMois() { return mois; }
    public void setMois(String mois) { this.mois = mois; readFor = null; }
}
