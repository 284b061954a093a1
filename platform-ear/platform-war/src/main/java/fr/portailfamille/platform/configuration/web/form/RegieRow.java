package fr.portailfamille.platform.configuration.web.form;

import fr.portailfamille.billing.Regie;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A régie being edited; the code of a saved régie stays (its invoices and counters hang on it). */
public class RegieRow implements Serializable {
    private String code;
    private final boolean fresh;
    private String label;
    private String invoicePrefix;
    private String managerName;
    private String managerEmail;
    private String managerPhone;
    private List<String> activities = new ArrayList<>();
    private String paymentInstructions;

    /** A régie added on this screen. */
    public RegieRow() {
        fresh = true;
    }

    private RegieRow(Regie r) {
        fresh = false;
        code = r.code();
        label = r.label();
        invoicePrefix = r.invoicePrefix();
        managerName = r.managerName();
        managerEmail = r.managerEmail();
        managerPhone = r.managerPhone();
        activities = new ArrayList<>(r.activities());
        paymentInstructions = r.paymentInstructions();
    }

    public static RegieRow of(Regie r) {
        return new RegieRow(r);
    }

    /** The régie as typed: codes upper case, blank optional texts absent. */
    public Regie toRegie() {
        return new Regie(FormValues.upper(FormValues.blankToNull(code)), FormValues.blankToNull(label),
                FormValues.upper(FormValues.blankToNull(invoicePrefix)), FormValues.blankToNull(managerName),
                FormValues.blankToNull(managerEmail), FormValues.blankToNull(managerPhone),
                activities == null ? List.of() : List.copyOf(activities), FormValues.blankToNull(paymentInstructions));
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    /** A régie added on this screen, whose code can still be chosen. */
    public boolean isFresh() { return fresh; }
    public String getLabel() { return label; }
    public void setLabel(String v) { label = v; }
    public String getInvoicePrefix() { return invoicePrefix; }
    public void setInvoicePrefix(String v) { invoicePrefix = v; }
    public String getManagerName() { return managerName; }
    public void setManagerName(String v) { managerName = v; }
    public String getManagerEmail() { return managerEmail; }
    public void setManagerEmail(String v) { managerEmail = v; }
    public String getManagerPhone() { return managerPhone; }
    public void setManagerPhone(String v) { managerPhone = v; }
    public List<String> getActivities() { return activities; }
    public void setActivities(List<String> v) { activities = v; }
    public String getPaymentInstructions() { return paymentInstructions; }
    public void setPaymentInstructions(String v) { paymentInstructions = v; }
}
