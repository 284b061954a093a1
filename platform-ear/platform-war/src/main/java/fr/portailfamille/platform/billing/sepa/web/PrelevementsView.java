package fr.portailfamille.platform.billing.sepa.web;

import fr.portailfamille.billing.sepa.RejectReason;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.sepa.DirectDebits;
import fr.portailfamille.platform.billing.sepa.Mandate;
import fr.portailfamille.platform.billing.sepa.Mandates;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prélèvements for agents ({@code agent/prelevements.xhtml}): the commune's SEPA mandates (PrimeFaces table; IBAN
 * masked except for régisseurs), the invoicing runs with direct debits, a run's debits with its pain.008 file and,
 * for régisseurs, the bank's rejects (reason code with its French label).
 */
@Named
@ViewScoped
public class PrelevementsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Mandates mandates;

    @Inject
    DirectDebits debits;

    @Inject
    UserView user;

    private boolean activeOnly = true;
    private Long run;
    private final Map<Long, String> reasons = new LinkedHashMap<>();
    private transient List<Mandate> list;
    private transient List<DirectDebits.Run> runs;
    private transient List<DirectDebits.Debit> runDebits;

    public List<Mandate> getMandates() {
        if (list == null) {
            list = mandates.list(user.require(), null, activeOnly);
        }
        return list;
    }

    public List<DirectDebits.Run> getRuns() {
        if (runs == null) {
            runs = debits.runs(user.require());
        }
        return runs;
    }

    public List<DirectDebits.Debit> getDebits() {
        if (run == null) {
            return List.of();
        }
        if (runDebits == null) {
            runDebits = debits.debits(user.require(), run);
        }
        return runDebits;
    }

    /** What the file's servlet had to say ({@link SepaFileServlet#backToThePage}): shown once, then forgotten. */
    public void said() {
        var session = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
        if (session.remove(SepaFileServlet.SAID) instanceof String[] said && said.length == 2) {
            if ("error".equals(said[0])) {
                FormErrors.error(said[1]);
            } else {
                FormErrors.info(said[1]);
            }
        }
    }

    public void show(long runId) {
        run = runId;
        runDebits = null;
    }

    public void filter() {
        list = null;
    }

    private String withdrawReason;
    private String withdrawError;

    /** Whether the run shown has a file the régisseur may withdraw (the bank refused it whole, or it was never sent). */
    public boolean isWithdrawable() {
        return run != null && isRegisseur() && getRuns().stream().anyMatch(r -> r.runId() == run && r.isFileMade());
    }

    /** « Retirer le fichier » of the run shown, with the reason typed: its debits planned again, a new file to make. */
    public void withdraw() {
        withdrawError = null;
        try {
            debits.withdraw(user.require(), run, withdrawReason);
            withdrawReason = null;
            runDebits = null;
            runs = null;
            FormErrors.info(Texts.of("sepa.agent.withdrawn"));
        } catch (Refused e) {
            if ("withdrawReason".equals(e.field())) {
                withdrawError = Texts.of(e); // beside the reason, what was typed kept
            } else {
                FormErrors.error(Texts.of(e));
            }
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    public String getWithdrawReason() { return withdrawReason; }
    public void setWithdrawReason(String withdrawReason) { this.withdrawReason = withdrawReason; }
    public String getWithdrawError() { return withdrawError; }

    /** Records the reject of debit {@code debitId} with the reason picked on its row. */
    public void reject(long debitId) {
        rejectErrors.remove(debitId);
        try {
            debits.reject(user.require(), debitId, reasons.get(debitId));
            runDebits = null;
            runs = null;
            FormErrors.info(Texts.of("sepa.agent.rejectRecorded"));
        } catch (Refused e) {
            if ("reason".equals(e.field())) {
                // beside the row's reason select
                rejectErrors.put(debitId, Texts.of(e));
            } else {
                FormErrors.error(Texts.of(e));
            }
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    /** Why a row's reject was refused, by debit, shown beside its reason. */
    private final Map<Long, String> rejectErrors = new java.util.HashMap<>();

    public Map<Long, String> getRejectErrors() {
        return rejectErrors;
    }

    /** Label → code of the reject reasons. */
    public Map<String, String> getReasonItems() {
        Map<String, String> items = new LinkedHashMap<>();
        RejectReason.all().keySet().forEach(code -> items.put(RejectReasonWords.of(code), code));
        return items;
    }

    /** A debit's state in the page's language (a reject with the bank's reason). */
    public String state(DirectDebits.Debit d) {
        return switch (d.state()) {
            case "PLANNED", "SENT" -> Texts.of("sepa.state." + d.state());
            case "REJECTED" -> Texts.of("sepa.state.REJECTED", d.rejectCode() == null ? d.rejectLabel() : RejectReasonWords.of(d.rejectCode()));
            default -> Texts.of("sepa.state.SKIPPED");
        };
    }

    public boolean isRegisseur() {
        return user.require().roles().contains(StaffRoles.REGISSEUR);
    }

    public String date(LocalDate day) {
        return BillingDates.text(day);
    }

    public Map<Long, String> getReasons() { return reasons; }
    public boolean isActiveOnly() { return activeOnly; }
    public void setActiveOnly(boolean activeOnly) { this.activeOnly = activeOnly; }
    public Long getRun() { return run; }
}
